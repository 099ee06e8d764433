import { useDeferredValue, useMemo } from 'react';
import { ContainerFilters } from '../modules/containers/components/ContainerFilters';
import { ContainersTable } from '../modules/containers/components/ContainersTable';
import { useWatchAll } from '../modules/containers/hooks/use-container-actions';
import { useContainerFilters } from '../modules/containers/hooks/use-container-filters';
import { useContainers } from '../modules/containers/hooks/use-containers';
import {
  activeFilterCount,
  type ContainerFilters as Filters,
  defaultDirection,
  filterOptions,
  matchesFilters,
  sortContainers,
} from '../modules/containers/utils/filters';
import { isUpdateTrigger } from '../modules/containers/utils/update-action';
import { useTriggers } from '../modules/triggers/hooks/use-triggers';
import { Button } from '../ui/Button';
import { Elapsed } from '../ui/Elapsed';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { useToast } from '../ui/Toaster';

export function ContainersPage() {
  const { data, error, isPending, refetch } = useContainers();
  const triggers = useTriggers();
  const { filters, setFilters, clearFilters, toggleSort } = useContainerFilters();
  const deferred = useDeferredValue(filters);
  const toast = useToast();
  const watchAll = useWatchAll({
    onSuccess: (containers) =>
      toast.show(
        'ok',
        `Checked ${containers.length} containers: ${containers.filter((c) => c.updateAvailable).length} with an update`,
      ),
    onError: (failure) => toast.show('error', `Check failed: ${failure.message}`),
  });

  const options = useMemo(() => filterOptions(data ?? []), [data]);
  const visible = useMemo(() => {
    if (!data) return [];
    return sortContainers(
      data.filter((container) => matchesFilters(container, deferred)),
      deferred.sort,
      deferred.dir,
    );
  }, [data, deferred]);
  const updateTriggersExist = (triggers.data ?? []).some(
    (trigger) => isUpdateTrigger(trigger) && trigger.enabled,
  );
  const active = activeFilterCount(filters);
  const handleChange = (patch: Partial<Filters>) =>
    setFilters(patch.sort ? { ...patch, dir: defaultDirection(patch.sort) } : patch);

  return (
    <section aria-labelledby="containers-title" className="page">
      <PageHeader
        id="containers-title"
        title="Containers"
        meta={
          data
            ? active > 0
              ? `${visible.length} of ${data.length}`
              : `${data.length} watched`
            : undefined
        }
        actions={
          <Button
            variant="primary"
            onClick={() => watchAll.mutate()}
            pending={watchAll.isPending}
            pendingLabel={
              <>
                Checking all <Elapsed since={watchAll.submittedAt} />
              </>
            }
          >
            Check all now
          </Button>
        }
      />
      <ContainerFilters
        filters={filters}
        options={options}
        activeCount={active}
        onChange={handleChange}
        onClear={clearFilters}
      />
      {!data ? (
        error && !isPending ? (
          <ErrorState message={error.message} onRetry={() => void refetch()} />
        ) : (
          <LoadingState label="Loading containers" />
        )
      ) : data.length === 0 ? (
        <EmptyState title="No containers yet">
          Tidewatch lists the containers of its Docker hosts here as soon as it sees them.
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState title="No container matches">
          <Button onClick={clearFilters}>Clear filters</Button>
        </EmptyState>
      ) : (
        <ContainersTable
          containers={visible}
          groupBy={deferred.group}
          sort={filters.sort}
          direction={filters.dir}
          onSort={toggleSort}
          updateTriggersExist={updateTriggersExist}
        />
      )}
    </section>
  );
}
