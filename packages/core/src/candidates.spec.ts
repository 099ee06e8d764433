import { CandidateInput, selectCandidate, TagReason } from './candidates';
import { compileOverrides, RegexRejectedError } from './overrides';

const SIG = `sha256-${'a'.repeat(64)}.sig`;

describe('selectCandidate picks the newest tag of the same shape', () => {
  it.each<[string, string[], string | undefined]>([
    ['1.2.3', ['1.2.2', '1.2.3', '1.2.4', '1.3.0', '2.0.0', 'latest', '1.3.0-rc.1'], '2.0.0'],
    ['1.2.3', ['1.2.4', '1.10.0', '1.9.9'], '1.10.0'],
    ['1.2.3', ['1.2.3'], undefined],
    ['1.2.3', ['1.2.2', '0.9.0'], undefined],
    ['1.2.3', [], undefined],
    ['1.20-alpine', ['1.21-alpine', '1.22', '1.22-bookworm', '1.21-alpine3.19'], '1.21-alpine'],
    ['1.20-alpine3.19', ['1.21-alpine3.19', '1.21-alpine3.20', '1.22-alpine'], '1.21-alpine3.20'],
    ['15-bookworm', ['16-bookworm', '16-alpine', '16', '16.1-bookworm'], '16-bookworm'],
    ['7', ['7.0.14', '8', '8.0.1'], '8'],
    ['7', ['7.0.14', '7.0'], undefined],
    ['8', ['8.0.0', '8.0'], undefined],
    ['v1.2.3', ['1.2.4', 'v1.2.4'], 'v1.2.4'],
    ['v1.2.3', ['1.2.4', '1.3.0'], undefined],
    ['1.2.3', ['v1.2.4'], undefined],
    [
      '3.2.1.5070-ls105',
      ['3.2.1.5070-ls106', '3.2.1.5071-ls1', '3.2.1.5070', '3.2.2-ls5'],
      '3.2.1.5071-ls1',
    ],
    ['3.2.1.5070-ls105', ['3.2.1.5070-ls99', '3.2.1.5070-ls100'], undefined],
    ['1.2.3-ls99', ['1.2.3-ls100', '1.2.3-ls98'], '1.2.3-ls100'],
    ['v25.2-ls209', ['v25.3-ls212', 'v25.2-ls210', '25.3-ls300'], 'v25.3-ls212'],
    ['2025-08-05', ['2025-06-03', '2025-09-01', '2025.10.01', 'latest'], '2025-09-01'],
    ['2025-08-05', ['2025-06-03', '2024-12-31'], undefined],
    ['2024.10.2', ['2024.11.0', '2025.1.0', '10.0.0'], '2025.1.0'],
    ['4.9.0.9', ['4.9.0.12', '4.9.0.10', '4.9.1'], '4.9.0.12'],
    ['4.9.0.12', ['4.9.0.9'], undefined],
    ['10.11.4', ['2021.12.16', '10.11.5'], '10.11.5'],
    ['10.11.4', ['2021.12.16'], undefined],
    ['1.0.0-rc.1', ['1.0.0-rc.2', '1.0.0', '0.9.0'], '1.0.0'],
    ['1.0.0-rc.1', ['1.0.0-rc.2', '1.0.0-beta.5'], '1.0.0-rc.2'],
    ['1.0.0-beta.2', ['1.0.0-rc.1'], '1.0.0-rc.1'],
    ['1.2.3', ['1.3.0-rc.1', '1.2.4-beta'], undefined],
    ['1.2.3', [SIG, '1.2.4.sig', '1.2.4.att'], undefined],
    ['1.25.3', ['1.25.3-alpine', '1.25.4'], '1.25.4'],
    [
      '1.43.3.10896-cb3ebc72d',
      ['1.43.4.10900-a1b2c3d4e', '1.43.3.10896-ffffff1'],
      '1.43.4.10900-a1b2c3d4e',
    ],
    ['1.2.3-r1', ['1.2.3-r2', '1.2.4-r0', '1.2.5'], '1.2.4-r0'],
    ['amd64-1.2.3', ['amd64-1.2.4', 'arm64v8-1.2.5', '1.2.6'], 'amd64-1.2.4'],
    ['1.2.3-amd64', ['1.2.4-amd64', '1.2.5-arm64', '1.2.6'], '1.2.4-amd64'],
    ['version-1.2.3', ['version-1.2.4', '1.2.5'], 'version-1.2.4'],
    ['1.02', ['1.2', '1.3'], '1.3'],
  ])('%s among %j → %s', (currentTag, remoteTags, expected) => {
    const decision = selectCandidate({ currentTag, remoteTags });
    expect(decision.tracked).toBe(true);
    expect(decision.candidate).toBe(expected);
    expect(decision.considered).toHaveLength(remoteTags.length);
  });

  it.each<[string]>([
    ['latest'],
    ['stable'],
    ['main'],
    ['edge'],
    ['3c0a1f7'],
    ['sha-3c0a1f7'],
    ['alpine'],
  ])('%s is not tracked and is left to digest watching', (currentTag) => {
    const decision = selectCandidate({ currentTag, remoteTags: ['1.0.0', '2.0.0', currentTag] });
    expect(decision.tracked).toBe(false);
    expect(decision.candidate).toBeUndefined();
    expect(decision.considered).toEqual([]);
    expect(decision.shape).toBeUndefined();
    expect(decision.reason).toContain('watched by digest');
  });

  it('breaks ties between equal versions by name, not registry order', () => {
    const tags = ['1.43.4.10900-bbbbbbb1', '1.43.4.10900-aaaaaaa1'];
    const forward = selectCandidate({ currentTag: '1.43.3.1-cccccc1', remoteTags: tags });
    const backward = selectCandidate({
      currentTag: '1.43.3.1-cccccc1',
      remoteTags: [...tags].reverse(),
    });
    expect(forward.candidate).toBe('1.43.4.10900-aaaaaaa1');
    expect(backward.candidate).toBe('1.43.4.10900-aaaaaaa1');
  });
});

