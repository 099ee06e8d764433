import type { Container } from '@tidewatch/api-client';
import { render, screen, within } from '@testing-library/react';
import { ContainersTable } from './ContainersTable';

const base: Container = {
  id: 'b'.repeat(64), name: 'api', displayName: 'Public API', displayIcon: 'mdi:docker', status: 'running', watcher: 'edge',
  includeTags: null, excludeTags: null, transformTags: null, linkTemplate: null, link: null, triggerInclude: null, triggerExclude: null,
  image: {
    id: 'sha256:2', registry: { name: 'custom.local', url: 'http://127.0.0.1:5000/v2' }, name: 'acme/api',
    tag: { value: '1.0.0', semver: true }, digest: { watch: false, value: null, repo: null }, architecture: 'amd64', os: 'linux', variant: null, created: null,
  },
  result: { tag: '1.1.0', digest: null, link: null, created: null }, error: null, updateAvailable: true,
  updateKind: { kind: 'tag', localValue: '1.0.0', remoteValue: '1.1.0', semverDiff: 'minor' }, labels: {}, identity: 'edge/api', checkedAt: '2026-11-21T10:00:00.000Z',
};

describe('ContainersTable', () => {
  it('shows each container with its host, image and pending update', () => {
    render(<ContainersTable containers={[base, { ...base, id: 'c'.repeat(64), name: 'db', displayName: 'db', updateAvailable: false, updateKind: null, result: null }]} />);
    const rows = screen.getAllByTestId('container-row');
    expect(rows).toHaveLength(2);
    const api = within(rows[0]);
    expect(api.getByText('Public API')).toBeInTheDocument();
    expect(api.getByText('api')).toBeInTheDocument();
    expect(api.getByText('edge')).toBeInTheDocument();
    expect(api.getByText('127.0.0.1:5000/acme/api:1.0.0')).toBeInTheDocument();
    expect(api.getByText('1.1.0')).toBeInTheDocument();
    expect(api.getByText('minor')).toBeInTheDocument();
    expect(within(rows[1]).getByText('up to date')).toBeInTheDocument();
  });

  it('does not claim a never-checked container is up to date', () => {
    render(<ContainersTable containers={[{ ...base, updateAvailable: false, updateKind: null, result: null, checkedAt: null }]} />);
    expect(screen.getByText('not checked yet')).toBeInTheDocument();
    expect(screen.queryByText('up to date')).not.toBeInTheDocument();
  });

  it('shows a check error instead of an update', () => {
    render(<ContainersTable containers={[{ ...base, error: { message: 'repository acme/api not found' }, updateAvailable: false }]} />);
    expect(screen.getByText('error')).toHaveAttribute('title', 'repository acme/api not found');
  });
});
