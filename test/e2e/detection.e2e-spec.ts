// Update detection, black box: images and tags pushed to a real registry, containers on a real
// engine, the built server checking them; results read back through GET /api/containers.
import type { Container } from '@tidewatch/api-client';
import { type DockerEngine, type TestRegistry, buildImage, pushTags, runContainer, startDockerEngine, startRegistry } from '../env';
import { api, type ServerProcess, startServer } from '../support/server-process';

interface Decision {
  candidate: string | null;
  tracked: boolean;
  considered: Array<{ tag: string; verdict: string; reason: string }>;
  droppedByReason: Record<string, number>;
  reason: string;
}

describe('update detection', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let server: ServerProcess;
  let byName: Record<string, Container>;

  const run = async (repo: string, tag: string, name: string, labels: Record<string, string> = {}) =>
    runContainer(engine, `${registry.host}/${repo}:${tag}`, { name, labels });

  const watchAll = async () => {
    const { status, body } = await api<Container[]>(server, '/api/containers/watch', { method: 'POST' });
    expect(status).toBe(200);
    byName = Object.fromEntries(body.map((c) => [c.name, c]));
  };

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
    // The first tag of each list is a real docker push (the engine gets the image with its repo digest).
    await pushTags(engine, registry, 'acme/semver', ['1.0.0', '1.0.1', '1.1.0', '2.0.0-rc.1', 'latest', 'sha-4f2a9c1', '1.1.0.sig']);
    await pushTags(engine, registry, 'acme/alpine', ['1.20-alpine', '1.21-alpine', '1.22-bookworm', '1.22', '1.23-alpine3.19']);
    await pushTags(engine, registry, 'acme/lsio', ['3.2.1.5070-ls105', '3.2.1.5070-ls106', '3.2.1.5071-ls99', 'latest']);
    await pushTags(engine, registry, 'acme/vpre', ['v1.2.3', 'v1.2.4', 'v2.0.0', '2.1.0']);
    await pushTags(engine, registry, 'acme/mutable', ['latest']);
    await pushTags(engine, registry, 'acme/pinned', ['1.1.0']);
    await pushTags(engine, registry, 'acme/same', ['1.0.0', '1.0.1'], { distinct: false });
    await buildImage(engine, `${registry.host}/acme/ghost:1.0.0`);

    await run('acme/semver', '1.0.0', 'semver');
    await run('acme/semver', '1.0.0', 'semver-twin');
    await run('acme/alpine', '1.20-alpine', 'suffixed');
    await run('acme/lsio', '3.2.1.5070-ls105', 'lsio');
    await run('acme/vpre', 'v1.2.3', 'vprefixed');
    await run('acme/mutable', 'latest', 'mutable');
    await run('acme/pinned', '1.1.0', 'digest-watched', { 'tidewatch.watch.digest': 'true' });
    await run('acme/same', '1.0.0', 'same-digest');
    await run('acme/ghost', '1.0.0', 'ghost');
    await run('acme/semver', '1.0.0', 'filtered', { 'wud.tag.include': '^1\\.0\\.\\d+$' });

    // After the containers started: new content under the mutable tags.
    await pushTags(null, registry, 'acme/mutable', ['latest']);
    await pushTags(null, registry, 'acme/pinned', ['1.1.0']);

    server = await startServer({ env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false' } });
    await registry.clearAccessLog();
    await watchAll();
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  it.each<[string, string, string]>([
    ['semver', '1.1.0', 'minor'],
    ['semver-twin', '1.1.0', 'minor'],
    ['suffixed', '1.21-alpine', 'minor'],
    ['lsio', '3.2.1.5071-ls99', 'patch'],
    ['vprefixed', 'v2.0.0', 'major'],
    ['filtered', '1.0.1', 'patch'],
  ])('%s → %s (%s)', (name, tag, semverDiff) => {
    const container = byName[name];
    expect(container.error).toBeNull();
    expect(container.updateAvailable).toBe(true);
    expect(container.result?.tag).toBe(tag);
    expect(container.result?.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(container.updateKind).toMatchObject({ kind: 'tag', localValue: container.image.tag.value, remoteValue: tag, semverDiff });
    expect(container.image.tag.semver).toBe(true);
  });

  it.each(['mutable', 'digest-watched'])('%s: a re-pushed tag is a digest update', (name) => {
    const container = byName[name];
    expect(container.error).toBeNull();
    expect(container.updateAvailable).toBe(true);
    expect(container.image.digest.watch).toBe(true);
    expect(container.updateKind?.kind).toBe('digest');
    expect(container.updateKind?.remoteValue).toMatch(/^sha256:/);
    expect(container.updateKind?.remoteValue).not.toBe(container.updateKind?.localValue);
    expect(container.result?.tag).toBe(container.image.tag.value);
  });

  it('a newer tag that points at the running image is not an update', () => {
    expect(byName['same-digest']).toMatchObject({ updateAvailable: false, updateKind: null, error: null });
  });

  it('a repository that does not exist is an error on that container only', () => {
    expect(byName.ghost.updateAvailable).toBe(false);
    expect(byName.ghost.error?.message).toMatch(/not found/i);
    expect(byName.ghost.error?.message).toContain('acme/ghost');
  });

  it('asked the registry once per repository and per distinct image', async () => {
    const log = await registry.accessLog();
    const tagLists = log.filter((entry) => entry.kind === 'tags' && entry.repository === 'acme/semver');
    // Three containers (semver, semver-twin, filtered) use acme/semver: one tag list for the cycle.
    expect(tagLists).toHaveLength(1);
    const mutableHeads = log.filter((entry) => entry.kind === 'manifest-head' && entry.repository === 'acme/mutable');
    expect(mutableHeads).toHaveLength(1);
  });

  it('explains the decision', async () => {
    const { status, body } = await api<Decision>(server, `/api/containers/${byName.semver.id}/decision`);
    expect(status).toBe(200);
    expect(body.tracked).toBe(true);
    expect(body.candidate).toBe('1.1.0');
    const verdicts = Object.fromEntries(body.considered.map((entry) => [entry.tag, entry]));
    expect(verdicts['2.0.0-rc.1']).toMatchObject({ verdict: 'dropped', reason: 'prerelease' });
    expect(verdicts['1.1.0.sig']?.verdict).toBe('dropped');
    expect(verdicts['sha-4f2a9c1']?.verdict).toBe('dropped');
    expect(verdicts['1.1.0']?.verdict).toBe('candidate');
    const mutable = await api<Decision>(server, `/api/containers/${byName.mutable.id}/decision`);
    expect(mutable.body.tracked).toBe(false);
  });

  it('re-checks one container on request', async () => {
    await pushTags(null, registry, 'acme/vpre', ['v2.1.0']);
    const { status, body } = await api<Container>(server, `/api/containers/${byName.vprefixed.id}/watch`, { method: 'POST' });
    expect(status).toBe(200);
    expect(body.result?.tag).toBe('v2.1.0');
    expect(body.updateKind?.semverDiff).toBe('major');
    const missing = await api<unknown>(server, `/api/containers/${'f'.repeat(64)}/watch`, { method: 'POST' });
    expect(missing.status).toBe(404);
  });
});
