// Many Docker hosts: a unix-socket engine and a TCP+TLS engine watched by one server, on SQLite and
// on PostgreSQL. New containers appear from the event stream (cron is set to once a year), removed
// ones disappear, an engine that goes away marks only its watcher as failing, and it recovers.
import type { Container, Watcher } from '@tidewatch/api-client';
import {
  type DockerEngine,
  type TestPostgres,
  type TestRegistry,
  pushImage,
  removeContainer,
  runContainer,
  startDockerEngine,
  startPostgres,
  startRegistry,
  waitFor,
} from '../env';
import { api, type ServerProcess, startServer } from '../support/server-process';

const YEARLY = '0 0 1 1 *';

describe.each(['sqlite', 'postgres'] as const)('watchers on %s', (backend) => {
  let local: DockerEngine;
  let remote: DockerEngine;
  let registry: TestRegistry;
  let postgres: TestPostgres | undefined;
  let server: ServerProcess;
  let image: string;

  const containers = async () => (await api<Container[]>(server, '/api/containers')).body;
  const watchers = async () => Object.fromEntries((await api<Watcher[]>(server, '/api/watchers')).body.map((w) => [w.name, w]));
  const names = async (watcher: string) =>
    (await containers())
      .filter((c) => c.watcher === watcher)
      .map((c) => c.name)
      .sort();

  beforeAll(async () => {
    [local, remote, registry, postgres] = await Promise.all([
      startDockerEngine(),
      startDockerEngine({ tcp: { tls: true } }),
      startRegistry(),
      backend === 'postgres' ? startPostgres() : Promise.resolve(undefined),
    ]);
    image = (await pushImage(local, registry, 'acme/app', '1.0.0')).reference;
    await remote.docker(['pull', image]);
    await Promise.all([
      runContainer(local, image, { name: 'alpha-one', labels: { 'tidewatch.watch': 'true' } }),
      runContainer(local, image, { name: 'ignored', labels: { 'wud.watch': 'false' } }),
      runContainer(remote, image, { name: 'beta-one' }),
    ]);
    const tls = remote.tcp?.tls;
    if (!remote.tcp || !tls) throw new Error('remote engine has no TLS endpoint');
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_ALPHA_SOCKET: local.socketPath,
        TIDEWATCH_WATCHER_ALPHA_CRON: YEARLY,
        TIDEWATCH_WATCHER_BETA_HOST: remote.tcp.host,
        TIDEWATCH_WATCHER_BETA_PORT: String(remote.tcp.port),
        TIDEWATCH_WATCHER_BETA_CAFILE: tls.caFile,
        TIDEWATCH_WATCHER_BETA_CERTFILE: tls.certFile,
        TIDEWATCH_WATCHER_BETA_KEYFILE: tls.keyFile,
        TIDEWATCH_WATCHER_BETA_CRON: YEARLY,
        ...(postgres ? { TIDEWATCH_DATABASE_URL: postgres.url } : {}),
      },
    });
    await waitFor(async () => (await containers()).length === 2, { what: 'both watchers to sync at start', timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([local?.stop(), remote?.stop(), registry?.stop(), postgres?.stop()]);
  });

  it('lists the containers of both hosts under their watcher, honouring watch labels', async () => {
    expect(await names('alpha')).toEqual(['alpha-one']);
    expect(await names('beta')).toEqual(['beta-one']);
    const state = await watchers();
    expect(state.alpha).toMatchObject({ id: 'docker.alpha', type: 'docker', connected: true, lastError: null, containerCount: 1 });
    expect(state.beta).toMatchObject({ connected: true, containerCount: 1, configuration: expect.objectContaining({ host: '127.0.0.1', protocol: 'https' }) });
    expect(state.beta.configuration.keyfile).toBe('<set>');
  });

  it('picks up a new container from the event stream within 2 s, and drops a removed one', async () => {
    const started = Date.now();
    await runContainer(remote, image, { name: 'beta-two', labels: { 'tidewatch.display.name': 'Beta two' } });
    await waitFor(async () => (await names('beta')).includes('beta-two'), { what: 'beta-two in the API', timeoutMs: 5_000, intervalMs: 50 });
    expect(Date.now() - started).toBeLessThan(2_000);
    await removeContainer(remote, 'beta-two');
    await waitFor(async () => !(await names('beta')).includes('beta-two'), { what: 'beta-two gone', timeoutMs: 5_000, intervalMs: 50 });
  });

  it('keeps a container identity when it is recreated under the same name', async () => {
    const before = (await containers()).find((c) => c.name === 'alpha-one');
    if (!before) throw new Error('alpha-one missing');
    await removeContainer(local, 'alpha-one');
    await runContainer(local, image, { name: 'alpha-one', labels: { 'tidewatch.watch': 'true' } });
    const after = await waitFor(
      async () => (await containers()).find((c) => c.name === 'alpha-one' && c.id !== before.id),
      { what: 'recreated alpha-one', timeoutMs: 5_000 },
    );
    expect(after.identity).toBe(before.identity);
    expect(after.identity).toBe('alpha/alpha-one');
  });

  it('marks only the failing watcher when its engine stops, and recovers when it returns', async () => {
    await local.down();
    const failing = await waitFor(
      async () => {
        const state = await watchers();
        return state.alpha.connected === false && state.alpha.lastError ? state : undefined;
      },
      { what: 'alpha to report the lost engine', timeoutMs: 10_000 },
    );
    expect(failing.beta.connected).toBe(true);
    // The other host keeps working meanwhile.
    await runContainer(remote, image, { name: 'beta-three' });
    await waitFor(async () => (await names('beta')).includes('beta-three'), { what: 'beta-three while alpha is down', timeoutMs: 5_000 });

    await local.up();
    await local.docker(['start', 'alpha-one']);
    const recovered = await waitFor(
      async () => {
        const state = await watchers();
        return state.alpha.connected && state.alpha.lastError === null ? state : undefined;
      },
      { what: 'alpha to recover', timeoutMs: 40_000, intervalMs: 200 },
    );
    expect(recovered.beta.connected).toBe(true);
    // The container restarted after the engine came back is picked up from the event stream.
    await waitFor(async () => (await names('alpha')).includes('alpha-one'), { what: 'alpha-one after recovery', timeoutMs: 10_000 });
    expect((await watchers()).alpha.containerCount).toBe(1);
  });
});
