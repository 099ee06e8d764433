import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import { SortHeader } from '../../../ui/Table';
import type { Container } from '../types';
import {
  buildRows,
  type ContainerGroup,
  groupContainers,
  type GroupBy,
  type SortDirection,
  type SortKey,
} from '../utils/filters';
import { candidateLabel, imageLabel, updateBadge } from '../utils/format';
import { ContainerActions } from './ContainerActions';
import { ContainerIcon } from './ContainerIcon';

/** Set once per page load when the table first shows data (read by the UI benchmark). */
export const CONTAINERS_READY_MARK = 'tidewatch:containers-ready';

const ROW_HEIGHT = 60;
const GROUP_ROW_HEIGHT = 44;
const NARROW_QUERY = '(max-width: 720px)';

const COLUMNS: Array<{ key: SortKey | 'actions'; label: string; width: string }> = [
  { key: 'name', label: 'Name', width: '24%' },
  { key: 'host', label: 'Host', width: '10%' },
  { key: 'image', label: 'Image', width: '24%' },
  { key: 'update', label: 'Update', width: '17%' },
  { key: 'checked', label: 'Checked', width: '10%' },
  { key: 'actions', label: 'Actions', width: '15%' },
];

export type ContainersTableProps = {
  /** Already filtered and sorted. */
  containers: Container[];
  groupBy?: GroupBy;
  sort?: SortKey;
  direction?: SortDirection;
  onSort?: (key: SortKey) => void;
  updateTriggersExist?: boolean;
};

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW_QUERY);
    const handleChange = () => setNarrow(query.matches);
    query.addEventListener('change', handleChange);
    return () => query.removeEventListener('change', handleChange);
  }, []);
  return narrow;
}

/**
 * Every container in one table, virtualised against the window scroll: only the rows in view (and
 * a margin) are in the DOM, so 1 000+ containers scroll and filter smoothly. Rows have a fixed
 * height on wide screens (the columns truncate) and are measured when they become cards on
 * narrow ones.
 */
