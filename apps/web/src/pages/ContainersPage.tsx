import { ContainersTable } from '../modules/containers/components/ContainersTable';
import { useContainers } from '../modules/containers/hooks/use-containers';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';

export function ContainersPage() {
  const { data, error, isPending, refetch } = useContainers();
  return (
    <section aria-labelledby="containers-title">
      <div className="page__head">
        <h1 id="containers-title">Containers</h1>
        {data && <span className="page__count">{data.length} watched</span>}
      </div>
      {isPending ? (
        <LoadingState label="Loading containers" />
      ) : error ? (
        <ErrorState message={error.message} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState title="No containers yet">Tidewatch lists the containers of its Docker hosts here as soon as it sees them.</EmptyState>
      ) : (
        <ContainersTable containers={data} />
      )}
    </section>
  );
}
