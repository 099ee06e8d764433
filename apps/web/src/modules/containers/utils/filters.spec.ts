import { makeContainer, withUpdate } from '../../../test-utils';
import {
  activeFilterCount,
  buildRows,
  type ContainerFilters,
  DEFAULT_FILTERS,
  filterOptions,
  filtersToParams,
  groupContainers,
  matchesFilters,
  NO_PROJECT,
  parseFilters,
  sortContainers,
  updateLevel,
} from './filters';

const filters = (patch: Partial<ContainerFilters>): ContainerFilters => ({
  ...DEFAULT_FILTERS,
  ...patch,
});

describe('URL state', () => {
  it('reads defaults from an empty query and writes nothing for them', () => {
    expect(parseFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const all = filters({
      q: 'web api',
      host: 'edge',
      registry: 'hub.public',
      update: 'major',
      status: 'exited',
      error: 'yes',
      group: 'project',
      sort: 'checked',
      dir: 'asc',
    });
    const params = filtersToParams(all);
    expect(params.toString()).toBe(
      'q=web+api&host=edge&registry=hub.public&update=major&status=exited&error=yes&group=project&sort=checked&dir=asc',
    );
    expect(parseFilters(params)).toEqual(all);
  });

  it('omits the direction when it is the natural one of the column', () => {
    expect(filtersToParams(filters({ sort: 'update', dir: 'desc' })).toString()).toBe(
      'sort=update',
    );
    expect(filtersToParams(filters({ sort: 'name', dir: 'desc' })).toString()).toBe('dir=desc');
  });

  it('ignores values it does not know (a hand-edited or old URL)', () => {
    expect(
      parseFilters(new URLSearchParams('update=huge&error=maybe&group=planet&sort=colour&dir=up')),
    ).toEqual(DEFAULT_FILTERS);
  });

  it('counts active filters, not grouping or sorting', () => {
    expect(activeFilterCount(filters({ group: 'host', sort: 'image' }))).toBe(0);
    expect(activeFilterCount(filters({ q: 'x', host: 'a', update: 'none', error: 'no' }))).toBe(4);
    expect(activeFilterCount(filters({ q: '   ' }))).toBe(0);
  });
});

describe('matchesFilters', () => {
  const web = withUpdate(
    makeContainer({
      name: 'web',
      watcher: 'edge',
      labels: { 'com.docker.compose.project': 'shop' },
    }),
    'major',
    '2.0.0',
  );
  const db = makeContainer(
    { name: 'db', status: 'exited', error: { message: 'timeout' } },
    {
      registry: { name: 'hub.public', url: 'https://registry-1.docker.io/v2' },
      name: 'library/postgres',
    },
  );
  const digest = {
    ...makeContainer({ name: 'cache' }),
    updateAvailable: true,
    updateKind: {
      kind: 'digest' as const,
      localValue: null,
      remoteValue: 'sha256:ff',
      semverDiff: null,
    },
  };

  it.each<[string, Partial<ContainerFilters>, string[]]>([
    ['no filter', {}, ['web', 'db', 'cache']],
    ['host', { host: 'edge' }, ['web']],
    ['registry', { registry: 'hub.public' }, ['db']],
    ['status', { status: 'exited' }, ['db']],
    ['has error', { error: 'yes' }, ['db']],
    ['no error', { error: 'no' }, ['web', 'cache']],
    ['any update', { update: 'available' }, ['web', 'cache']],
    ['major update', { update: 'major' }, ['web']],
    ['digest update', { update: 'digest' }, ['cache']],
    ['up to date', { update: 'none' }, ['db']],
    ['search by image', { q: 'postgres' }, ['db']],
    ['search by candidate and project, all words', { q: 'SHOP 2.0' }, ['web']],
    ['search with no match', { q: 'web nothing' }, []],
  ])('%s', (_label, patch, expected) => {
    expect(
      [web, db, digest]
        .filter((container) => matchesFilters(container, filters(patch)))
        .map((container) => container.name),
    ).toEqual(expected);
  });
});

describe('sorting and grouping', () => {
  const a = makeContainer({ name: 'alpha', watcher: 'zeta', checkedAt: '2026-11-21T10:00:00Z' });
  const b = withUpdate(
    makeContainer({
      name: 'beta',
      watcher: 'eta',
      checkedAt: '2026-11-21T12:00:00Z',
      labels: { 'com.docker.compose.project': 'p1' },
    }),
    'patch',
    '1.0.1',
  );
  const c = withUpdate(
    makeContainer({
      name: 'app10',
      watcher: 'eta',
      checkedAt: null,
      labels: { 'com.docker.compose.project': 'p1' },
    }),
    'major',
    '2.0.0',
  );
  const d = makeContainer({ name: 'app9', watcher: 'zeta' });

  it.each<[Parameters<typeof sortContainers>[1], Parameters<typeof sortContainers>[2], string[]]>([
    ['name', 'asc', ['alpha', 'app9', 'app10', 'beta']],
    ['name', 'desc', ['beta', 'app10', 'app9', 'alpha']],
    ['host', 'asc', ['app10', 'beta', 'alpha', 'app9']],
    ['update', 'desc', ['app10', 'beta', 'alpha', 'app9']],
    ['checked', 'desc', ['beta', 'alpha', 'app9', 'app10']],
  ])('sorts by %s %s (ties by name, numbers in order)', (sort, dir, expected) => {
    expect(sortContainers([a, b, c, d], sort, dir).map((container) => container.name)).toEqual(
      expected,
    );
  });

  it('groups by host and by compose project, the ungrouped last', () => {
    expect(
      groupContainers([a, b, c, d], 'host').map((group) => [
        group.label,
        group.containers.length,
        group.updates,
      ]),
    ).toEqual([
      ['eta', 2, 2],
      ['zeta', 2, 0],
    ]);
    expect(groupContainers([a, b, c, d], 'project').map((group) => group.label)).toEqual([
      'p1',
      NO_PROJECT,
    ]);
  });

  it('builds header and container rows, leaving out collapsed groups', () => {
    const groups = groupContainers([a, b, c], 'project');
    expect(buildRows(groups, true, new Set()).map((row) => row.kind)).toEqual([
      'group',
      'container',
      'container',
      'group',
      'container',
    ]);
    expect(buildRows(groups, true, new Set(['p1'])).map((row) => row.kind)).toEqual([
      'group',
      'group',
      'container',
    ]);
    expect(
      buildRows(groupContainers([a, b], 'none'), false, new Set()).map((row) => row.kind),
    ).toEqual(['container', 'container']);
  });

  it('lists the distinct hosts, registries and states for the menus', () => {
    expect(filterOptions([a, b, c, d])).toEqual({
      hosts: ['eta', 'zeta'],
      registries: ['custom.local'],
      statuses: ['running'],
    });
  });

  it('measures the size of an update', () => {
    expect([a, b, c].map(updateLevel)).toEqual([null, 'patch', 'major']);
  });
});