describe('selectCandidate records a verdict for every tag', () => {
  const remoteTags = [
    '1.2.3',
    '1.2.4',
    '1.2.2',
    '01.2.3',
    '1.3.0-rc.1',
    '1.2',
    'v1.2.5',
    'latest',
    'abc1234',
    SIG,
    'x.att',
    '-bad',
    '1.2.4',
    '2021.1.1',
    '1.2.9-alpine',
    '1.4.0',
  ];
  const decision = selectCandidate({ currentTag: '1.2.3', remoteTags });

  it.each<[number, string, TagReason, string | undefined]>([
    [0, '1.2.3', 'current', undefined],
    [1, '1.2.4', 'newer', undefined],
    [2, '1.2.2', 'not-newer', 'older than current'],
    [3, '01.2.3', 'not-newer', 'same version as current'],
    [4, '1.3.0-rc.1', 'prerelease', 'prereleases are offered only from a prerelease'],
    [5, '1.2', 'different-shape', '#.# is not #.#.#'],
    [6, 'v1.2.5', 'different-shape', 'v#.#.# is not #.#.#'],
    [7, 'latest', 'not-version', 'has no numeric version part'],
    [8, 'abc1234', 'not-version', 'looks like a commit hash'],
    [9, SIG, 'signature', 'signature, attestation or SBOM artifact'],
    [10, 'x.att', 'signature', 'signature, attestation or SBOM artifact'],
    [11, '-bad', 'invalid', 'not a valid Docker tag'],
    [12, '1.2.4', 'duplicate', undefined],
    [13, '2021.1.1', 'different-shape', 'YYYY.#.# is not #.#.#'],
    [14, '1.2.9-alpine', 'different-shape', '#.#.#-alpine is not #.#.#'],
    [15, '1.4.0', 'newer', undefined],
  ])('#%i %s → %s', (index, tag, reason, detail) => {
    const entry = decision.considered[index];
    expect(entry.tag).toBe(tag);
    expect(entry.reason).toBe(reason);
    expect(entry.verdict).toBe(reason === 'newer' ? 'candidate' : 'dropped');
    expect(entry.detail).toBe(detail);
  });

  it('summarises the decision', () => {
    expect(decision.candidate).toBe('1.4.0');
    expect(decision.shape).toBe('#.#.#');
    expect(decision.transformedCurrent).toBe('1.2.3');
    expect(decision.reason).toBe(
      '"1.4.0" is the newest of 2 newer tags with shape #.#.# (current "1.2.3")',
    );
    expect(decision.counts).toEqual({
      current: 1,
      newer: 2,
      'not-newer': 2,
      prerelease: 1,
      'different-shape': 4,
      'not-version': 2,
      signature: 2,
      invalid: 1,
      duplicate: 1,
    });
  });

  it('explains why nothing was chosen', () => {
    const none = selectCandidate({
      currentTag: '1.2.3',
      remoteTags: ['1.2.2', '1.2', 'latest', '1.2.3'],
    });
    expect(none.candidate).toBeUndefined();
    expect(none.reason).toBe(
      'no tag is newer than "1.2.3" with shape #.#.# among 4 tags (dropped: 1 not-newer, 1 different-shape, 1 not-version, 1 current)',
    );
    expect(selectCandidate({ currentTag: '1.2.3', remoteTags: [] }).reason).toBe(
      'the registry listed no tags',
    );
  });
});

