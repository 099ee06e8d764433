import type { DockerContainerConfig, DockerContainerInspect } from '../../docker/docker.types';
import { buildRecreatePlan, describeChanges, sameValue } from './container-spec';

const ID = 'abcdef0123456789'.padEnd(64, '0');

function container(
  overrides: {
    config?: DockerContainerConfig;
    hostConfig?: DockerContainerInspect['hostConfig'];
    networks?: DockerContainerInspect['networks'];
    mounts?: DockerContainerInspect['mounts'];
  } = {},
): DockerContainerInspect {
  return {
    id: ID,
    name: 'app',
    created: '2026-01-01T00:00:00Z',
    imageId: 'sha256:old',
    config: {
      Hostname: ID.slice(0, 12),
      Image: 'acme/app:1.0',
      Env: ['PATH=/bin', 'FOO=bar'],
      Cmd: ['serve'],
      Labels: { 'img.version': '1.0', mine: 'x' },
      ...overrides.config,
    },
    hostConfig: { NetworkMode: 'none', RestartPolicy: { Name: 'always' }, ...overrides.hostConfig },
    networks: overrides.networks ?? {},
    mounts: overrides.mounts ?? [],
    state: {
      status: 'running',
      running: true,
      restarting: false,
      exitCode: 0,
      error: '',
      startedAt: '',
      finishedAt: '',
      health: null,
      healthLog: [],
    },
    restartCount: 0,
    raw: {},
  };
}

const IMAGE: DockerContainerConfig = {
  Env: ['PATH=/bin'],
  Cmd: ['serve'],
  Labels: { 'img.version': '1.0' },
  WorkingDir: '/app',
  ExposedPorts: { '80/tcp': {} },
};

