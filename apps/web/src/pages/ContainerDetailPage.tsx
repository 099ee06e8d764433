import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../app/api-error';
import { ContainerActions } from '../modules/containers/components/ContainerActions';
import { ContainerIcon } from '../modules/containers/components/ContainerIcon';
import { ContainerTriggers } from '../modules/containers/components/ContainerTriggers';
import { ContainerVersions } from '../modules/containers/components/ContainerVersions';
import { DecisionTrace } from '../modules/containers/components/DecisionTrace';
import { LabelsList } from '../modules/containers/components/LabelsList';
import {
  useContainer,
  useContainerDecision,
  useContainerTriggers,
} from '../modules/containers/hooks/use-container';
import { useForgetContainer } from '../modules/containers/hooks/use-container-actions';
import { composeProject } from '../modules/containers/utils/filters';
import { imageLabel } from '../modules/containers/utils/format';
import { isUpdateTrigger } from '../modules/containers/utils/update-action';
import { HistoryTable } from '../modules/history/components/HistoryTable';
import { useHistory } from '../modules/history/hooks/use-history';
import { AsyncContent } from '../ui/AsyncContent';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';
import { RelativeTime } from '../ui/RelativeTime';
import { useToast } from '../ui/Toaster';

export function ContainerDetailPage() {
  const { id = '' } = useParams();
  const container = useContainer(id);
  const decision = useContainerDecision(id);
  const triggers = useContainerTriggers(id);
  const identity = container.data?.identity;
  const history = useHistory(
    { container: identity ?? '', page: 1, limit: 20 },
    { enabled: Boolean(identity) },
  );
  const [confirmForget, setConfirmForget] = useState(false);
  const forget = useForgetContainer();
  const navigate = useNavigate();
  const toast = useToast();

  if (!container.data) {
    if (container.error)
      return container.error instanceof ApiError && container.error.status === 404 ? (
        <EmptyState title="Container not found">
          It may have been removed from its host. <Link to="/containers">Back to containers</Link>
        </EmptyState>
      ) : (
        <ErrorState message={container.error.message} onRetry={() => void container.refetch()} />
      );
    return <LoadingState label="Loading container" />;
  }

  const data = container.data;
  const project = composeProject(data);
  const updateTriggersExist = (triggers.data ?? []).some(isUpdateTrigger);
  const handleForget = () =>
    forget.mutate(data.id, {
      onSuccess: () => {
        toast.show('ok', `Forgot ${data.displayName}`);
        void navigate('/containers');
      },
    });

  return (
    <article aria-labelledby="container-title" className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/containers">Containers</Link> <span aria-hidden="true">/</span>{' '}
        <span>{data.displayName}</span>
      </nav>
      <PageHeader
        id="container-title"
        leading={<ContainerIcon icon={data.displayIcon} name={data.name} size={36} />}
        title={data.displayName}
        meta={
          <span className="cell__chips">
            <Badge tone={data.status === 'running' ? 'ok' : 'warn'}>{data.status}</Badge>
            <span>
              on{' '}
              <Link to={`/containers?host=${encodeURIComponent(data.watcher)}`}>
                {data.watcher}
              </Link>
            </span>
            {project && (
              <span>
                · project{' '}
                <Link to={`/containers?group=project&q=${encodeURIComponent(project)}`}>
                  {project}
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          <>
            <ContainerActions
              container={data}
              updateTriggersExist={updateTriggersExist}
              size="md"
            />
            <Button variant="ghost" onClick={() => setConfirmForget(true)}>
              Forget
            </Button>
          </>
        }
      />
      <p className="cell__mono detail__image">
        {imageLabel(data)}
        {data.name !== data.displayName && (
          <span className="cell__muted"> · container {data.name}</span>
        )}
        <span className="cell__muted">
          {' '}
          · checked <RelativeTime value={data.checkedAt} fallback="never" />
        </span>
      </p>

      {data.error && (
        <div className="alert alert--error" role="alert">
          <strong>The last check failed.</strong> {data.error.message}
        </div>
      )}

      <Panel title="Current and candidate">
        <ContainerVersions container={data} />
      </Panel>

      <Panel
        title="Why this candidate"
        description="The decision trace of the last check: which tags were considered and which rule decided each."
      >
        <AsyncContent source={decision} loadingLabel="Loading the decision trace" compact>
          {(trace) => <DecisionTrace decision={trace} />}
        </AsyncContent>
      </Panel>

      <Panel title="Triggers" actions={<Link to="/triggers">Manage triggers</Link>}>
        <AsyncContent
          source={triggers}
          loadingLabel="Loading triggers"
          isEmpty={(list) => list.length === 0}
          emptyTitle="No trigger applies to this container"
          empty={<Link to="/triggers/new">Create a trigger</Link>}
          compact
        >
          {(list) => <ContainerTriggers container={data} triggers={list} />}
        </AsyncContent>
      </Panel>

      <Panel
        title="History"
        actions={
          <Link to={`/history?container=${encodeURIComponent(data.identity)}`}>Full history</Link>
        }
      >
        <AsyncContent
          source={history}
          loadingLabel="Loading history"
          isEmpty={(page) => page.items.length === 0}
          emptyTitle="No trigger has run for this container yet"
          compact
        >
          {(page) => (
            <HistoryTable runs={page.items} label="Runs for this container" showContainer={false} />
          )}
        </AsyncContent>
      </Panel>

      <Panel title="Labels">
        <LabelsList labels={data.labels} />
      </Panel>

      <ConfirmDialog
        open={confirmForget}
        title={`Forget ${data.displayName}?`}
        confirmLabel="Forget"
        pending={forget.isPending}
        error={forget.error?.message}
        onConfirm={handleForget}
        onCancel={() => setConfirmForget(false)}
      >
        <p>
          Tidewatch drops its record of this container. The container keeps running; the next sync
          of its host lists it again if it still exists.
        </p>
      </ConfirmDialog>
    </article>
  );
}
