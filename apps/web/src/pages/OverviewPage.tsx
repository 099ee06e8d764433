import { Link } from 'react-router-dom';
import { useContainers } from '../modules/containers/hooks/use-containers';
import { HistoryTable } from '../modules/history/components/HistoryTable';
import { useHistory } from '../modules/history/hooks/use-history';
import { useRegistries, useWatchers } from '../modules/hosts/hooks/use-hosts';
import type { Registry } from '../modules/hosts/types';
import { quotaText, registryHealth } from '../modules/hosts/utils/registry-health';
import { summarizeFleet } from '../modules/overview/utils/summary';
import { AsyncContent } from '../ui/AsyncContent';
import { Badge } from '../ui/Badge';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';
import { RelativeTime } from '../ui/RelativeTime';
import { Stat } from '../ui/Stat';
import { Table } from '../ui/Table';

const LEVELS = ['major', 'minor', 'patch', 'prerelease', 'digest'] as const;

export function OverviewPage() {
  const containers = useContainers();
  const watchers = useWatchers();
  const registries = useRegistries();
  const recent = useHistory({ page: 1, limit: 8 });
  const failedDeliveries = useHistory({ page: 1, limit: 1, status: 'error' });
  const summary = containers.data ? summarizeFleet(containers.data) : null;
  const pending = <span className="stat__placeholder" aria-label="loading" />;
  const connected = watchers.data?.filter((watcher) => watcher.connected).length;

  return (
    <section aria-labelledby="overview-title" className="page">
      <PageHeader id="overview-title" title="Overview" />
      {containers.error && !containers.data ? (
        <p className="form-error" role="alert">
          Could not load containers: {containers.error.message}
        </p>
      ) : null}
      <div className="stats">
        <Stat
          label="Hosts"
          value={watchers.data ? watchers.data.length : pending}
          detail={watchers.data ? `${connected ?? 0} connected` : '\u00a0'}
          to="/hosts"
          tone={watchers.data && connected !== watchers.data.length ? 'error' : 'default'}
        />
        <Stat
          label="Containers"
          value={summary ? summary.containers : pending}
          detail={summary ? `${summary.running} running` : '\u00a0'}
          to="/containers"
        />
        <Stat
          label="Updates"
          value={summary ? summary.updates : pending}
          detail={
            summary ? (
              <span className="cell__chips">
                {LEVELS.filter((level) => summary.byLevel[level] > 0).map((level) => (
                  <Link key={level} to={`/containers?update=${level}`} className="stat__chip">
                    <Badge tone={level}>
                      {summary.byLevel[level]} {level}
                    </Badge>
                  </Link>
                ))}
                {summary.updates === 0 && 'all up to date'}
              </span>
            ) : (
              '\u00a0'
            )
          }
          to="/containers?update=available"
          tone={summary && summary.updates > 0 ? 'warn' : 'default'}
        />
        <Stat
          label="Failed checks"
          value={summary ? summary.failedChecks : pending}
          detail={
            summary
              ? summary.neverChecked > 0
                ? `${summary.neverChecked} not checked yet`
                : 'registry or engine errors'
              : '\u00a0'
          }
          to="/containers?error=yes"
          tone={summary && summary.failedChecks > 0 ? 'error' : 'default'}
        />
        <Stat
          label="Failed deliveries"
          value={failedDeliveries.data ? failedDeliveries.data.total : pending}
          detail="trigger runs with an error"
          to="/history?status=error"
          tone={failedDeliveries.data && failedDeliveries.data.total > 0 ? 'error' : 'default'}
        />
      </div>

      <div className="columns">
        <Panel title="Checks per host" actions={<Link to="/hosts">All hosts</Link>}>
          <AsyncContent
            source={watchers}
            loadingLabel="Loading hosts"
            isEmpty={(list) => list.length === 0}
            emptyTitle="No Docker host configured"
            compact
          >
            {(list) => (
              <Table label="Checks per host" stacked>
                <thead>
                  <tr>
                    <th scope="col">Host</th>
                    <th scope="col">Last check</th>
                    <th scope="col">Next check</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((watcher) => (
                    <tr key={watcher.id}>
                      <td data-label="Host">
                        {watcher.name}{' '}
                        {!watcher.connected && <Badge tone="error">unreachable</Badge>}
                      </td>
                      <td data-label="Last check">
                        <RelativeTime value={watcher.lastCheck} />
                      </td>
                      <td data-label="Next check">
                        <RelativeTime value={watcher.nextCheck} fallback="not scheduled" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </AsyncContent>
        </Panel>
        <Panel title="Registry quota" actions={<Link to="/hosts#registries">All registries</Link>}>
          <AsyncContent
            source={registries}
            loadingLabel="Loading registries"
            isEmpty={(list) => list.length === 0}
            emptyTitle="No registry used yet"
            compact
          >
            {(list) => <RegistryQuotaList registries={list} />}
          </AsyncContent>
        </Panel>
      </div>

      <Panel title="Recent activity" actions={<Link to="/history">All history</Link>}>
        <AsyncContent
          source={recent}
          loadingLabel="Loading history"
          isEmpty={(page) => page.items.length === 0}
          emptyTitle="No trigger has run yet"
          empty="Runs of notifications and updates show up here."
          compact
        >
          {(page) => <HistoryTable runs={page.items} label="Recent trigger runs" />}
        </AsyncContent>
      </Panel>
    </section>
  );
}

type RegistryQuotaListProps = { registries: Registry[] };

/** Registries in use with their quota; the ones never asked (yet) are only counted. */
function RegistryQuotaList({ registries }: RegistryQuotaListProps) {
  const used = registries.filter((registry) => registry.requests.length > 0 || registry.rateLimit);
  const unused = registries.length - used.length;
  return (
    <>
      {used.length === 0 && (
        <p className="cell__muted">
          No configured registry has been asked yet: quotas show after the first check.
        </p>
      )}
      <ul className="quota-list">
        {used.map((registry) => {
          const health = registryHealth(registry);
          const ratio =
            registry.rateLimit && registry.rateLimit.limit > 0
              ? registry.rateLimit.remaining / registry.rateLimit.limit
              : null;
          return (
            <li key={registry.id}>
              <div className="quota-list__head">
                <span className="cell__title">{registry.id}</span>
                <Badge tone={health.tone}>{health.text}</Badge>
              </div>
              <span className="cell__muted">{quotaText(registry.rateLimit)}</span>
              {ratio !== null && (
                <meter
                  className="quota-meter"
                  min={0}
                  max={1}
                  low={0.2}
                  high={0.5}
                  optimum={1}
                  value={ratio}
                  aria-label={`${registry.id} quota left`}
                />
              )}
            </li>
          );
        })}
      </ul>
      {unused > 0 && (
        <p className="cell__muted">
          {unused} other {unused === 1 ? 'registry' : 'registries'} not used yet ·{' '}
          <Link to="/hosts#registries">details</Link>
        </p>
      )}
    </>
  );
}