describe('selectCandidate with overrides', () => {
  it.each<[string, CandidateInput, string | undefined]>([
    [
      'transform applies to current and remote tags',
      {
        currentTag: '1.0.0-269-7b368146',
        remoteTags: ['1.0.0-270-8c47a257', '1.0.1-1-aaaaaab', '1.0.0-268-0000001'],
        transformTags: '^(\\d+\\.\\d+\\.\\d+-\\d+)-.*$ => $1',
      },
      '1.0.1-1-aaaaaab',
    ],
    [
      'transform turns dashes into dots',
      {
        currentTag: '2025_08_05',
        remoteTags: ['2025_09_01', '2024_01_01'],
        transformTags: '^(\\d+)_(\\d+)_(\\d+)$ => $1.$2.$3',
      },
      '2025_09_01',
    ],
    [
      'include restricts to plain versions',
      {
        currentTag: '1.2.3',
        remoteTags: ['1.2.4', '1.2.5-alpine', 'v1.3.0'],
        includeTags: '^\\d+\\.\\d+\\.\\d+$',
      },
      '1.2.4',
    ],
    [
      'include relaxes the prefix rule',
      {
        currentTag: 'v1.2.3',
        remoteTags: ['1.2.4', 'v1.2.5', '1.3.0'],
        includeTags: '^v?\\d+\\.\\d+\\.\\d+$',
      },
      '1.3.0',
    ],
    [
      'without include the prefix must match',
      { currentTag: 'v1.2.3', remoteTags: ['1.2.4', 'v1.2.5', '1.3.0'] },
      'v1.2.5',
    ],
    [
      'include lets a sha- prefixed version through',
      { currentTag: 'sha-1.2.3', remoteTags: ['sha-1.2.4', 'sha-abcdef1'], includeTags: '^sha-' },
      'sha-1.2.4',
    ],
    [
      'include does not relax the part count',
      { currentTag: '1.2', remoteTags: ['1.2.5', '1.3.0'], includeTags: '.*' },
      undefined,
    ],
    [
      'include does not relax the suffix family',
      { currentTag: '1.2-alpine', remoteTags: ['1.3-bookworm'], includeTags: '.*' },
      undefined,
    ],
    [
      'include does not relax the prerelease policy',
      { currentTag: '1.2.3', remoteTags: ['1.3.0-rc.1'], includeTags: '^\\d' },
      undefined,
    ],
    [
      'include does not relax signature drops',
      { currentTag: '1.2.3', remoteTags: ['1.2.4.sig'], includeTags: '.*' },
      undefined,
    ],
    [
      'include does not relax CalVer against SemVer',
      { currentTag: '10.11.4', remoteTags: ['2021.12.16'], includeTags: '^\\d' },
      undefined,
    ],
    [
      'exclude drops matches',
      { currentTag: '1.2.3', remoteTags: ['1.2.4', '1.3.0'], excludeTags: '^1\\.3' },
      '1.2.4',
    ],
    [
      'exclude matches raw tags, not transformed ones',
      {
        currentTag: 'v1.2.3',
        remoteTags: ['v1.2.4', 'v1.3.0'],
        excludeTags: '^v1\\.3',
        transformTags: '^v(.*)$ => $1',
      },
      'v1.2.4',
    ],
    [
      'include matches raw tags, not transformed ones',
      {
        currentTag: 'v1.2.3',
        remoteTags: ['v1.2.4', 'v1.3.0'],
        includeTags: '^1\\.',
        transformTags: '^v(.*)$ => $1',
      },
      undefined,
    ],
    [
      'include and exclude combine',
      {
        currentTag: '1.2.3',
        remoteTags: ['1.2.4', '1.2.5', '1.3.0'],
        includeTags: '^1\\.2\\.',
        excludeTags: '5$',
      },
      '1.2.4',
    ],
    [
      'empty override strings count as unset',
      {
        currentTag: '1.2.3',
        remoteTags: ['1.2.4'],
        includeTags: '',
        excludeTags: '',
        transformTags: '',
      },
      '1.2.4',
    ],
    [
      'a transform can make a non-version current tag trackable',
      {
        currentTag: 'release_7',
        remoteTags: ['release_8'],
        transformTags: '^release_(\\d+)$ => $1',
      },
      'release_8',
    ],
  ])('%s', (_, input, expected) => {
    expect(selectCandidate(input).candidate).toBe(expected);
  });

  it('records include and exclude verdicts with the pattern', () => {
    const decision = selectCandidate({
      currentTag: '1.2.3',
      remoteTags: ['1.2.4', '2.0.0', '1.2.5-alpine'],
      includeTags: '^\\d+\\.\\d+\\.\\d+$',
      excludeTags: '^2\\.',
    });
    expect(decision.considered.map((entry) => [entry.tag, entry.reason, entry.detail])).toEqual([
      ['1.2.4', 'newer', undefined],
      ['2.0.0', 'excluded', 'matches exclude /^2\\./'],
      ['1.2.5-alpine', 'not-included', 'does not match include /^\\d+\\.\\d+\\.\\d+$/'],
    ]);
    expect(decision.reason).toBe(
      '"1.2.4" is the newest of 1 newer tag with shape #.#.# (any prefix the include allows) (current "1.2.3")',
    );
  });

  it('reports transformed names next to the raw ones', () => {
    const decision = selectCandidate({
      currentTag: 'v1.2.3',
      remoteTags: ['v1.2.4'],
      transformTags: '^v(.*)$ => $1',
    });
    expect(decision.transformedCurrent).toBe('1.2.3');
    expect(decision.considered[0]).toEqual({
      tag: 'v1.2.4',
      transformed: '1.2.4',
      verdict: 'candidate',
      reason: 'newer',
    });
    expect(decision.candidate).toBe('v1.2.4');
  });

  it.each<[CandidateInput, string]>([
    [
      { currentTag: '1', remoteTags: [], includeTags: '(a+)+' },
      'tidewatch.tag.include: nested quantifiers',
    ],
    [
      { currentTag: '1', remoteTags: [], excludeTags: '[' },
      'tidewatch.tag.exclude: not a valid regular expression',
    ],
    [
      { currentTag: '1', remoteTags: [], transformTags: '^v(.*)$' },
      'tidewatch.tag.transform: expected',
    ],
  ])('rejects unsafe overrides %j', (input, message) => {
    expect(() => selectCandidate(input)).toThrow(RegexRejectedError);
    expect(() => selectCandidate(input)).toThrow(message);
  });

  it('uses precompiled overrides instead of the strings', () => {
    const compiled = compileOverrides({ excludeTags: '^1\\.3' });
    const decision = selectCandidate(
      { currentTag: '1.2.3', remoteTags: ['1.2.4', '1.3.0'], excludeTags: '(a+)+' },
      compiled,
    );
    expect(decision.candidate).toBe('1.2.4');
  });
});

