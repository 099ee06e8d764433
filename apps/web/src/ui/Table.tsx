import type { ReactNode } from 'react';

export type TableProps = {
  label: string;
  children: ReactNode;
  className?: string;
  stacked?: boolean;
};

/** A horizontally scrollable data table; `stacked` turns rows into cards on narrow screens. */
export function Table({ label, children, className, stacked = false }: TableProps) {
  return (
    <div className="table-wrap">
      <table
        className={['table', stacked ? 'table--stacked' : '', className ?? '']
          .filter(Boolean)
          .join(' ')}
        aria-label={label}
      >
        {children}
      </table>
    </div>
  );
}

export type SortDirection = 'asc' | 'desc';
export type SortHeaderProps = {
  label: string;
  active: boolean;
  direction: SortDirection;
  onSort: () => void;
  className?: string;
};

/** A column header that sorts; announces its state with aria-sort. */
export function SortHeader({ label, active, direction, onSort, className }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
