import {
  canRetry,
  DEFAULT_HISTORY_FILTERS,
  historyFiltersToParams,
  localToIso,
  parseHistoryFilters,
  parseSteps,
  toHistoryQuery,
} from './history-filters';

describe('history filters in the URL', () => {
  it('round-trips, leaving defaults out', () => {
    const params = new URLSearchParams(
      'trigger=webhook.ops&container=local%2Fweb&status=error&event=update-applied&from=2026-11-20T08:00&to=2026-11-21T18:30&page=3',
    );
    const filters = parseHistoryFilters(params);
    expect(filters).toEqual({
      trigger: 'webhook.ops',
      container: 'local/web',
      status: 'error',
      event: 'update-applied',
      from: '2026-11-20T08:00',
      to: '2026-11-21T18:30',
      page: 3,
    });
    expect(historyFiltersToParams(filters).toString()).toBe(params.toString());
    expect(historyFiltersToParams(DEFAULT_HISTORY_FILTERS).toString()).toBe('');
  });

  it('drops values the API would refuse', () => {
    expect(
      parseHistoryFilters(
        new URLSearchParams('trigger=<script>&status=lost&event=boom&from=yesterday&page=-2'),
      ),
    ).toEqual(DEFAULT_HISTORY_FILTERS);
  });

  it('builds the API query with ISO times', () => {
    const query = toHistoryQuery({
      ...DEFAULT_HISTORY_FILTERS,
      container: ' web ',
      status: 'error',
      from: '2026-11-20T08:00',
    });
    expect(query).toEqual({
      page: 1,
      limit: 50,
      container: 'web',
      status: 'error',
      from: localToIso('2026-11-20T08:00'),
    });
    expect(query.from).toMatch(/^2026-11-2\dT\d\d:00:00\.000Z$/);
  });
});

describe('runs', () => {
  const run = { status: 'error', deliveryId: 'd1', deliveryStatus: 'failed', origin: 'auto' };
  it.each([
    [run, true],
    [{ ...run, deliveryStatus: null, deliveryId: null, origin: 'manual' }, true],
    [{ ...run, deliveryStatus: 'pending' }, false],
    [{ ...run, status: 'success', deliveryStatus: 'delivered' }, false],
    [{ ...run, origin: 'test', deliveryStatus: null }, false],
  ])('can retry %j: %s', (entry, expected) => {
    expect(canRetry(entry)).toBe(expected);
  });

  it('reads update steps defensively', () => {
    expect(
      parseSteps([
        { name: 'pull', durationMs: 1200, ok: true },
        { name: 'health', ok: false, detail: 'unhealthy' },
        'junk',
        { nothing: 1 },
      ]),
    ).toEqual([
      { name: 'pull', durationMs: 1200, ok: true, detail: null },
      { name: 'health', durationMs: null, ok: false, detail: 'unhealthy' },
    ]);
    expect(parseSteps(null)).toEqual([]);
  });
});
