import type { Container } from '@tidewatch/api-client';
import { candidateLabel, imageLabel, shortDigest, updateBadge } from './format';

function container(
  overrides: Partial<Container> = {},
  image: Partial<Container['image']> = {},
): Container {
  return {
    id: 'a'.repeat(64),
    name: 'web',
    displayName: 'web',
    displayIcon: 'mdi:docker',
    status: 'running',
    watcher: 'local',
    includeTags: null,
    excludeTags: null,
    transformTags: null,
    linkTemplate: null,
    link: null,
    triggerInclude: null,
    triggerExclude: null,
    image: {
      id: 'sha256:1',
      registry: { name: 'hub.public', url: 'https://registry-1.docker.io/v2' },
      name: 'library/nginx',
      tag: { value: '1.25.3', semver: true },
      digest: { watch: false, value: null, repo: null },
      architecture: 'amd64',
      os: 'linux',
      variant: null,
      created: null,
      ...image,
    },
    result: null,
    error: null,
    updateAvailable: false,
    updateKind: null,
    labels: {},
    identity: 'local/web',
    checkedAt: null,
    ...overrides,
  };
}

describe('imageLabel', () => {
  it.each([
    [{}, 'nginx:1.25.3'],
    [{ name: 'acme/app' }, 'acme/app:1.25.3'],
    [
      { registry: { name: 'custom.x', url: 'http://127.0.0.1:5000/v2' }, name: 'acme/app' },
      '127.0.0.1:5000/acme/app:1.25.3',
    ],
  ])('%j → %s', (image, expected) => {
    expect(imageLabel(container({}, image))).toBe(expected);
  });
});

describe('updateBadge / candidateLabel', () => {
  it('says nothing when no update is available', () => {
    expect(updateBadge(container())).toBeNull();
    expect(candidateLabel(container())).toBeNull();
  });
  it.each(['major', 'minor', 'patch'] as const)(
    'shows a %s tag update with its candidate',
    (semverDiff) => {
      const c = container({
        updateAvailable: true,
        updateKind: { kind: 'tag', localValue: '1.25.3', remoteValue: '2.0.0', semverDiff },
        result: { tag: '2.0.0', digest: null, link: null, created: null },
      });
      expect(updateBadge(c)).toEqual({ text: semverDiff, tone: semverDiff });
      expect(candidateLabel(c)).toBe('2.0.0');
    },
  );
  it('shows a digest update with the short digest', () => {
    const digest = `sha256:${'f'.repeat(64)}`;
    const c = container({
      updateAvailable: true,
      updateKind: { kind: 'digest', localValue: null, remoteValue: digest, semverDiff: null },
      result: { tag: 'latest', digest, link: null, created: null },
    });
    expect(updateBadge(c)).toEqual({ text: 'digest', tone: 'digest' });
    expect(candidateLabel(c)).toBe('f'.repeat(12));
  });
  it('shortens digests', () => {
    expect(shortDigest('sha256:0123456789abcdef')).toBe('0123456789ab');
  });
});
