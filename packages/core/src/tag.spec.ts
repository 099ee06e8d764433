import {
  compareTags,
  inspectTag,
  isSignatureTag,
  ParsedTag,
  parseTag,
  sameShape,
  shapeKey,
  TagRejection,
} from './tag';

function parsed(raw: string): ParsedTag {
  const tag = parseTag(raw);
  if (tag === null) throw new Error(`expected ${raw} to parse`);
  return tag;
}

describe('parseTag', () => {
  // [raw, prefix, numbers, separators, suffix, build, prereleaseIds]
  it.each<[string, string, number[], string, string, number | undefined, (string | number)[]]>([
    ['1.2.3', '', [1, 2, 3], '..', '', undefined, []],
    ['v1.2', 'v', [1, 2], '.', '', undefined, []],
    ['v1.2.3', 'v', [1, 2, 3], '..', '', undefined, []],
    ['V2', 'V', [2], '', '', undefined, []],
    ['7', '', [7], '', '', undefined, []],
    ['0', '', [0], '', '', undefined, []],
    ['15-bookworm', '', [15], '', '-bookworm', undefined, []],
    ['1.2.3-alpine', '', [1, 2, 3], '..', '-alpine', undefined, []],
    ['1.20-alpine3.19', '', [1, 20], '.', '-alpine3.19', undefined, []],
    ['1.27.3-alpine3.20-slim', '', [1, 27, 3], '..', '-alpine3.20-slim', undefined, []],
    ['3.2.1.5070-ls105', '', [3, 2, 1, 5070], '...', '', 105, []],
    ['v25.2-ls209', 'v', [25, 2], '.', '', 209, []],
    ['version-1.2.3', 'version-', [1, 2, 3], '..', '', undefined, []],
    ['release-2.0', 'release-', [2, 0], '.', '', undefined, []],
    ['2024.10.2', '', [2024, 10, 2], '..', '', undefined, []],
    ['2025-08-05', '', [2025, 8, 5], '--', '', undefined, []],
    ['2025-08-05-1', '', [2025, 8, 5], '--', '', 1, []],
    ['2025.08.05', '', [2025, 8, 5], '..', '', undefined, []],
    ['4.9.0.12', '', [4, 9, 0, 12], '...', '', undefined, []],
    ['1.43.3.10896-cb3ebc72d', '', [1, 43, 3, 10896], '...', '-cb3ebc72d', undefined, []],
    ['1.0.0-rc.1', '', [1, 0, 0], '..', '', undefined, ['rc', 1]],
    ['1.0.0-rc1', '', [1, 0, 0], '..', '', undefined, ['rc', 1]],
    ['1.0.0rc1', '', [1, 0, 0], '..', '', undefined, ['rc', 1]],
    ['1.0.0-RC2', '', [1, 0, 0], '..', '', undefined, ['rc', 2]],
    ['1.0.0-beta2', '', [1, 0, 0], '..', '', undefined, ['beta', 2]],
    ['1.0.0-beta.2.1', '', [1, 0, 0], '..', '', undefined, ['beta', 2, 1]],
    ['1.0.0-alpha', '', [1, 0, 0], '..', '', undefined, ['alpha']],
    ['1.0.0-dev', '', [1, 0, 0], '..', '', undefined, ['dev']],
    ['1.0.0.dev0', '', [1, 0, 0], '..', '', undefined, ['dev', 0]],
    ['1.0.0-nightly', '', [1, 0, 0], '..', '', undefined, ['nightly']],
    ['1.0.0-pre', '', [1, 0, 0], '..', '', undefined, ['pre']],
    ['1.0.0-preview.3', '', [1, 0, 0], '..', '', undefined, ['preview', 3]],
    ['2.0-SNAPSHOT', '', [2, 0], '.', '', undefined, ['snapshot']],
    ['3.0.0-rc1-alpine', '', [3, 0, 0], '..', '-alpine', undefined, ['rc', 1]],
    ['3.0.0-alpine-rc1', '', [3, 0, 0], '..', '-alpine', undefined, ['rc', 1]],
    ['1.0.0-rc.1-ls5', '', [1, 0, 0], '..', '', 5, ['rc', 1]],
    ['1.2.3-r1', '', [1, 2, 3], '..', '', 1, []],
    ['1.2.3-alpine-r12', '', [1, 2, 3], '..', '-alpine', 12, []],
    ['1.2.3-1', '', [1, 2, 3], '..', '', 1, []],
    ['2.4.57-2-bookworm', '', [2, 4, 57], '..', '-2-bookworm', undefined, []],
    ['amd64-1.2.3', 'amd64-', [1, 2, 3], '..', '', undefined, []],
    ['arm64v8-1.2.3', 'arm64v8-', [1, 2, 3], '..', '', undefined, []],
    ['linux-arm64-2.0', 'linux-arm64-', [2, 0], '.', '', undefined, []],
    ['1.2.3-amd64', '', [1, 2, 3], '..', '-amd64', undefined, []],
    ['alpine3.19', 'alpine', [3, 19], '.', '', undefined, []],
    ['jammy-20240101', 'jammy-', [20240101], '', '', undefined, []],
    ['20240101', '', [20240101], '', '', undefined, []],
    ['1.2.3.RELEASE', '', [1, 2, 3], '..', '.RELEASE', undefined, []],
    ['1.2.3-devel', '', [1, 2, 3], '..', '-devel', undefined, []],
    ['1.2.3-prefork', '', [1, 2, 3], '..', '-prefork', undefined, []],
    ['8.3-fpm-alpine', '', [8, 3], '.', '-fpm-alpine', undefined, []],
    ['php8.3-fpm', 'php', [8, 3], '.', '-fpm', undefined, []],
    ['01.02', '', [1, 2], '.', '', undefined, []],
    ['_1', '_', [1], '', '', undefined, []],
  ])('%s', (raw, prefix, numbers, separators, suffix, build, prereleaseIds) => {
    const tag = parsed(raw);
    expect(tag.raw).toBe(raw);
    expect(tag.prefix).toBe(prefix);
    expect(tag.numbers).toEqual(numbers);
    expect(tag.separators.join('')).toBe(separators);
    expect(tag.suffix).toBe(suffix);
    expect(tag.build).toBe(build);
    expect(tag.prereleaseIds).toEqual(prereleaseIds);
    expect(tag.prerelease).toBe(prereleaseIds.length > 0);
  });

  it.each<[string, TagRejection]>([
    ['latest', 'not-version'],
    ['stable', 'not-version'],
    ['edge', 'not-version'],
    ['main', 'not-version'],
    ['master', 'not-version'],
    ['nightly', 'not-version'],
    ['bookworm', 'not-version'],
    ['alpine', 'not-version'],
    ['3c0a1f7', 'not-version'],
    ['abcdef0', 'not-version'],
    ['1234567', 'not-version'],
    ['12345678', 'not-version'],
    ['0123456789abcdef0123456789abcdef01234567', 'not-version'],
    ['sha-3c0a1f7', 'not-version'],
    ['sha-0123456789abcdef', 'not-version'],
    ['98239515-ls42', 'not-version'],
    ['cf1f086c-ls51', 'not-version'],
    ['1.2.99999999999999999', 'not-version'],
    ['amd64-latest', 'not-version'],
    [`sha256-${'a'.repeat(64)}.sig`, 'signature'],
    [`sha256-${'0'.repeat(64)}.att`, 'signature'],
    [`sha256-${'f'.repeat(64)}.sbom`, 'signature'],
    [`sha256-${'f'.repeat(64)}`, 'signature'],
    ['1.2.3.sig', 'signature'],
    ['v1.att', 'signature'],
    ['', 'invalid'],
    ['-1.2', 'invalid'],
    ['.1', 'invalid'],
    ['1.2 3', 'invalid'],
    ['1+2', 'invalid'],
    [`1.${'1'.repeat(127)}`, 'invalid'],
  ])('%j is not a version (%s)', (raw, reason) => {
    expect(parseTag(raw)).toBeNull();
    const inspection = inspectTag(raw);
    expect(inspection.ok).toBe(false);
    if (!inspection.ok) {
      expect(inspection.reason).toBe(reason);
      expect(inspection.detail.length).toBeGreaterThan(0);
    }
  });

  it.each<[string, boolean]>([
    ['2024.10.2', true],
    ['2025-08-05', true],
    ['2025.08.05', true],
    ['1999.1', true],
    ['10.11.4', false],
    ['2024', false],
    ['2000.15.0', false],
    ['2100.1.1', false],
    ['20240101', false],
    ['1.2.3', false],
  ])('%s calendar=%s', (raw, calendar) => {
    expect(parsed(raw).calendar).toBe(calendar);
  });

  it.each<[string, number[]]>([
    ['1.20-alpine3.19', [3, 19]],
    ['1.20-alpine', []],
    ['1.43.3.10896-cb3ebc72d', []],
    ['2.4.57-2-bookworm', [2]],
    ['1.2.3-alpine-r12', []],
  ])('%s suffix numbers %j', (raw, numbers) => {
    expect(parsed(raw).suffixNumbers).toEqual(numbers);
  });
});

