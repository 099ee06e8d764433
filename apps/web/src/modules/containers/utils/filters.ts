import type { Container } from '../types';
import { candidateLabel, imageLabel } from './format';

/**
 * The containers page's view state — search, filters, grouping, sorting — as it lives in the URL
 * (`?q=…&host=…`), and the pure functions that apply it.
 */
export const UPDATE_FILTERS = [
  'any',
  'available',
  'major',
  'minor',
  'patch',
  'prerelease',
  'digest',
  'none',
] as const;
export type UpdateFilter = (typeof UPDATE_FILTERS)[number];
export const ERROR_FILTERS = ['any', 'yes', 'no'] as const;
export type ErrorFilter = (typeof ERROR_FILTERS)[number];
export const GROUPS = ['none', 'host', 'project'] as const;
export type GroupBy = (typeof GROUPS)[number];
export const SORT_KEYS = ['name', 'host', 'image', 'status', 'update', 'checked'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export type ContainerFilters = {
  q: string;
  host: string;
  registry: string;
  update: UpdateFilter;
  status: string;
  error: ErrorFilter;
  group: GroupBy;
  sort: SortKey;
  dir: SortDirection;
};

export const DEFAULT_FILTERS: ContainerFilters = {
  q: '',
  host: '',
  registry: '',
  update: 'any',
  status: '',
  error: 'any',
  group: 'none',
  sort: 'name',
  dir: 'asc',
};

/** Columns whose natural first order is "biggest/newest first". */
const DESCENDING_FIRST: readonly SortKey[] = ['update', 'checked'];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseFilters(params: URLSearchParams): ContainerFilters {
  const sort = oneOf(SORT_KEYS, params.get('sort'), DEFAULT_FILTERS.sort);
  return {
    q: params.get('q') ?? '',
    host: params.get('host') ?? '',
    registry: params.get('registry') ?? '',
    update: oneOf(UPDATE_FILTERS, params.get('update'), 'any'),
    status: params.get('status') ?? '',
    error: oneOf(ERROR_FILTERS, params.get('error'), 'any'),
    group: oneOf(GROUPS, params.get('group'), 'none'),
    sort,
    dir: oneOf(['asc', 'desc'] as const, params.get('dir'), defaultDirection(sort)),
  };
}

export function defaultDirection(sort: SortKey): SortDirection {
  return DESCENDING_FIRST.includes(sort) ? 'desc' : 'asc';
}

/** Only what differs from the defaults, in a stable order: short, shareable URLs. */
export function filtersToParams(filters: ContainerFilters): URLSearchParams {
  const params = new URLSearchParams();
  const keys: Array<keyof ContainerFilters> = [
    'q',
    'host',
    'registry',
    'update',
    'status',
    'error',
    'group',
    'sort',
  ];
  for (const key of keys) if (filters[key] !== DEFAULT_FILTERS[key]) params.set(key, filters[key]);
  if (filters.dir !== defaultDirection(filters.sort)) params.set('dir', filters.dir);
  return params;
}

/** How many filters narrow the list (search included; grouping and sorting are not filters). */
export function activeFilterCount(filters: ContainerFilters): number {
  return [
    filters.q.trim() !== '',
    filters.host !== '',
    filters.registry !== '',
    filters.update !== 'any',
    filters.status !== '',
    filters.error !== 'any',
  ].filter(Boolean).length;
}

export type UpdateLevel = 'major' | 'minor' | 'patch' | 'prerelease' | 'digest' | 'unknown';

/** The size of a container's pending update, or null when there is none. */
export function updateLevel(container: Container): UpdateLevel | null {
  if (!container.updateAvailable || !container.updateKind) return null;
  if (container.updateKind.kind === 'digest') return 'digest';
  switch (container.updateKind.semverDiff) {
    case 'major':
    case 'minor':
    case 'patch':
    case 'prerelease':
      return container.updateKind.semverDiff;
    case 'unknown':
    case null:
      return 'unknown';
  }
}

const LEVEL_RANK: Record<UpdateLevel, number> = {
  major: 6,
  minor: 5,
  patch: 4,
  prerelease: 3,
  digest: 2,
  unknown: 1,
};

export function composeProject(container: Pick<Container, 'labels'>): string | null {
  return container.labels['com.docker.compose.project'] ?? null;
}

function searchText(container: Container): string {
  return [
    container.displayName,
    container.name,
    container.watcher,
    imageLabel(container),
    container.image.name,
    candidateLabel(container) ?? '',
    composeProject(container) ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

const searchCache = new WeakMap<Container, string>();

function cachedSearchText(container: Container): string {
  let text = searchCache.get(container);
  if (text === undefined) {
    text = searchText(container);
    searchCache.set(container, text);
  }
  return text;
}

/** Whether a container passes the filters; every search word must match somewhere. */
export function matchesFilters(container: Container, filters: ContainerFilters): boolean {
  if (filters.host && container.watcher !== filters.host) return false;
  if (filters.registry && container.image.registry.name !== filters.registry) return false;
  if (filters.status && container.status !== filters.status) return false;
  if (filters.error === 'yes' && !container.error) return false;
  if (filters.error === 'no' && container.error) return false;
  if (filters.update !== 'any') {
    const level = updateLevel(container);
    if (
      filters.update === 'available'
        ? level === null
        : filters.update === 'none'
          ? level !== null
          : level !== filters.update
    )
      return false;
  }
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const text = cachedSearchText(container);
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareBy(sort: SortKey): (a: Container, b: Container) => number {
  switch (sort) {
    case 'name':
      return (a, b) => collator.compare(a.displayName, b.displayName);
    case 'host':
      return (a, b) => collator.compare(a.watcher, b.watcher);
    case 'image':
      return (a, b) => collator.compare(imageLabel(a), imageLabel(b));
    case 'status':
      return (a, b) => collator.compare(a.status, b.status);
    case 'update':
      return (a, b) => rank(a) - rank(b);
    case 'checked':
      return (a, b) =>
        (a.checkedAt ? Date.parse(a.checkedAt) : 0) - (b.checkedAt ? Date.parse(b.checkedAt) : 0);
  }
}

function rank(container: Container): number {
  const level = updateLevel(container);
  return level ? LEVEL_RANK[level] : container.error ? 0.5 : 0;
}

/** Sorted copy; ties fall back to the name so the order is stable between refreshes. */
export function sortContainers(
  containers: Container[],
  sort: SortKey,
  dir: SortDirection,
): Container[] {
  const compare = compareBy(sort);
  const byName = compareBy('name');
  const sign = dir === 'asc' ? 1 : -1;
  return [...containers].sort(
    (a, b) => sign * compare(a, b) || byName(a, b) || collator.compare(a.id, b.id),
  );
}

export type ContainerGroup = {
  key: string;
  label: string;
  containers: Container[];
  updates: number;
};

export const NO_PROJECT = 'Not in a compose project';

/** Groups in name order (the ungrouped bucket last); the containers keep their sorted order. */
export function groupContainers(containers: Container[], group: GroupBy): ContainerGroup[] {
  if (group === 'none')
    return [
      {
        key: '',
        label: '',
        containers,
        updates: containers.filter((c) => updateLevel(c) !== null).length,
      },
    ];
  const groups = new Map<string, ContainerGroup>();
  for (const container of containers) {
    const key = group === 'host' ? container.watcher : (composeProject(container) ?? '');
    let entry = groups.get(key);
    if (!entry) {
      entry = { key, label: key || NO_PROJECT, containers: [], updates: 0 };
      groups.set(key, entry);
    }
    entry.containers.push(container);
    if (updateLevel(container) !== null) entry.updates += 1;
  }
  return [...groups.values()].sort((a, b) =>
    a.key === '' ? 1 : b.key === '' ? -1 : collator.compare(a.label, b.label),
  );
}

export type ContainerListRow =
  | { kind: 'group'; group: ContainerGroup; collapsed: boolean }
  | { kind: 'container'; container: Container };

/** The rows the virtual table renders: group headers (when grouping) and containers. */
export function buildRows(
  groups: ContainerGroup[],
  grouped: boolean,
  collapsed: ReadonlySet<string>,
): ContainerListRow[] {
  if (!grouped)
    return (groups[0]?.containers ?? []).map((container) => ({ kind: 'container', container }));
  const rows: ContainerListRow[] = [];
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.key);
    rows.push({ kind: 'group', group, collapsed: isCollapsed });
    if (!isCollapsed)
      for (const container of group.containers) rows.push({ kind: 'container', container });
  }
  return rows;
}

/** Distinct values for the filter menus. */
export function filterOptions(containers: Container[]): {
  hosts: string[];
  registries: string[];
  statuses: string[];
} {
  const hosts = new Set<string>();
  const registries = new Set<string>();
  const statuses = new Set<string>();
  for (const container of containers) {
    hosts.add(container.watcher);
    registries.add(container.image.registry.name);
    statuses.add(container.status);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => collator.compare(a, b));
  return { hosts: sorted(hosts), registries: sorted(registries), statuses: sorted(statuses) };
}
