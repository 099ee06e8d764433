import * as core from './index';

describe('public API', () => {
  it.each([
    'parseImageRef',
    'formatImageRef',
    'familiarRepository',
    'registryApiHost',
    'parseRepoDigest',
    'isSameRepository',
    'ImageRefError',
    'parseTag',
    'inspectTag',
    'isSignatureTag',
    'shapeKey',
    'sameShape',
    'compareTags',
    'checkUserRegex',
    'compileUserRegex',
    'testUserRegex',
    'parseTransform',
    'applyTransform',
    'compileOverrides',
    'RegexRejectedError',
    'selectCandidate',
    'semverDiff',
    'computeUpdate',
    'passesThreshold',
    'parseThreshold',
    'isThreshold',
  ])('exports %s as a function', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it.each<[string, unknown]>([
    ['THRESHOLDS', ['all', 'major', 'major-only', 'minor', 'minor-only', 'patch', 'digest']],
    ['MAX_PATTERN_LENGTH', 256],
    ['MAX_TESTED_LENGTH', 128],
    ['DOCKER_HUB_REGISTRY', 'docker.io'],
    ['DOCKER_HUB_API_HOST', 'registry-1.docker.io'],
  ])('exports %s', (name, value) => {
    expect((core as Record<string, unknown>)[name]).toEqual(value);
  });
});

describe('one container, end to end through the public API', () => {
  const running = core.parseImageRef('lscr.io/linuxserver/sonarr:3.2.1.5070-ls105');
  const local = `sha256:${'1'.repeat(64)}`;
  const repoDigests = [
    `lscr.io/linuxserver/sonarr@${local}`,
    `ghcr.io/other/image@sha256:${'2'.repeat(64)}`,
  ];

  const localDigests = repoDigests
    .map(core.parseRepoDigest)
    .filter((entry) => core.isSameRepository(entry, running))
    .map((entry) => entry.digest);

  const decision = core.selectCandidate({
    currentTag: running.tag ?? 'latest',
    remoteTags: [
      'latest',
      '3.2.1.5070-ls105',
      '3.2.1.5070-ls106',
      '3.2.2.5080-ls110',
      '4.0.0.1-ls1-rc',
      'develop',
    ],
  });

  const result = core.computeUpdate({
    currentTag: running.tag ?? 'latest',
    candidateTag: decision.candidate,
    localDigests,
    watchDigest: !decision.tracked,
  });

  it('normalises the reference and keeps only its own repo digests', () => {
    expect(core.formatImageRef(running)).toBe('lscr.io/linuxserver/sonarr:3.2.1.5070-ls105');
    expect(core.registryApiHost(running.registry)).toBe('lscr.io');
    expect(localDigests).toEqual([local]);
  });

  it('picks the newest same-shape tag', () => {
    expect(decision.tracked).toBe(true);
    expect(decision.shape).toBe('#.#.#.#-ls#');
    expect(decision.candidate).toBe('3.2.2.5080-ls110');
  });

  it('reports a patch update that a patch threshold lets through', () => {
    expect(result.updateAvailable).toBe(true);
    expect(result.updateKind).toEqual({
      kind: 'tag',
      localValue: '3.2.1.5070-ls105',
      remoteValue: '3.2.2.5080-ls110',
      semverDiff: 'patch',
    });
    expect(core.passesThreshold(core.parseThreshold('PATCH'), result.updateKind)).toBe(true);
    expect(core.passesThreshold('minor-only', result.updateKind)).toBe(false);
  });
});
