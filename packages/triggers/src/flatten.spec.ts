import { flatten, snakeCase } from './flatten';
import { sampleContainer } from './sample-event';

describe('snakeCase (lodash-compatible)', () => {
  // Expected values are what lodash.snakeCase returns (WUD flattens with it).
  it.each([
    ['displayName', 'display_name'],
    ['updateKind', 'update_kind'],
    ['remoteValue', 'remote_value'],
    ['semverDiff', 'semver_diff'],
    ['image', 'image'],
    ['com.docker.compose.project', 'com_docker_compose_project'],
    ['org.opencontainers.image.version', 'org_opencontainers_image_version'],
    ['traefik.http.routers.app.rule', 'traefik_http_routers_app_rule'],
    ['v1', 'v_1'],
    ['version2', 'version_2'],
    ['HTTPServer', 'http_server'],
    ['containerID', 'container_id'],
    ['ID', 'id'],
    ['a_b', 'a_b'],
    ['foo-bar', 'foo_bar'],
    ['Foo Bar', 'foo_bar'],
    ['x2y', 'x_2_y'],
    ['ABCdef', 'ab_cdef'],
    ['abc123def', 'abc_123_def'],
    ['my.label_with-Mixed.Case1', 'my_label_with_mixed_case_1'],
    ['_private', 'private'],
    ['k8s.io/name', 'k_8_s_io_name'],
    ['ÄpfelBaum', 'apfel_baum'],
    ['0', '0'],
  ])('%s → %s', (key, expected) => {
    expect(snakeCase(key)).toBe(expected);
  });
});

describe('flatten (WUD)', () => {
  it('flattens the container object with WUD key names', () => {
    const flat = flatten(sampleContainer());
    expect(flat).toMatchObject({
      id: sampleContainer().id,
      name: 'nginx',
      display_name: 'nginx',
      display_icon: 'mdi:docker',
      watcher: 'local',
      include_tags: null,
      link_template:
        'https://github.com/nginx/nginx/releases/tag/release-${major}.${minor}.${patch}',
      image_id: sampleContainer().image.id,
      image_registry_name: 'hub.public',
      image_registry_url: 'https://registry-1.docker.io/v2',
      image_name: 'library/nginx',
      image_tag_value: '1.25.3',
      image_tag_semver: true,
      image_digest_watch: false,
      image_architecture: 'amd64',
      image_variant: null,
      result_tag: '1.27.0',
      result_link: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
      error: null,
      update_available: true,
      update_kind_kind: 'tag',
      update_kind_local_value: '1.25.3',
      update_kind_remote_value: '1.27.0',
      update_kind_semver_diff: 'minor',
      labels_com_docker_compose_project: 'web',
      labels_com_docker_compose_service: 'nginx',
    });
    for (const value of Object.values(flat))
      expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  });

  it('flattens arrays by index, drops empty containers, undefined and result_changed', () => {
    expect(
      flatten({
        list: ['a', { b: 1 }],
        empty: {},
        none: [],
        skip: undefined,
        result: { changed: true, tag: 'x' },
        when: new Date(0),
        n: Number.NaN,
      }),
    ).toEqual({
      list_0: 'a',
      list_1_b: 1,
      result_tag: 'x',
      when: '1970-01-01T00:00:00.000Z',
      n: null,
    });
  });

  it('survives cycles-by-depth and odd values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => flatten(cyclic)).not.toThrow();
    expect(flatten(null)).toEqual({});
    expect(flatten({ big: BigInt(5), fn: () => 1 })).toEqual({ big: '5' });
  });
});
