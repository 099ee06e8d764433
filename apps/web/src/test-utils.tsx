import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { Container } from './modules/containers/types';
import { Toaster } from './ui/Toaster';

/** A query client for tests: data seeded with setQueryData never goes stale, nothing retries. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchInterval: false },
      mutations: { retry: false },
    },
  });
}

/** Shows the current location so tests can assert what the URL holds. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export type RenderOptions = { route?: string; path?: string; queryClient?: QueryClient };

export function renderWithProviders(
  ui: ReactElement,
  { route = '/', path = '*', queryClient = testQueryClient() }: RenderOptions = {},
): RenderResult & { queryClient: QueryClient } {
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <Toaster>
          <Routes>
            <Route path={path} element={ui} />
          </Routes>
          <LocationProbe />
        </Toaster>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

let serial = 0;

/** A container as the API returns it, with overrides. */
export function makeContainer(
  overrides: Partial<Container> = {},
  image: Partial<Container['image']> = {},
): Container {
  serial += 1;
  const name = overrides.name ?? `app-${serial}`;
  return {
    id: serial.toString(16).padStart(64, 'a'),
    name,
    displayName: name,
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
      registry: { name: 'custom.local', url: 'http://127.0.0.1:5000/v2' },
      name: `acme/${name}`,
      tag: { value: '1.0.0', semver: true },
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
    identity: `local/${name}`,
    checkedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/** A container with a pending tag update of the given size. */
export function withUpdate(
  container: Container,
  semverDiff: 'major' | 'minor' | 'patch' | 'prerelease',
  remote: string,
): Container {
  return {
    ...container,
    updateAvailable: true,
    result: { tag: remote, digest: null, link: null, created: null },
    updateKind: {
      kind: 'tag',
      localValue: container.image.tag.value,
      remoteValue: remote,
      semverDiff,
    },
  };
}
