import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

/** The part of a query result a view needs (TanStack Query's result fits). */
export type AsyncSource<T> = {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => unknown;
};

export type AsyncContentProps<T> = {
  source: AsyncSource<T>;
  loadingLabel: string;
  /** Shown instead of `children` when `isEmpty(data)`. */
  isEmpty?: (data: T) => boolean;
  emptyTitle?: string;
  empty?: ReactNode;
  compact?: boolean;
  children: (data: T) => ReactNode;
};

/** Loading, error and empty states for one query, so no view forgets one. */
export function AsyncContent<T>({
  source,
  loadingLabel,
  isEmpty,
  emptyTitle = 'Nothing here yet',
  empty,
  compact,
  children,
}: AsyncContentProps<T>) {
  if (source.data === undefined) {
    if (source.error)
      return (
        <ErrorState
          message={source.error.message}
          onRetry={() => void source.refetch()}
          compact={compact}
        />
      );
    return <LoadingState label={loadingLabel} compact={compact} />;
  }
  if (isEmpty?.(source.data))
    return (
      <EmptyState title={emptyTitle} compact={compact}>
        {empty}
      </EmptyState>
    );
  return <>{children(source.data)}</>;
}
