import type { ContainerEntity } from '../database/entities';
import { buildCheckReport, checkExitCode, formatCheckTable, toCheckRow } from './check-report';

function container(overrides: Partial<ContainerEntity> & { tag?: string }): ContainerEntity {
  const { tag = '1.0.0', ...rest } = overrides;
  return {
    id: 'c1',
    watcher: 'local',
    name: 'web',
    identity: 'local/web',
    status: 'running',
    image: {
      id: 'sha256:img',
      reference: `127.0.0.1:5000/acme/web:${tag}`,
      registry: { name: 'custom.local', url: 'http://127.0.0.1:5000/v2' },
      registryHost: '127.0.0.1:5000',
      name: 'acme/web',
      tag: { value: tag, semver: true },
      digest: { watch: false, value: null, repo: null, repoDigests: [] },
      architecture: 'amd64',
      os: 'linux',
      variant: null,
      created: null,
    },
    labels: {},
    result: null,
    updateKind: null,
    updateAvailable: false,
    errorMessage: null,
    decision: null,
    checkedAt: '2026-11-21T10:00:00Z',
    createdAt: new Date(),
    updatedAt: new Date(),
    ...rest,
  };
}

const minor = container({
  name: 'shop',
  updateAvailable: true,
  result: { tag: '1.1.0', digest: null, link: null, created: null },
  updateKind: { kind: 'tag', localValue: '1.0.0', remoteValue: '1.1.0', semverDiff: 'minor' },
});
const digest = container({
  name: 'cache',
  watcher: 'edge',
  tag: 'latest',
  updateAvailable: true,
  updateKind: {
    kind: 'digest',
    localValue: `sha256:${'a'.repeat(64)}`,
    remoteValue: `sha256:${'b'.repeat(64)}`,
    semverDiff: null,
  },
});
const fine = container({ name: 'db' });
const broken = container({ name: 'api', errorMessage: 'registry 127.0.0.1:5000 answered 401' });

describe('check report', () => {
  it('describes tag and digest updates', () => {
    expect(toCheckRow(minor)).toEqual({
      name: 'shop',
      host: 'local',
      image: '127.0.0.1:5000/acme/web',
      current: '1.0.0',
      candidate: '1.1.0',
      kind: 'minor',
      updateAvailable: true,
      error: null,
    });
    expect(toCheckRow(digest)).toMatchObject({
      current: `latest@sha256:${'a'.repeat(12)}`,
      candidate: `latest@sha256:${'b'.repeat(12)}`,
      kind: 'digest',
    });
    expect(toCheckRow(fine)).toMatchObject({ candidate: null, kind: null });
  });

  it('prints a table sorted by host and name, with a summary and the errors', () => {
    const report = buildCheckReport(
      [minor, fine, digest, broken],
      [
        { name: 'local', containers: 3, error: null },
        { name: 'edge', containers: 1, error: null },
      ],
      new Date('2026-11-21T10:00:00Z'),
    );
    const text = formatCheckTable(report);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+HOST\s+IMAGE\s+CURRENT\s+CANDIDATE\s+KIND$/);
    expect(lines.slice(1, 5).map((line) => line.split(/\s+/)[0])).toEqual([
      'cache',
      'api',
      'db',
      'shop',
    ]);
    expect(text).toMatch(
      /shop\s+local\s+127\.0\.0\.1:5000\/acme\/web\s+1\.0\.0\s+→\s+1\.1\.0\s+minor/,
    );
    expect(text).toMatch(/db\s+local\s+\S+\s+1\.0\.0\s+-\s+up to date/);
    expect(text).toContain('4 container(s), 2 update(s), 1 error(s)');
    expect(text).toContain('local/api: registry 127.0.0.1:5000 answered 401');
  });

  it.each([
    [[fine], [], false, 0],
    [[minor], [], false, 0],
    [[minor], [], true, 1],
    [[fine, broken], [], true, 2],
    [[minor], [{ name: 'remote', containers: 0, error: 'connect ECONNREFUSED' }], true, 2],
  ])('exit code %#', (containers, watchers, failOnUpdate, code) => {
    expect(checkExitCode(buildCheckReport(containers, watchers), failOnUpdate)).toBe(code);
  });

  it('says so when nothing is watched', () => {
    expect(formatCheckTable(buildCheckReport([], []))).toContain('(no watched containers)');
  });
});