describe('buildRecreatePlan', () => {
  it('changes the image and keeps everything else the user set', () => {
    const plan = buildRecreatePlan(
      container({ hostConfig: { NetworkMode: 'none', Memory: 1024, CapAdd: ['NET_ADMIN'] } }),
      IMAGE,
      'acme/app:1.1',
    );
    expect(plan.name).toBe('app');
    expect(plan.body).toEqual({
      Image: 'acme/app:1.1',
      Env: ['FOO=bar'],
      Labels: { mine: 'x' },
      HostConfig: {
        NetworkMode: 'none',
        RestartPolicy: { Name: 'always' },
        Memory: 1024,
        CapAdd: ['NET_ADMIN'],
      },
    });
    expect(plan.inheritedFromImage).toEqual(['Env PATH', 'Labels img.version', 'Cmd']);
  });

  it('keeps the whole configuration when the old image is unknown', () => {
    const plan = buildRecreatePlan(container(), null, 'acme/app:1.1');
    expect(plan.imageDefaultsKnown).toBe(false);
    expect(plan.body).toMatchObject({
      Env: ['PATH=/bin', 'FOO=bar'],
      Cmd: ['serve'],
      Labels: { 'img.version': '1.0', mine: 'x' },
    });
  });

  it.each<[string, DockerContainerConfig, DockerContainerConfig, Partial<DockerContainerConfig>]>([
    ['an own command', { Cmd: ['serve', '--debug'] }, IMAGE, { Cmd: ['serve', '--debug'] }],
    [
      'an own entrypoint keeps its command as it is',
      { Entrypoint: ['/init'], Cmd: ['serve'] },
      IMAGE,
      { Entrypoint: ['/init'], Cmd: ['serve'] },
    ],
    [
      'the image entrypoint is left to the image',
      { Entrypoint: ['/entry'], Cmd: ['serve'] },
      { ...IMAGE, Entrypoint: ['/entry'] },
      {},
    ],
    ['an own working dir', { WorkingDir: '/srv' }, IMAGE, { WorkingDir: '/srv' }],
    ['the image working dir', { WorkingDir: '/app' }, IMAGE, {}],
    [
      'an own user, stop signal and timeout',
      { User: '1000', StopSignal: 'SIGINT', StopTimeout: 3 },
      IMAGE,
      { User: '1000', StopSignal: 'SIGINT', StopTimeout: 3 },
    ],
    [
      'an own healthcheck',
      { Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9 } },
      IMAGE,
      { Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9 } },
    ],
    [
      'the image healthcheck',
      { Healthcheck: { Test: ['CMD', 'x'] } },
      { ...IMAGE, Healthcheck: { Test: ['CMD', 'x'] } },
      {},
    ],
    [
      'own exposed ports beside the image ones',
      { ExposedPorts: { '80/tcp': {}, '9090/tcp': {} } },
      IMAGE,
      { ExposedPorts: { '9090/tcp': {} } },
    ],
  ])('%s', (_what, config, image, expected) => {
    const plan = buildRecreatePlan(container({ config }), image, 'acme/app:1.1');
    const { HostConfig: _host, Image: _image, Env: _env, Labels: _labels, ...rest } = plan.body;
    expect(rest).toEqual(expected);
  });

  it.each([
    [
      'an engine-made hostname (ID prefix)',
      { Hostname: ID.slice(0, 12) },
      'none',
      undefined,
      undefined,
    ],
    ['a user-set hostname', { Hostname: 'web01' }, 'none', undefined, 'web01'],
    ['the host name under --network host', { Hostname: 'server' }, 'host', 'server', undefined],
    ['an own hostname under --network host', { Hostname: 'web01' }, 'host', 'server', 'web01'],
    [
      'any hostname under --network container:x',
      { Hostname: 'web01' },
      'container:abc',
      undefined,
      undefined,
    ],
  ])('hostname: %s', (_what, config, networkMode, engineHostname, expected) => {
    const plan = buildRecreatePlan(
      container({ config, hostConfig: { NetworkMode: networkMode } }),
      IMAGE,
      'acme/app:1.1',
      { engineHostname },
    );
    expect(plan.body.Hostname).toBe(expected);
  });

  it('hands anonymous volumes over by name, leaves named volumes and binds alone', () => {
    const anonymous = 'f'.repeat(64);
    const viaMount = 'e'.repeat(64);
    const plan = buildRecreatePlan(
      container({
        config: { Volumes: { '/data': {}, '/cache': {} } },
        hostConfig: {
          NetworkMode: 'none',
          Binds: ['named:/named', '/host:/cache'],
          Mounts: [{ Type: 'volume', Target: '/scratch' }],
        },
        mounts: [
          {
            type: 'volume',
            name: anonymous,
            source: `/v/${anonymous}`,
            destination: '/data',
            driver: 'local',
            mode: '',
            rw: true,
            propagation: '',
          },
          {
            type: 'volume',
            name: 'named',
            source: '/v/named',
            destination: '/named',
            driver: 'local',
            mode: 'z',
            rw: true,
            propagation: '',
          },
          {
            type: 'bind',
            name: null,
            source: '/host',
            destination: '/cache',
            driver: null,
            mode: '',
            rw: true,
            propagation: 'rprivate',
          },
          {
            type: 'volume',
            name: viaMount,
            source: `/v/${viaMount}`,
            destination: '/scratch',
            driver: 'local',
            mode: 'z',
            rw: true,
            propagation: '',
          },
        ],
      }),
      IMAGE,
      'acme/app:1.1',
    );
    expect(plan.body.HostConfig?.Mounts).toEqual([
      { Type: 'volume', Source: viaMount, Target: '/scratch' },
      { Type: 'volume', Source: anonymous, Target: '/data' },
    ]);
    expect(plan.body.HostConfig?.Binds).toEqual(['named:/named', '/host:/cache']);
    expect(plan.reattachedVolumes).toEqual([
      { name: anonymous, destination: '/data' },
      { name: viaMount, destination: '/scratch' },
    ]);
  });

  it('recreates user-defined networks: one at create, the rest connected after; engine aliases dropped', () => {
    const plan = buildRecreatePlan(
      container({
        hostConfig: { NetworkMode: 'front', Links: ['/db:/app/database'] },
        networks: {
          front: {
            Aliases: ['web', ID.slice(0, 12)],
            NetworkID: 'n1',
            IPAMConfig: null,
            Links: null,
          },
          back: {
            Aliases: [ID.slice(0, 12)],
            IPAMConfig: { IPv4Address: '10.0.0.5' },
            NetworkID: 'n2',
          },
        },
      }),
      IMAGE,
      'acme/app:1.1',
    );
    expect(plan.body.NetworkingConfig).toEqual({
      EndpointsConfig: { front: { Aliases: ['web'] } },
    });
    expect(plan.extraNetworks).toEqual([
      { network: 'back', endpoint: { IPAMConfig: { IPv4Address: '10.0.0.5' } } },
    ]);
    expect(plan.body.HostConfig?.Links).toEqual(['db:database']);
  });

  it.each(['none', 'host', 'container:abc'])('no NetworkingConfig for --network %s', (mode) => {
    const plan = buildRecreatePlan(
      container({ hostConfig: { NetworkMode: mode }, networks: { [mode]: { NetworkID: 'x' } } }),
      IMAGE,
      'acme/app:1.1',
    );
    expect(plan.body.NetworkingConfig).toBeUndefined();
    expect(plan.extraNetworks).toEqual([]);
  });
});

describe('describeChanges', () => {
  it('lists the image first-class and notes the defaults left to the new image', () => {
    const old = container();
    const changes = describeChanges(old, buildRecreatePlan(old, IMAGE, 'acme/app:1.1'));
    expect(changes).toEqual([
      {
        path: 'Config.Cmd',
        before: ['serve'],
        after: null,
        note: 'values equal to the old image defaults are left to the new image',
      },
      {
        path: 'Config.Env',
        before: ['PATH=/bin', 'FOO=bar'],
        after: ['FOO=bar'],
        note: 'values equal to the old image defaults are left to the new image',
      },
      {
        path: 'Config.Hostname',
        before: ID.slice(0, 12),
        after: null,
        note: 'engine-generated; the new container gets its own',
      },
      {
        path: 'Config.Image',
        before: 'acme/app:1.0',
        after: 'acme/app:1.1',
        note: 'the only intended change',
      },
      {
        path: 'Config.Labels',
        before: { 'img.version': '1.0', mine: 'x' },
        after: { mine: 'x' },
        note: 'values equal to the old image defaults are left to the new image',
      },
    ]);
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: null }, {}, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: '1' }, false],
    [null, undefined, false],
  ])('%j vs %j → %s', (a, b, expected) => expect(sameValue(a, b)).toBe(expected));
});