describe('selectCandidate on a repository with 50 000 tags', () => {
  const remoteTags: string[] = [];
  for (let major = 0; major < 20; major += 1) {
    for (let minor = 0; minor < 25; minor += 1) {
      for (let patch = 0; patch < 25; patch += 1) {
        const base = `${major}.${minor}.${patch}`;
        remoteTags.push(base, `${base}-alpine`, `${base}-rc.1`, `v${base}`);
      }
    }
  }
  // Registries list tags lexically; shuffle deterministically so order cannot be relied on.
  let seed = 42;
  for (let i = remoteTags.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [remoteTags[i], remoteTags[j]] = [remoteTags[j], remoteTags[i]];
  }

  it('has 50 000 tags', () => {
    expect(remoteTags).toHaveLength(50_000);
  });

  it('finds the newest of each shape and records every tag', () => {
    const decision = selectCandidate({ currentTag: '3.4.5', remoteTags });
    expect(decision.candidate).toBe('19.24.24');
    expect(decision.considered).toHaveLength(50_000);
    expect(decision.counts).toEqual({
      current: 1,
      newer: 12_500 - 1 - (3 * 625 + 4 * 25 + 5),
      'not-newer': 3 * 625 + 4 * 25 + 5,
      'different-shape': 25_000,
      prerelease: 12_500,
    });
  });

  it.each<[string, string]>([
    ['3.4.5-alpine', '19.24.24-alpine'],
    ['v3.4.5', 'v19.24.24'],
    ['3.4.5-rc.1', '19.24.24'],
  ])('follows %s to %s', (currentTag, expected) => {
    expect(selectCandidate({ currentTag, remoteTags }).candidate).toBe(expected);
  });

  it('applies overrides across the whole list', () => {
    const decision = selectCandidate({
      currentTag: '3.4.5',
      remoteTags,
      includeTags: '^v?\\d+\\.\\d+\\.\\d+$',
      excludeTags: '^v?1[89]\\.',
    });
    expect(decision.candidate).toBe('17.24.24');
    expect(decision.counts['not-included']).toBe(25_000);
    expect(decision.counts.excluded).toBe(2 * 2 * 625);
  });
});
