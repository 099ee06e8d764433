import { ContainerEventsService } from '../containers/container-events.service';
import type { ContainerEntity } from '../database/entities';
import type { RegistriesService } from '../registries/registries.service';
import type { Registry } from '../registries/registry';
import type { DeliveryService } from '../triggers/delivery.service';
import type { WatchersService } from '../watchers/watchers.service';
import { MetricsService, UpdateOutcomeMetrics } from './metrics.service';

function fakeRegistry(
  id: string,
  counts: Array<{ kind: string; status: string; count: number }>,
  limit?: { limit: number; remaining: number },
): Registry {
  return {
    id,
    counters: () => counts,
    rateLimit: () => (limit ? { ...limit, updatedAt: new Date() } : undefined),
  } as unknown as Registry;
}

function row(watcher: string, fields: Partial<ContainerEntity>): Partial<ContainerEntity> {
  return {
    watcher,
    updateAvailable: false,
    errorMessage: null,
    checkedAt: '2026-11-21T00:00:00Z',
    updateKind: null,
    image: { registryHost: 'docker.io' } as ContainerEntity['image'],
    ...fields,
  };
}

describe('MetricsService', () => {
  const hub = fakeRegistry(
    'hub.public',
    [
      { kind: 'manifest-head', status: '200', count: 7 },
      { kind: 'token', status: '200', count: 2 },
    ],
    { limit: 100, remaining: 42 },
  );
  const rows = [
    row('local', {
      updateAvailable: true,
      updateKind: { kind: 'tag', localValue: '1.0.0', remoteValue: '2.0.0', semverDiff: 'major' },
    }),
    row('local', {
      updateAvailable: true,
      updateKind: { kind: 'digest', localValue: 'a', remoteValue: 'b', semverDiff: null },
    }),
    row('local', {}),
    row('nas', { errorMessage: 'registry unreachable' }),
    row('nas', { checkedAt: null }),
  ];
  const events = new ContainerEventsService();
  let depth = {
    pending: 3,
    failed: 1,
    oldestPendingAt: new Date(Date.now() - 120_000) as Date | null,
  };
  const metrics = new MetricsService(
    { find: () => Promise.resolve(rows) } as never,
    events,
    {
      names: () => ['local', 'nas', 'idle'],
      list: () => [
        { name: 'local', connected: true, lastCheck: '2026-11-21T00:00:00Z' },
        { name: 'nas', connected: false, lastCheck: null },
      ],
    } as unknown as WatchersService,
    { list: () => [hub], resolve: () => hub } as unknown as RegistriesService,
    { depth: () => Promise.resolve(depth) } as unknown as DeliveryService,
  );
  metrics.onApplicationBootstrap();
  afterAll(() => metrics.onModuleDestroy());

  const scrape = async () => {
    const text = await metrics.scrape();
    return (line: string) =>
      text
        .split('\n')
        .find((entry) => entry.startsWith(`${line} `))
        ?.split(' ')[1];
  };

  it('counts containers by watcher and status, and updates by kind', async () => {
    const value = await scrape();
    expect(value('tidewatch_containers{watcher="local",status="update_available"}')).toBe('2');
    expect(value('tidewatch_containers{watcher="local",status="up_to_date"}')).toBe('1');
    expect(value('tidewatch_containers{watcher="nas",status="error"}')).toBe('1');
    expect(value('tidewatch_containers{watcher="nas",status="unchecked"}')).toBe('1');
    expect(value('tidewatch_containers{watcher="idle",status="up_to_date"}')).toBe('0');
    expect(value('tidewatch_updates{kind="major"}')).toBe('1');
    expect(value('tidewatch_updates{kind="digest"}')).toBe('1');
    expect(value('tidewatch_updates{kind="minor"}')).toBe('0');
    expect(value('tidewatch_watcher_up{watcher="local"}')).toBe('1');
    expect(value('tidewatch_watcher_up{watcher="nas"}')).toBe('0');
  });

  it('exposes registry counters and rate limits as last reported, without double counting', async () => {
    await scrape();
    const value = await scrape();
    expect(
      value(
        'tidewatch_registry_requests_total{registry="hub.public",kind="manifest-head",status="200"}',
      ),
    ).toBe('7');
    expect(value('tidewatch_registry_ratelimit_remaining{registry="hub.public"}')).toBe('42');
    expect(value('tidewatch_registry_ratelimit_limit{registry="hub.public"}')).toBe('100');
  });

  it('reads the outbox', async () => {
    let value = await scrape();
    expect(value('tidewatch_outbox_depth{status="pending"}')).toBe('3');
    expect(Number(value('tidewatch_outbox_oldest_pending_age_seconds'))).toBeGreaterThanOrEqual(
      120,
    );
    depth = { pending: 0, failed: 0, oldestPendingAt: null };
    value = await scrape();
    expect(value('tidewatch_outbox_oldest_pending_age_seconds')).toBe('0');
  });

  it('records cycles, trigger runs, webhooks and update outcomes as they happen', async () => {
    events.emitCycle({ watcher: 'local', containers: 3, durationMs: 1500, error: null });
    events.emitCycle({
      watcher: 'nas',
      containers: 0,
      durationMs: 20,
      error: 'connect ECONNREFUSED',
    });
    events.emitHistory({
      id: '1',
      trigger: 'webhook.ops',
      status: 'success',
      containerName: 'web',
    });
    events.emitHistory({ id: '2', trigger: 'webhook.ops', status: 'success', containerName: 'db' });
    metrics.webhookEvent('custom.mine', 'accepted');
    new UpdateOutcomeMetrics(metrics).record('rolled_back', 'docker.local');
    const value = await scrape();
    expect(value('tidewatch_check_duration_seconds_count{watcher="local"}')).toBe('1');
    expect(value('tidewatch_check_duration_seconds_bucket{le="2.5",watcher="local"}')).toBe('1');
    expect(value('tidewatch_check_duration_seconds_bucket{le="1",watcher="local"}')).toBe('0');
    expect(value('tidewatch_check_cycles_total{watcher="nas",result="error"}')).toBe('1');
    expect(value('tidewatch_trigger_runs_total{type="webhook",name="ops",status="success"}')).toBe(
      '2',
    );
    expect(value('tidewatch_webhook_events_total{registry="custom.mine",result="accepted"}')).toBe(
      '1',
    );
    expect(
      value('tidewatch_update_outcomes_total{outcome="rolled_back",trigger="docker.local"}'),
    ).toBe('1');
  });
});