describe('isSignatureTag', () => {
  it.each<[string, boolean]>([
    [`sha256-${'a'.repeat(64)}.sig`, true],
    [`sha256-${'a'.repeat(64)}.att`, true],
    [`sha256-${'a'.repeat(64)}.sbom`, true],
    [`sha256-${'a'.repeat(64)}`, true],
    ['anything.sig', true],
    ['1.2.3', false],
    ['sig', false],
    ['1.2.3-sig', false],
    [`sha256-${'a'.repeat(63)}`, false],
  ])('%s → %s', (raw, expected) => {
    expect(isSignatureTag(raw)).toBe(expected);
  });
});

describe('shapeKey', () => {
  it.each<[string, string]>([
    ['1.2.3', '#.#.#'],
    ['v1.2.3', 'v#.#.#'],
    ['7', '#'],
    ['7.0.14', '#.#.#'],
    ['1.20-alpine3.19', '#.#-alpine#.#'],
    ['1.20-alpine', '#.#-alpine'],
    ['15-bookworm', '#-bookworm'],
    ['3.2.1.5070-ls105', '#.#.#.#-ls#'],
    ['v25.2-ls209', 'v#.#-ls#'],
    ['1.2.3-r1', '#.#.#-r#'],
    ['1.2.3-1', '#.#.#-#'],
    ['2024.10.2', 'YYYY.#.#'],
    ['2025-08-05', 'YYYY-#-#'],
    ['1.0.0-rc.1', '#.#.#'],
    ['1.0.0-beta2-alpine', '#.#.#-alpine'],
    ['1.43.3.10896-cb3ebc72d', '#.#.#.#-<hash>'],
    ['amd64-1.2', 'amd64-#.#'],
  ])('%s → %s', (raw, key) => {
    expect(shapeKey(parsed(raw))).toBe(key);
  });

  it.each<[string, string]>([
    ['v1.2.3', '#.#.#'],
    ['version-1.2-alpine', '#.#-alpine'],
    ['1.2', '#.#'],
  ])('%s without prefix → %s', (raw, key) => {
    expect(shapeKey(parsed(raw), { ignorePrefix: true })).toBe(key);
  });
});

