import { containerIdentity, isWatched, readLabelSettings } from './container-labels';

describe('readLabelSettings', () => {
  it.each([
    [{ 'tidewatch.tag.include': '^1\\.' }, 'includeTags', '^1\\.'],
    [{ 'wud.tag.include': '^2\\.' }, 'includeTags', '^2\\.'],
    [{ 'wud.tag.include': 'wud', 'tidewatch.tag.include': 'tw' }, 'includeTags', 'tw'],
    [{ 'wud.tag.exclude': 'rc' }, 'excludeTags', 'rc'],
    [{ 'wud.tag.transform': '^(\\d+) => $1' }, 'transformTags', '^(\\d+) => $1'],
    [{ 'wud.watch.digest': 'true' }, 'watchDigest', true],
    [{ 'tidewatch.watch.digest': 'false', 'wud.watch.digest': 'true' }, 'watchDigest', false],
    [{ 'wud.display.name': 'Web' }, 'displayName', 'Web'],
    [{ 'tidewatch.display.icon': 'mdi:docker' }, 'displayIcon', 'mdi:docker'],
    [{ 'wud.link.template': 'https://x/${major}' }, 'linkTemplate', 'https://x/${major}'],
    [{ 'wud.trigger.include': 'webhook.ops:minor' }, 'triggerInclude', 'webhook.ops:minor'],
    [{ 'tidewatch.trigger.exclude': 'email.all' }, 'triggerExclude', 'email.all'],
    [{ 'tidewatch.tag.include': '   ' }, 'includeTags', undefined],
    [{ 'tidewatch.watch.digest': 'maybe' }, 'watchDigest', undefined],
  ])('%j → %s = %j', (labels, key, expected) => {
    expect(readLabelSettings(labels)[key as keyof ReturnType<typeof readLabelSettings>]).toEqual(expected);
  });
});

describe('isWatched', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ 'wud.watch': 'false' }, true, false],
    [{ 'tidewatch.watch': 'true' }, false, true],
    [{ 'tidewatch.watch': 'false', 'wud.watch': 'true' }, true, false],
    [{ 'tidewatch.watch': 'nonsense' }, false, false],
  ])('%j with default %s → %s', (labels, byDefault, expected) => {
    expect(isWatched(labels, byDefault)).toBe(expected);
  });
});

describe('containerIdentity', () => {
  it.each([
    ['local', 'web', {}, 'local/web'],
    ['edge', 'db', { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db' }, 'edge/compose/shop/db'],
    ['edge', 'x', { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db', 'com.docker.compose.container-number': '1' }, 'edge/compose/shop/db'],
    ['edge', 'x', { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db', 'com.docker.compose.container-number': '2' }, 'edge/compose/shop/db/2'],
    ['edge', 'solo', { 'com.docker.compose.project': 'shop' }, 'edge/solo'],
  ])('%s %s %j → %s', (watcher, name, labels, expected) => {
    expect(containerIdentity(watcher, name, labels)).toBe(expected);
  });
});
