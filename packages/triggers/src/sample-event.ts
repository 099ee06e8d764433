import type { TriggerContainer, TriggerEvent, TriggerEventKind } from './trigger';

/**
 * A realistic container (nginx 1.25.3 → 1.27.0, a minor update) for "test this trigger" runs, UI
 * previews and tests. Each call returns a fresh object.
 */
export function sampleContainer(overrides: Partial<TriggerContainer> = {}): TriggerContainer {
  return {
    id: '31a61a8305ef1fc9a71fa4f20a68d7ec88b28e32303bbc4a5f192e851165b816',
    name: 'nginx',
    displayName: 'nginx',
    displayIcon: 'mdi:docker',
    status: 'running',
    watcher: 'local',
    includeTags: null,
    excludeTags: null,
    transformTags: null,
    linkTemplate: 'https://github.com/nginx/nginx/releases/tag/release-${major}.${minor}.${patch}',
    link: 'https://github.com/nginx/nginx/releases/tag/release-1.25.3',
    triggerInclude: null,
    triggerExclude: null,
    image: {
      id: 'sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6',
      registry: { name: 'hub.public', url: 'https://registry-1.docker.io/v2' },
      name: 'library/nginx',
      tag: { value: '1.25.3', semver: true },
      digest: {
        watch: false,
        value: 'sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
        repo: 'sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
      },
      architecture: 'amd64',
      os: 'linux',
      variant: null,
      created: '2023-11-01T10:00:00.000Z',
    },
    result: {
      tag: '1.27.0',
      digest: 'sha256:b2c1ba6ae6e4a4e9f6ad2b2f1e4e7d7a9d2c9a6c8d8e0b1f2a3c4d5e6f708192',
      link: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
      created: '2024-05-29T10:00:00.000Z',
    },
    error: null,
    updateAvailable: true,
    updateKind: { kind: 'tag', localValue: '1.25.3', remoteValue: '1.27.0', semverDiff: 'minor' },
    labels: { 'com.docker.compose.project': 'web', 'com.docker.compose.service': 'nginx' },
    ...overrides,
  };
}

/** A sample event around {@link sampleContainer}. */
export function sampleTriggerEvent(
  kind: TriggerEventKind = 'update-available',
  overrides: Partial<TriggerEvent> = {},
): TriggerEvent {
  return {
    id: `sample-${kind}-0001`,
    kind,
    occurredAt: '2024-06-01T12:00:00.000Z',
    container: sampleContainer(),
    ...(kind === 'update-available'
      ? {}
      : {
          message:
            kind === 'check-error' ? 'registry answered 503' : 'container exited with code 1',
        }),
    ...overrides,
  };
}
