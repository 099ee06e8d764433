import { Link } from 'react-router-dom';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Table } from '../../../ui/Table';
import { formatDuration } from '../../../ui/time';
import { useToast } from '../../../ui/Toaster';
import { useRetryRun } from '../hooks/use-history';
import type { TriggerRun } from '../types';
import { canRetry, parseSteps } from '../utils/history-filters';

export type HistoryTableProps = { runs: TriggerRun[]; label?: string; showContainer?: boolean };

const STATUS_TONE: Record<string, BadgeTone> = { success: 'ok', error: 'error', retrying: 'warn' };

/** Trigger runs and updates: when, what, outcome, attempts, duration, error; Retry for failed deliveries. */
export function HistoryTable({
  runs,
  label = 'Trigger runs',
  showContainer = true,
}: HistoryTableProps) {
  return (
    <Table label={label} stacked className="table--history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Trigger</th>
          {showContainer && <th scope="col">Container</th>}
          <th scope="col">Event</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <HistoryRow key={run.id} run={run} showContainer={showContainer} />
        ))}
      </tbody>
    </Table>
  );
}

type HistoryRowProps = { run: TriggerRun; showContainer: boolean };

function HistoryRow({ run, showContainer }: HistoryRowProps) {
  const retry = useRetryRun();
  const toast = useToast();
  const steps = parseSteps(run.steps);
  const handleRetry = () =>
    retry.mutate(run.id, {
      onSuccess: () => toast.show('ok', `Queued ${run.trigger} again`),
      onError: (error) => toast.show('error', `Retry failed: ${error.message}`),
    });
  return (
    <tr data-testid="history-row" data-trigger={run.trigger} data-status={run.status}>
      <td data-label="When">
        <RelativeTime value={run.at} />
        <span className="cell__sub">{run.origin}</span>
      </td>
      <td data-label="Trigger">
        <Link
          to={`/triggers/${encodeURIComponent(run.triggerType)}/${encodeURIComponent(run.triggerName)}`}
        >
          {run.trigger}
        </Link>
      </td>
      {showContainer && (
        <td data-label="Container">
          {run.containerName ?? <span className="cell__muted">—</span>}
          {run.containerIdentity && run.containerIdentity !== run.containerName && (
            <span className="cell__sub">{run.containerIdentity}</span>
          )}
        </td>
      )}
      <td data-label="Event">{run.event}</td>
      <td data-label="Outcome">
        <span className="cell__chips">
          <Badge tone={STATUS_TONE[run.status] ?? 'neutral'}>{run.status}</Badge>
          {run.attempt > 1 && <span className="cell__muted">attempt {run.attempt}</span>}
        </span>
        <span className="cell__sub">
          {formatDuration(run.durationMs)}
          {run.deliveryStatus &&
            run.deliveryStatus !== 'delivered' &&
            ` · delivery ${run.deliveryStatus}`}
        </span>
      </td>
      <td data-label="Details" className="cell__details">
        {run.error ? (
          <span className="cell__error">{run.error}</span>
        ) : run.summary ? (
          <span className="cell__muted">{run.summary}</span>
        ) : (
          <span className="cell__muted">—</span>
        )}
        {steps.length > 0 && (
          <details className="steps">
            <summary>{steps.length} steps</summary>
            <ol>
              {steps.map((step, index) => (
                <li key={`${step.name}-${index}`}>
                  <span className={step.ok === false ? 'cell__error' : undefined}>{step.name}</span>{' '}
                  <span className="cell__muted">{formatDuration(step.durationMs)}</span>
                  {step.detail && <span className="cell__sub">{step.detail}</span>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
      <td data-label="Actions" className="cell__actions">
        {canRetry(run) && (
          <Button
            size="sm"
            onClick={handleRetry}
            pending={retry.isPending}
            pendingLabel="Queuing"
            aria-label={`Retry ${run.trigger} for ${run.containerName ?? 'this run'}`}
          >
            Retry
          </Button>
        )}
      </td>
    </tr>
  );
}
