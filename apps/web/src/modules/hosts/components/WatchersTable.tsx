import { Link } from 'react-router-dom';
import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Table } from '../../../ui/Table';
import type { Watcher } from '../types';

export type WatchersTableProps = { watchers: Watcher[]; showConfiguration?: boolean };

function configurationText(configuration: Watcher['configuration']): Array<[string, string]> {
  return Object.entries(configuration)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => [key, String(value)]);
}

/** Docker hosts: connection state, schedule, last error, how many containers. */
export function WatchersTable({ watchers, showConfiguration = true }: WatchersTableProps) {
  return (
    <Table label="Docker hosts" stacked>
      <thead>
        <tr>
          <th scope="col">Host</th>
          <th scope="col">State</th>
          <th scope="col">Containers</th>
          <th scope="col">Last check</th>
          <th scope="col">Next check</th>
          {showConfiguration && <th scope="col">Settings</th>}
        </tr>
      </thead>
      <tbody>
        {watchers.map((watcher) => (
          <tr key={watcher.id} data-testid="watcher-row">
            <td data-label="Host">
              <span className="cell__title">{watcher.name}</span>
              <span className="cell__sub">{watcher.type}</span>
            </td>
            <td data-label="State">
              <Badge tone={watcher.connected ? 'ok' : 'error'}>
                {watcher.connected ? 'connected' : 'unreachable'}
              </Badge>
              {watcher.lastError && (
                <span className="cell__error cell__sub">{watcher.lastError}</span>
              )}
            </td>
            <td data-label="Containers">
              <Link to={`/containers?host=${encodeURIComponent(watcher.name)}`}>
                {watcher.containerCount}
              </Link>
            </td>
            <td data-label="Last check">
              <RelativeTime value={watcher.lastCheck} />
            </td>
            <td data-label="Next check">
              <RelativeTime value={watcher.nextCheck} fallback="not scheduled" />
            </td>
            {showConfiguration && (
              <td data-label="Settings">
                <dl className="kv">
                  {configurationText(watcher.configuration).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd className="cell__mono">{value}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
