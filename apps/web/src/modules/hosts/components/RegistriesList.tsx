import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import type { Registry } from '../types';
import { quotaText, registryHealth } from '../utils/registry-health';

export type RegistriesListProps = { registries: Registry[] };

/** Registries: masked settings, quota (ratelimit-remaining) and request counters. */
export function RegistriesList({ registries }: RegistriesListProps) {
  return (
    <ul className="cards" aria-label="Registries">
      {registries.map((registry) => {
        const health = registryHealth(registry);
        const settings = Object.entries(registry.configuration).filter(([, value]) => value !== '');
        return (
          <li key={registry.id} className="card" data-testid="registry-card">
            <div className="card__head">
              <div>
                <span className="cell__title">{registry.id}</span>
                <span className="cell__sub cell__mono">{registry.url}</span>
              </div>
              <Badge tone={health.tone}>{health.text}</Badge>
            </div>
            <dl className="kv">
              <div>
                <dt>Quota</dt>
                <dd>
                  {quotaText(registry.rateLimit)}
                  {registry.rateLimit && (
                    <span className="cell__muted">
                      {' '}
                      (<RelativeTime value={registry.rateLimit.updatedAt} />)
                    </span>
                  )}
                </dd>
              </div>
              {settings.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd className="cell__mono">{value}</dd>
                </div>
              ))}
            </dl>
            {registry.requests.length > 0 ? (
              <table className="mini-table" aria-label={`Requests to ${registry.id}`}>
                <thead>
                  <tr>
                    <th scope="col">Request</th>
                    <th scope="col">Status</th>
                    <th scope="col">Count</th>
                  </tr>
                </thead>
                <tbody>
                  {registry.requests.map((entry) => (
                    <tr key={`${entry.kind}-${entry.status}`}>
                      <td>{entry.kind}</td>
                      <td>
                        <Badge tone={/^[23]/.test(entry.status) ? 'ok' : 'error'}>
                          {entry.status}
                        </Badge>
                      </td>
                      <td>{entry.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="cell__muted">No requests since the server started.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
