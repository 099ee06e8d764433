import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { HistoryFilters } from '../modules/history/components/HistoryFilters';
import { HistoryTable } from '../modules/history/components/HistoryTable';
import { useHistory } from '../modules/history/hooks/use-history';
import {
  DEFAULT_HISTORY_FILTERS,
  type HistoryFilters as Filters,
  historyFiltersToParams,
  parseHistoryFilters,
  toHistoryQuery,
} from '../modules/history/utils/history-filters';
import { useTriggers } from '../modules/triggers/hooks/use-triggers';
import { AsyncContent } from '../ui/AsyncContent';
import { Button } from '../ui/Button';
import { PageHeader } from '../ui/PageHeader';

export function HistoryPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseHistoryFilters(params), [params]);
  const query = useMemo(() => toHistoryQuery(filters), [filters]);
  const history = useHistory(query);
  const triggers = useTriggers();
  const setFilters = useCallback(
    (patch: Partial<Filters>) =>
      setParams(
        (current) => historyFiltersToParams({ ...parseHistoryFilters(current), ...patch }),
        { replace: true },
      ),
    [setParams],
  );
  const triggerIds = useMemo(
    () => (triggers.data ?? []).map((trigger) => trigger.id).sort(),
    [triggers.data],
  );
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / history.data.limit)) : 1;

  return (
    <section aria-labelledby="history-title" className="page">
      <PageHeader
        id="history-title"
        title="History"
        meta={history.data ? `${history.data.total} runs` : undefined}
      />
      <HistoryFilters
        filters={filters}
        triggerIds={triggerIds}
        onChange={setFilters}
        onClear={() =>
          setParams(historyFiltersToParams(DEFAULT_HISTORY_FILTERS), { replace: true })
        }
      />
      <AsyncContent
        source={history}
        loadingLabel="Loading history"
        isEmpty={(page) => page.items.length === 0}
        emptyTitle={params.toString() ? 'No run matches these filters' : 'No trigger has run yet'}
        empty={
          params.toString()
            ? undefined
            : 'Every notification and update is recorded here, with its outcome.'
        }
      >
        {(page) => (
          <div
            className={history.isPlaceholderData ? 'is-refreshing' : undefined}
            aria-busy={history.isPlaceholderData || undefined}
          >
            <HistoryTable runs={page.items} />
            <nav className="pager" aria-label="History pages">
              <Button
                size="sm"
                onClick={() => setFilters({ page: filters.page - 1 })}
                disabledReason={filters.page <= 1 ? 'This is the first page' : undefined}
              >
                ← Newer
              </Button>
              <span className="cell__muted">
                Page {page.page} of {pages}
              </span>
              <Button
                size="sm"
                onClick={() => setFilters({ page: filters.page + 1 })}
                disabledReason={filters.page >= pages ? 'This is the last page' : undefined}
              >
                Older →
              </Button>
            </nav>
          </div>
        )}
      </AsyncContent>
    </section>
  );
}