export function ContainersTable({
  containers,
  groupBy = 'none',
  sort = 'name',
  direction = 'asc',
  onSort,
  updateTriggersExist = false,
}: ContainersTableProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(() => groupContainers(containers, groupBy), [containers, groupBy]);
  const rows = useMemo(
    () => buildRows(groups, groupBy !== 'none', collapsed),
    [groups, groupBy, collapsed],
  );
  const narrow = useNarrow();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const measure = () =>
      setScrollMargin((bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [narrow, rows.length]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) =>
      rows[index]?.kind === 'group' ? GROUP_ROW_HEIGHT : narrow ? 150 : ROW_HEIGHT,
    overscan: 10,
    scrollMargin,
    getItemKey: (index) => {
      const row = rows[index];
      return row.kind === 'group' ? `group:${row.group.key}` : row.container.id;
    },
  });

  useEffect(() => {
    if (containers.length === 0 || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName(CONTAINERS_READY_MARK).length === 0)
      performance.mark(CONTAINERS_READY_MARK);
  }, [containers.length]);

  const handleToggleGroup = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? items[0].start - scrollMargin : 0;
  const paddingBottom =
    items.length > 0
      ? virtualizer.getTotalSize() - (items[items.length - 1].end - scrollMargin)
      : 0;

  return (
    <div className="table-wrap table-wrap--containers">
      <table
        className="table table--containers"
        aria-label="Containers"
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) =>
              column.key === 'actions' || !onSort ? (
                <th key={column.key} scope="col">
                  {column.key === 'actions' ? (
                    <span className="visually-hidden">{column.label}</span>
                  ) : (
                    column.label
                  )}
                </th>
              ) : (
                <SortHeader
                  key={column.key}
                  label={column.label}
                  active={sort === column.key}
                  direction={direction}
                  onSort={() => onSort(column.key as SortKey)}
                />
              ),
            )}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 && (
            <tr className="spacer-row" aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            const measure = narrow ? virtualizer.measureElement : undefined;
            return row.kind === 'group' ? (
              <GroupRow
                key={item.key}
                group={row.group}
                collapsed={row.collapsed}
                index={item.index}
                rowRef={measure}
                onToggle={handleToggleGroup}
              />
            ) : (
              <ContainerRow
                key={item.key}
                container={row.container}
                index={item.index}
                rowRef={measure}
                updateTriggersExist={updateTriggersExist}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr className="spacer-row" aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

type RowRef = ((element: HTMLTableRowElement | null) => void) | undefined;

type GroupRowProps = {
  group: ContainerGroup;
  collapsed: boolean;
  index: number;
  rowRef: RowRef;
  onToggle: (key: string) => void;
};

function GroupRow({ group, collapsed, index, rowRef, onToggle }: GroupRowProps) {
  return (
    <tr
      className="group-row"
      data-index={index}
      ref={rowRef}
      aria-rowindex={index + 2}
      data-testid="group-row"
    >
      <th colSpan={COLUMNS.length} scope="rowgroup">
        <button
          type="button"
          className="group-row__toggle"
          aria-expanded={!collapsed}
          onClick={() => onToggle(group.key)}
        >
          <span className="group-row__chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          <span className="group-row__label">{group.label}</span>
          <span className="cell__muted">
            {group.containers.length} {group.containers.length === 1 ? 'container' : 'containers'}
            {group.updates > 0 &&
              ` · ${group.updates} ${group.updates === 1 ? 'update' : 'updates'}`}
          </span>
        </button>
      </th>
    </tr>
  );
}

type ContainerRowProps = {
  container: Container;
  index: number;
  rowRef: RowRef;
  updateTriggersExist: boolean;
};

function ContainerRow({ container, index, rowRef, updateTriggersExist }: ContainerRowProps) {
  const image = imageLabel(container);
  return (
    <tr
      data-testid="container-row"
      data-container-name={container.name}
      data-index={index}
      ref={rowRef}
      aria-rowindex={index + 2}
    >
      <td data-label="Name">
        <div className="cell__name">
          <ContainerIcon icon={container.displayIcon} name={container.name} />
          <div className="cell__name-text">
            <Link className="cell__title" to={`/containers/${container.id}`}>
              {container.displayName}
            </Link>
            <span className="cell__sub">
              {container.displayName !== container.name && <span>{container.name}</span>}
              {container.status !== 'running' && (
                <Badge
                  tone={
                    container.status === 'exited' || container.status === 'dead'
                      ? 'warn'
                      : 'neutral'
                  }
                >
                  {container.status}
                </Badge>
              )}
            </span>
          </div>
        </div>
      </td>
      <td data-label="Host" className="cell__truncate">
        {container.watcher}
      </td>
      <td data-label="Image" className="cell__mono cell__truncate" title={image}>
        {image}
      </td>
      <td data-label="Update">
        <UpdateCell container={container} />
      </td>
      <td data-label="Checked" className="cell__truncate">
        <RelativeTime value={container.checkedAt} fallback="not yet" />
      </td>
      <td data-label="Actions" className="cell__actions">
        <ContainerActions container={container} updateTriggersExist={updateTriggersExist} />
      </td>
    </tr>
  );
}

export type UpdateCellProps = { container: Container };

/** The candidate and the size of the step, or why there is none. */
export function UpdateCell({ container }: UpdateCellProps) {
  const badge = updateBadge(container);
  const candidate = candidateLabel(container);
  if (container.error)
    return (
      <Badge tone="error" title={container.error.message}>
        error
      </Badge>
    );
  if (badge)
    return (
      <span className="cell__update">
        <span aria-hidden="true" className="cell__muted">
          →
        </span>
        {candidate && <span className="cell__mono">{candidate}</span>}
        <Badge tone={badge.tone}>{badge.text}</Badge>
      </span>
    );
  if (container.checkedAt) return <span className="cell__muted">up to date</span>;
  return <span className="cell__muted">not checked yet</span>;
}
