import type { Container } from '@tidewatch/api-client';
import { Badge } from '../../../ui/Badge';
import { candidateLabel, imageLabel, updateBadge } from '../utils/format';

export type ContainersTableProps = { containers: Container[] };

export function ContainersTable({ containers }: ContainersTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Containers">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Host</th>
            <th scope="col">Image</th>
            <th scope="col">Status</th>
            <th scope="col">Update</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((container) => (
            <ContainerRow key={container.id} container={container} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContainerRow({ container }: { container: Container }) {
  const badge = updateBadge(container);
  const candidate = candidateLabel(container);
  return (
    <tr data-testid="container-row" data-container-name={container.name}>
      <td>
        <span className="cell__title">{container.displayName}</span>
        {container.displayName !== container.name && <span className="cell__sub">{container.name}</span>}
      </td>
      <td>{container.watcher}</td>
      <td className="cell__mono">{imageLabel(container)}</td>
      <td>
        <Badge tone={container.status === 'running' ? 'ok' : 'neutral'}>{container.status}</Badge>
      </td>
      <td>
        {container.error ? (
          <Badge tone="error" title={container.error.message}>
            error
          </Badge>
        ) : badge ? (
          <span className="cell__update">
            <span className="cell__mono">{candidate}</span> <Badge tone={badge.tone}>{badge.text}</Badge>
          </span>
        ) : container.checkedAt ? (
          <span className="cell__muted">up to date</span>
        ) : (
          <span className="cell__muted">not checked yet</span>
        )}
      </td>
    </tr>
  );
}
