import type { HistoryQuery } from '../types';

/** The history page's filters as they live in the URL (times as the local `datetime-local` text). */
export const RUN_STATUSES = ['success', 'error', 'retrying'] as const;
export const RUN_EVENTS = [
  'update-available',
  'update-applied',
  'update-failed',
  'rolled-back',
  'check-error',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunEvent = (typeof RUN_EVENTS)[number];

export type HistoryFilters = {
  trigger: string;
  container: string;
  status: RunStatus | '';
  event: RunEvent | '';
  from: string;
  to: string;
  page: number;
};

export const DEFAULT_HISTORY_FILTERS: HistoryFilters = {
  trigger: '',
  container: '',
  status: '',
  event: '',
  from: '',
  to: '',
  page: 1,
};
export const HISTORY_PAGE_SIZE = 50;

const TRIGGER_ID = /^[a-z0-9-]+\.[a-z0-9-]+$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function pick<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function parseHistoryFilters(params: URLSearchParams): HistoryFilters {
  const page = Number(params.get('page'));
  const time = (key: string) => {
    const value = params.get(key) ?? '';
    return LOCAL_TIME.test(value) ? value : '';
  };
  const trigger = params.get('trigger') ?? '';
  return {
    trigger: TRIGGER_ID.test(trigger) ? trigger : '',
    container: (params.get('container') ?? '').slice(0, 512),
    status: pick(RUN_STATUSES, params.get('status')),
    event: pick(RUN_EVENTS, params.get('event')),
    from: time('from'),
    to: time('to'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function historyFiltersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['trigger', 'container', 'status', 'event', 'from', 'to'] as const)
    if (filters[key]) params.set(key, filters[key]);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Local `2026-11-21T10:30` → ISO 8601 in UTC; '' stays unset. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The API query for the filters (empty ones left out). */
export function toHistoryQuery(filters: HistoryFilters, limit = HISTORY_PAGE_SIZE): HistoryQuery {
  const query: HistoryQuery = { page: filters.page, limit };
  if (filters.trigger) query.trigger = filters.trigger;
  if (filters.container.trim()) query.container = filters.container.trim();
  if (filters.status) query.status = filters.status;
  if (filters.event) query.event = filters.event;
  const from = localToIso(filters.from);
  const to = localToIso(filters.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export type RunStep = {
  name: string;
  durationMs: number | null;
  ok: boolean | null;
  detail: string | null;
};

/** Steps of an update run (`{name, durationMs, ok, detail}`), read defensively. */
export function parseSteps(steps: unknown[] | null | undefined): RunStep[] {
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step) => {
    if (typeof step !== 'object' || step === null) return [];
    const record = step as Record<string, unknown>;
    const name =
      typeof record.name === 'string'
        ? record.name
        : typeof record.step === 'string'
          ? record.step
          : null;
    if (!name) return [];
    return [
      {
        name,
        durationMs: typeof record.durationMs === 'number' ? record.durationMs : null,
        ok: typeof record.ok === 'boolean' ? record.ok : null,
        detail: typeof record.detail === 'string' ? record.detail : null,
      },
    ];
  });
}

/** Whether a run's delivery can be queued again. */
export function canRetry(run: {
  status: string;
  deliveryId: string | null;
  deliveryStatus: string | null;
  origin: string;
}): boolean {
  if (run.origin === 'test') return false;
  return (
    run.deliveryStatus === 'failed' ||
    (run.status === 'error' &&
      run.deliveryStatus !== 'delivered' &&
      run.deliveryStatus !== 'pending' &&
      run.deliveryStatus !== 'delivering')
  );
}
