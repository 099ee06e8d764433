import type { ReactNode } from 'react';

export type EmptyStateProps = { title: string; children?: ReactNode; compact?: boolean };

export function EmptyState({ title, children, compact = false }: EmptyStateProps) {
  return (
    <div className={`state${compact ? ' state--compact' : ''}`} role="status">
      <p className="state__title">{title}</p>
      {children && <div className="state__body">{children}</div>}
    </div>
  );
}
