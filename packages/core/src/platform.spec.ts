import {
  formatPlatform,
  IndexEntry,
  isAttestationEntry,
  isSamePlatform,
  MEDIA_TYPES,
  normalizePlatform,
  parsePlatform,
  Platform,
  selectPlatformEntry,
} from './platform';

describe('normalizePlatform', () => {
  const cases: Array<[Platform, string]> = [
    [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'x86_64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'x86-64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'amd64', variant: 'v1' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'amd64', variant: 'v3' }, 'linux/amd64/v3'],
    [{ os: 'Linux', architecture: 'AMD64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'aarch64' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'aarch64', variant: 'v8' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'arm64', variant: '8' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v8.0' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v9' }, 'linux/arm64/v9'],
    [{ os: 'linux', architecture: 'armhf' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'armel' }, 'linux/arm/v6'],
    [{ os: 'linux', architecture: 'arm' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm', variant: '' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm', variant: '7' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm', variant: '6' }, 'linux/arm/v6'],
    [{ os: 'linux', architecture: 'arm', variant: '5' }, 'linux/arm/v5'],
    [{ os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux/arm/v6'],
    [{ os: 'linux', architecture: 'i386' }, 'linux/386'],
    [{ os: 'linux', architecture: '386' }, 'linux/386'],
    [{ os: 'linux', architecture: 'ppc64le' }, 'linux/ppc64le'],
    [{ os: 'linux', architecture: 's390x' }, 'linux/s390x'],
    [{ os: 'linux', architecture: 'riscv64' }, 'linux/riscv64'],
    [{ os: 'windows', architecture: 'amd64' }, 'windows/amd64'],
    [{ os: 'macos', architecture: 'arm64' }, 'darwin/arm64'],
  ];
  it.each(cases)('%j → %s', (input, expected) => {
    expect(formatPlatform(normalizePlatform(input))).toBe(expected);
  });

  it('keeps os.version', () => {
    expect(
      normalizePlatform({ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' })
        .osVersion,
    ).toBe('10.0.17763.1');
  });
});

describe('parsePlatform / isSamePlatform', () => {
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ])('parses %s', (text, expected) => {
    expect(parsePlatform(text)).toEqual(expected);
  });

  it.each(['linux', 'linux/', '/amd64', 'a/b/c/d', ''])('rejects %j', (text) => {
    expect(() => parsePlatform(text)).toThrow('Invalid platform');
  });

  it.each([
    ['linux/aarch64', 'linux/arm64/v8', true],
    ['linux/armhf', 'linux/arm/v7', true],
    ['linux/arm', 'linux/arm/v7', true],
    ['linux/arm', 'linux/arm/v6', false],
    ['linux/x86_64', 'linux/amd64', true],
    ['linux/amd64', 'windows/amd64', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSamePlatform(parsePlatform(a), parsePlatform(b))).toBe(same);
  });
});

describe('isAttestationEntry', () => {
  it('detects unknown/unknown and the BuildKit annotation', () => {
    expect(
      isAttestationEntry({
        digest: 'sha256:a',
        platform: { os: 'unknown', architecture: 'unknown' },
      }),
    ).toBe(true);
    expect(
      isAttestationEntry({
        digest: 'sha256:a',
        platform: { os: 'linux', architecture: 'amd64' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      }),
    ).toBe(true);
    expect(
      isAttestationEntry({ digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } }),
    ).toBe(false);
  });
});

describe('selectPlatformEntry', () => {
  const M = MEDIA_TYPES.ociManifest;
  const entry = (
    digest: string,
    os: string,
    architecture: string,
    variant?: string,
    extra: Partial<IndexEntry> = {},
  ): IndexEntry => ({
    mediaType: M,
    digest,
    size: 1,
    platform: variant === undefined ? { os, architecture } : { os, architecture, variant },
    ...extra,
  });

  // A typical BuildKit multi-arch index with attestations.
  const typical: IndexEntry[] = [
    entry('amd64', 'linux', 'amd64'),
    entry('arm64', 'linux', 'arm64', 'v8'),
    entry('armv7', 'linux', 'arm', 'v7'),
    entry('armv6', 'linux', 'arm', 'v6'),
    entry('386', 'linux', '386'),
    entry('att-amd64', 'unknown', 'unknown', undefined, {
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': 'amd64',
      },
    }),
  ];

  const cases: Array<[string, IndexEntry[], Platform, string | undefined]> = [
    ['amd64', typical, { os: 'linux', architecture: 'amd64' }, 'amd64'],
    ['x86_64 (uname style)', typical, { os: 'linux', architecture: 'x86_64' }, 'amd64'],
    ['arm64 with no variant vs v8 entry', typical, { os: 'linux', architecture: 'arm64' }, 'arm64'],
    ['aarch64', typical, { os: 'linux', architecture: 'aarch64' }, 'arm64'],
    ['arm64/v8', typical, { os: 'linux', architecture: 'arm64', variant: 'v8' }, 'arm64'],
    ['arm/v7', typical, { os: 'linux', architecture: 'arm', variant: 'v7' }, 'armv7'],
    ['arm without variant means v7', typical, { os: 'linux', architecture: 'arm' }, 'armv7'],
    ['armhf', typical, { os: 'linux', architecture: 'armhf' }, 'armv7'],
    ['arm/v6', typical, { os: 'linux', architecture: 'arm', variant: 'v6' }, 'armv6'],
    ['armel', typical, { os: 'linux', architecture: 'armel' }, 'armv6'],
    ['i386', typical, { os: 'linux', architecture: 'i386' }, '386'],
    ['not in index', typical, { os: 'linux', architecture: 's390x' }, undefined],
    ['other os', typical, { os: 'windows', architecture: 'amd64' }, undefined],
    [
      'arm/v7 host runs arm/v6 when no v7',
      [entry('armv6', 'linux', 'arm', 'v6'), entry('armv5', 'linux', 'arm', 'v5')],
      { os: 'linux', architecture: 'arm', variant: 'v7' },
      'armv6',
    ],
    [
      'arm/v6 host cannot run arm/v7',
      [entry('armv7', 'linux', 'arm', 'v7')],
      { os: 'linux', architecture: 'arm', variant: 'v6' },
      undefined,
    ],
    [
      'entry arm64 without variant for aarch64/v8 host',
      [entry('a', 'linux', 'arm64')],
      { os: 'linux', architecture: 'aarch64', variant: 'v8' },
      'a',
    ],
    [
      'entry with variant "8"',
      [entry('a', 'linux', 'arm64', '8')],
      { os: 'linux', architecture: 'arm64' },
      'a',
    ],
    [
      'amd64 baseline preferred over v3',
      [entry('v3', 'linux', 'amd64', 'v3'), entry('base', 'linux', 'amd64')],
      { os: 'linux', architecture: 'amd64' },
      'base',
    ],
    [
      'amd64 host cannot run only-v3',
      [entry('v3', 'linux', 'amd64', 'v3')],
      { os: 'linux', architecture: 'amd64' },
      undefined,
    ],
    [
      'amd64/v3 host runs the baseline',
      [entry('base', 'linux', 'amd64'), entry('v2', 'linux', 'amd64', 'v2')],
      { os: 'linux', architecture: 'amd64', variant: 'v3' },
      'v2',
    ],
    [
      'attestation with a real-looking platform is skipped',
      [
        entry('att', 'linux', 'amd64', undefined, {
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        }),
        entry('real', 'linux', 'amd64'),
      ],
      { os: 'linux', architecture: 'amd64' },
      'real',
    ],
    [
      'unknown media type skipped',
      [
        entry('odd', 'linux', 'amd64', undefined, { mediaType: 'application/vnd.example+json' }),
        entry('real', 'linux', 'amd64'),
      ],
      { os: 'linux', architecture: 'amd64' },
      'real',
    ],
    [
      'missing media type skipped',
      [{ digest: 'nomt', platform: { os: 'linux', architecture: 'amd64' } }],
      { os: 'linux', architecture: 'amd64' },
      undefined,
    ],
    [
      'docker manifest list entries',
      [
        {
          mediaType: MEDIA_TYPES.dockerManifest,
          digest: 'd',
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
      { os: 'linux', architecture: 'amd64' },
      'd',
    ],
    [
      'nested index entries are candidates',
      [
        {
          mediaType: MEDIA_TYPES.ociIndex,
          digest: 'nested',
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
      { os: 'linux', architecture: 'amd64' },
      'nested',
    ],
    [
      'entry without platform skipped',
      [{ mediaType: M, digest: 'x' }],
      { os: 'linux', architecture: 'amd64' },
      undefined,
    ],
    [
      'first of two exact matches',
      [entry('first', 'linux', 'amd64'), entry('second', 'linux', 'amd64')],
      { os: 'linux', architecture: 'amd64' },
      'first',
    ],
    [
      'windows prefers the host build',
      [
        {
          mediaType: M,
          digest: 'ltsc2019',
          platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.6054' },
        },
        {
          mediaType: M,
          digest: 'ltsc2022',
          platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.2582' },
        },
      ],
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1000' },
      'ltsc2022',
    ],
    [
      'windows falls back to any build',
      [
        {
          mediaType: M,
          digest: 'ltsc2019',
          platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.6054' },
        },
      ],
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.26100.1' },
      'ltsc2019',
    ],
    ['empty index', [], { os: 'linux', architecture: 'amd64' }, undefined],
  ];

  it.each(cases)('%s', (_name, entries, wanted, expected) => {
    expect(selectPlatformEntry(entries, wanted)?.digest).toBe(expected);
  });
});