describe('sameShape', () => {
  it.each<[string, string, boolean]>([
    ['1.2.3', '1.2.4', true],
    ['1.2.3', '10.0.0', true],
    ['1.2.3', '1.3.0-rc.1', true],
    ['1.20-alpine', '1.21-alpine', true],
    ['1.20-alpine3.19', '1.21-alpine3.20', true],
    ['3.2.1.5070-ls105', '3.2.1.5071-ls106', true],
    ['v25.2-ls209', 'v25.3-ls212', true],
    ['2025-08-05', '2025-09-01', true],
    ['2024.10.2', '2025.1.0', true],
    ['1.43.3.10896-cb3ebc72d', '1.43.4.10900-a1b2c3d4e', true],
    ['7', '8', true],
    ['1.20-alpine', '1.21-bookworm', false],
    ['1.20-alpine', '1.21', false],
    ['7', '7.0.14', false],
    ['7', '7-bookworm', false],
    ['v1.2.3', '1.2.4', false],
    ['1.2.3', '1.2.3.4', false],
    ['10.11.4', '2021.12.16', false],
    ['2025-08-05', '2025.08.05', false],
    ['1.2.3-ls5', '1.2.3-r5', false],
    ['1.2.3-ls5', '1.2.3', false],
    ['1.2.3-1', '1.2.3', false],
    ['amd64-1.2.3', '1.2.3', false],
    ['1.2.3', '1.2.4-amd64', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(sameShape(parsed(a), parsed(b))).toBe(expected);
    expect(sameShape(parsed(b), parsed(a))).toBe(expected);
  });

  it('ignores the prefix when asked', () => {
    expect(sameShape(parsed('v1.2.3'), parsed('1.2.4'), { ignorePrefix: true })).toBe(true);
    expect(sameShape(parsed('v1.2.3'), parsed('1.2'), { ignorePrefix: true })).toBe(false);
  });
});

describe('compareTags', () => {
  // [older, newer]
  it.each<[string, string]>([
    ['1.2.3', '1.2.4'],
    ['1.2.3', '1.3.0'],
    ['1.2.3', '2.0.0'],
    ['1.9.0', '1.10.0'],
    ['1.2.9', '1.2.10'],
    ['9', '10'],
    ['v1.2', 'v1.10'],
    ['4.9.0.9', '4.9.0.12'],
    ['4.0.13.2932', '4.0.13.2933'],
    ['3.2.1.5070-ls105', '3.2.1.5070-ls106'],
    ['1.2.3-ls99', '1.2.3-ls100'],
    ['1.2.3-ls300', '1.2.4-ls1'],
    ['v25.2-ls209', 'v25.3-ls212'],
    ['1.2.3-r1', '1.2.3-r2'],
    ['1.2.3-9', '1.2.3-10'],
    ['2025-06-03', '2025-08-05'],
    ['2025-08-05', '2025-08-06'],
    ['2024-12-31', '2025-01-01'],
    ['2024.10.2', '2024.11.0'],
    ['2024.9.9', '2024.10.0'],
    ['1.0.0-rc.2', '1.0.0'],
    ['1.0.0-rc.1', '1.0.0-rc.2'],
    ['1.0.0-rc.2', '1.0.0-rc.10'],
    ['1.0.0-rc1', '1.0.0-rc2'],
    ['1.0.0-alpha', '1.0.0-alpha.1'],
    ['1.0.0-alpha', '1.0.0-beta'],
    ['1.0.0-beta.11', '1.0.0-rc.1'],
    ['1.0.0-beta', '1.0.0-beta.2'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0.0', '1.0.1-rc.1'],
    ['1.0.0-rc.1-ls9', '1.0.0-ls1'],
    ['1.20-alpine3.19', '1.20-alpine3.20'],
    ['1.20-alpine3.20', '1.21-alpine3.19'],
    ['2.4.57-2-bookworm', '2.4.57-3-bookworm'],
    ['0.9', '0.10'],
    ['0.0.1', '0.0.2'],
  ])('%s < %s', (older, newer) => {
    expect(compareTags(older, newer)).toBeLessThan(0);
    expect(compareTags(newer, older)).toBeGreaterThan(0);
  });

  it.each<[string, string]>([
    ['1.2.3', '1.2.3'],
    ['1.02', '1.2'],
    ['1.43.3.10896-cb3ebc72d', '1.43.3.10896-0a1b2c3d4'],
    ['v1.2.3', '1.2.3'],
  ])('%s == %s', (a, b) => {
    expect(compareTags(a, b)).toBe(0);
  });

  it('accepts parsed tags as well as strings', () => {
    expect(compareTags(parsed('1.2.3'), '1.2.4')).toBeLessThan(0);
  });

  it.each(['latest', 'abcdef1', `${'x'}.sig`])('throws for non-version %s', (raw) => {
    expect(() => compareTags(raw, '1.0.0')).toThrow(TypeError);
    expect(() => compareTags('1.0.0', raw)).toThrow('not a version tag');
  });

  it('sorts a shuffled list into release order', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0-rc.1',
      '2.0.0',
    ];
    const shuffled = [...ordered].reverse();
    shuffled.push(...shuffled.splice(0, 5));
    expect([...shuffled].sort(compareTags)).toEqual(ordered);
  });
});
