import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Table } from '../../../ui/Table';
import type { Decision } from '../types';
import { shortDigest } from '../utils/format';

export type DecisionTraceProps = { decision: Decision };

/** Why the last check decided what it did: the tags it weighed and the rule behind each verdict. */
export function DecisionTrace({ decision }: DecisionTraceProps) {
  if (!decision.checked)
    return <p className="cell__muted">Not checked yet: the trace appears after the first check.</p>;
  const dropped = Object.entries(decision.droppedByReason).sort((a, b) => b[1] - a[1]);
  return (
    <div className="decision">
      <dl className="facts">
        <div>
          <dt>Checked</dt>
          <dd>
            <RelativeTime value={decision.checkedAt} />
          </dd>
        </div>
        <div>
          <dt>Current tag</dt>
          <dd className="cell__mono">
            {decision.currentTag ?? '—'}
            {decision.transformedCurrent && decision.transformedCurrent !== decision.currentTag && (
              <span className="cell__muted"> (compared as {decision.transformedCurrent})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Compared by</dt>
          <dd>{decision.tracked ? 'version (tags of the same shape)' : 'digest only'}</dd>
        </div>
        <div>
          <dt>Tags in the registry</dt>
          <dd>{decision.totalTags}</dd>
        </div>
        <div>
          <dt>Candidate</dt>
          <dd className="cell__mono">{decision.candidate ?? 'none'}</dd>
        </div>
      </dl>
      {decision.reason && <p className="decision__reason">{decision.reason}</p>}
      {decision.error && (
        <p className="form-error" role="alert">
          {decision.error}
        </p>
      )}
      {dropped.length > 0 && (
        <p className="cell__chips" aria-label="Tags dropped, by rule">
          {dropped.map(([reason, count]) => (
            <Badge key={reason} title={`${count} tags dropped by the rule "${reason}"`}>
              {reason}: {count}
            </Badge>
          ))}
        </p>
      )}
      {decision.digest && (
        <dl className="facts">
          <div>
            <dt>Digest watched</dt>
            <dd>{decision.digest.watched ? 'yes' : 'no'}</dd>
          </div>
          <div>
            <dt>Local digest</dt>
            <dd className="cell__mono" title={decision.digest.local ?? undefined}>
              {decision.digest.local ? shortDigest(decision.digest.local) : '—'}
            </dd>
          </div>
          <div>
            <dt>Remote digest</dt>
            <dd className="cell__mono" title={decision.digest.remote ?? undefined}>
              {decision.digest.remote ? shortDigest(decision.digest.remote) : '—'}
            </dd>
          </div>
          <div>
            <dt>Digest up to date</dt>
            <dd>
              {decision.digest.upToDate === null
                ? 'unknown'
                : decision.digest.upToDate
                  ? 'yes'
                  : 'no'}
            </dd>
          </div>
        </dl>
      )}
      {decision.considered.length > 0 && (
        <Table label="Tags considered" stacked>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Verdict</th>
              <th scope="col">Rule</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {decision.considered.map((entry, index) => (
              <tr key={`${entry.tag}-${index}`} data-testid="decision-row">
                <td data-label="Tag" className="cell__mono">
                  {entry.tag}
                </td>
                <td data-label="Verdict">
                  <Badge
                    tone={
                      entry.verdict === 'candidate'
                        ? entry.tag === decision.candidate
                          ? 'ok'
                          : 'info'
                        : 'neutral'
                    }
                  >
                    {entry.tag === decision.candidate ? 'winner' : entry.verdict}
                  </Badge>
                </td>
                <td data-label="Rule">{entry.reason}</td>
                <td data-label="Detail" className="cell__muted">
                  {entry.detail ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
