import { useLiveStatus } from '../app/live-status';
import { useAppInfo, useHealth } from '../modules/system/hooks/use-system';
import { Badge } from '../ui/Badge';
import { formatDuration } from '../ui/time';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';

export function SettingsPage() {
  const app = useAppInfo();
  const health = useHealth();
  const live = useLiveStatus();
  return (
    <section aria-labelledby="settings-title" className="page">
      <PageHeader id="settings-title" title="Settings & about" />
      <Panel title="About">
        <dl className="kv kv--wide">
          <div>
            <dt>Version</dt>
            <dd data-testid="app-version">
              {app.data ? (
                `${app.data.name} ${app.data.version}`
              ) : app.error ? (
                <span className="cell__error">{app.error.message}</span>
              ) : (
                '…'
              )}
            </dd>
          </div>
          <div>
            <dt>Server</dt>
            <dd>
              {health.data ? (
                <>
                  <Badge tone={health.data.status === 'ok' ? 'ok' : 'error'}>
                    {health.data.status}
                  </Badge>{' '}
                  up for {formatDuration(health.data.uptime * 1000)}
                </>
              ) : health.error ? (
                <Badge tone="error">unreachable</Badge>
              ) : (
                '…'
              )}
            </dd>
          </div>
          <div>
            <dt>Live updates</dt>
            <dd>
              <Badge tone={live === 'live' ? 'ok' : live === 'connecting' ? 'warn' : 'error'}>
                {live}
              </Badge>{' '}
              <span className="cell__muted">Server-Sent Events from /api/events</span>
            </dd>
          </div>
          <div>
            <dt>Data location</dt>
            <dd>
              <span className="cell__mono">TIDEWATCH_DATA_DIR</span>{' '}
              <span className="cell__muted">
                (default ./data; SQLite file tidewatch.db, or PostgreSQL when TIDEWATCH_DATABASE_URL
                is set)
              </span>
            </dd>
          </div>
          <div>
            <dt>Theme</dt>
            <dd>Follows the system setting (light or dark).</dd>
          </div>
        </dl>
      </Panel>
      <Panel title="API">
        <ul className="link-list">
          <li>
            <a href="/api/docs">Interactive API documentation</a>{' '}
            <span className="cell__muted">(/api/docs)</span>
          </li>
          <li>
            <a href="/api/openapi.json">OpenAPI document</a>{' '}
            <span className="cell__muted">(/api/openapi.json)</span>
          </li>
          <li>
            <a href="/metrics">Prometheus metrics</a>{' '}
            <span className="cell__muted">(/metrics)</span>
          </li>
          <li>
            <a href="/health">Health check</a> <span className="cell__muted">(/health)</span>
          </li>
        </ul>
      </Panel>
    </section>
  );
}
