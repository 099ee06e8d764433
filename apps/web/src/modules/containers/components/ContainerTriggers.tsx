import { Link } from 'react-router-dom';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Elapsed } from '../../../ui/Elapsed';
import { Table } from '../../../ui/Table';
import { formatDuration } from '../../../ui/time';
import { useToast } from '../../../ui/Toaster';
import { usePendingContainerActions, useRunContainerTrigger } from '../hooks/use-container-actions';
import type { Container, ContainerTrigger } from '../types';
import { isUpdateTrigger } from '../utils/update-action';

export type ContainerTriggersProps = { container: Container; triggers: ContainerTrigger[] };

/** The triggers that apply to a container, each with a Run button and its last outcome. */
export function ContainerTriggers({ container, triggers }: ContainerTriggersProps) {
  return (
    <Table label="Triggers of this container" stacked>
      <thead>
        <tr>
          <th scope="col">Trigger</th>
          <th scope="col">Fires on</th>
          <th scope="col">Run now</th>
        </tr>
      </thead>
      <tbody>
        {triggers.map((trigger) => (
          <ContainerTriggerRow key={trigger.id} container={container} trigger={trigger} />
        ))}
      </tbody>
    </Table>
  );
}

type ContainerTriggerRowProps = { container: Container; trigger: ContainerTrigger };

function ContainerTriggerRow({ container, trigger }: ContainerTriggerRowProps) {
  const toast = useToast();
  const pending = usePendingContainerActions(container.id);
  const run = useRunContainerTrigger({
    onError: (error) =>
      toast.show('error', `${trigger.id} failed for ${container.displayName}: ${error.message}`),
  });
  const running = pending.running.find(
    (entry) => entry.type === trigger.type && entry.name === trigger.name,
  );
  const update = isUpdateTrigger(trigger);
  const handleRun = () =>
    run.mutate({ containerId: container.id, type: trigger.type, name: trigger.name });
  return (
    <tr data-testid="container-trigger-row" data-trigger-id={trigger.id}>
      <td data-label="Trigger">
        <Link
          to={`/triggers/${encodeURIComponent(trigger.type)}/${encodeURIComponent(trigger.name)}`}
          className="cell__title"
        >
          {trigger.id}
        </Link>
        {(update || !trigger.enabled || !trigger.auto) && (
          <span className="cell__chips">
            {update && <Badge tone="info">updates the container</Badge>}
            {!trigger.enabled && <Badge tone="warn">disabled</Badge>}
            {!trigger.auto && <Badge>manual only</Badge>}
          </span>
        )}
      </td>
      <td data-label="Fires on">
        {trigger.containerThreshold === 'all'
          ? 'any update'
          : `up to ${trigger.containerThreshold}`}{' '}
        · {trigger.mode}
      </td>
      <td data-label="Run now">
        <div className="run-cell">
          <Button
            size="sm"
            variant={update ? 'primary' : 'default'}
            onClick={handleRun}
            pending={Boolean(running)}
            pendingLabel={
              running ? (
                <>
                  Running <Elapsed since={running.since} />
                </>
              ) : undefined
            }
            disabledReason={trigger.enabled ? undefined : 'This trigger is disabled'}
            aria-label={`${update ? 'Update with' : 'Run'} ${trigger.id}`}
          >
            {update ? 'Update' : 'Run'}
          </Button>
          <span
            role="status"
            aria-live="polite"
            className="run-cell__outcome"
            data-testid="run-outcome"
          >
            {run.isPending ? null : run.error ? (
              <Badge tone="error" title={run.error.message}>
                failed: {run.error.message}
              </Badge>
            ) : run.data ? (
              <Badge tone={run.data.ok ? 'ok' : 'error'} title={run.data.summary ?? undefined}>
                {run.data.ok
                  ? `done in ${formatDuration(run.data.durationMs)}`
                  : `failed: ${run.data.error ?? ''}`}
              </Badge>
            ) : null}
          </span>
        </div>
      </td>
    </tr>
  );
}
