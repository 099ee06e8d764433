import { parseTransform } from './overrides';
import {
  computeUpdate,
  isThreshold,
  parseThreshold,
  passesThreshold,
  SemverDiff,
  semverDiff,
  Threshold,
  THRESHOLDS,
  UpdateInput,
  UpdateKind,
} from './update-kind';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;
const P = `sha256:${'d'.repeat(64)}`;

describe('semverDiff', () => {
  it.each<[string, string, SemverDiff]>([
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.4', 'minor'],
    ['1.2.3', '3.3.4', 'major'],
    ['v1.2', 'v1.3', 'minor'],
    ['v1.2', 'v2.0', 'major'],
    ['7', '8', 'major'],
    ['4.9.0.9', '4.9.0.12', 'patch'],
    ['4.9.0.9', '4.9.1.0', 'patch'],
    ['4.9.0.9', '4.10.0.0', 'minor'],
    ['4.9.0.9', '5.0.0.0', 'major'],
    ['3.2.1.5070-ls105', '3.2.1.5071-ls1', 'patch'],
    ['3.2.1.5070-ls105', '3.2.1.5070-ls106', 'patch'],
    ['1.2.3-r1', '1.2.3-r2', 'patch'],
    ['v25.2-ls209', 'v25.3-ls212', 'minor'],
    ['1.20-alpine3.19', '1.20-alpine3.20', 'patch'],
    ['1.20-alpine', '1.21-alpine', 'minor'],
    ['2025-08-05', '2025-09-01', 'minor'],
    ['2025-08-05', '2025-08-06', 'patch'],
    ['2024.10.2', '2025.1.0', 'major'],
    ['1.0.0-rc.1', '1.0.0-rc.2', 'prerelease'],
    ['1.0.0-beta.2', '1.0.0-rc.1', 'prerelease'],
    ['1.0.0-rc1', '1.0.0-rc1-ls2', 'patch'],
    ['1.0.0', '1.0.0-rc.1', 'prerelease'],
    ['1.0.0-rc.2', '1.0.0', 'major'],
    ['1.2.0-rc.2', '1.2.0', 'minor'],
    ['1.2.3-rc.2', '1.2.3', 'patch'],
    ['0.0.0-rc.1', '0.0.0', 'major'],
    ['4.9.0.12-rc1', '4.9.0.12', 'patch'],
    ['1.2.3', '1.3.0-rc.1', 'minor'],
    ['1.2.3-rc.1', '1.2.4-rc.1', 'patch'],
    ['1.2.3', '1.2.3', 'unknown'],
    ['latest', '1.2.3', 'unknown'],
    ['1.2.3', 'latest', 'unknown'],
    ['1.2', '1.2.1', 'patch'],
  ])('%s → %s is %s', (current, candidate, expected) => {
    expect(semverDiff(current, candidate)).toBe(expected);
  });
});

describe('computeUpdate', () => {
  const base: UpdateInput = { currentTag: '1.2.3', localDigests: [A], watchDigest: false };

  it.each<[string, Partial<UpdateInput>, boolean, UpdateKind]>([
    [
      'a newer tag is a tag update',
      { candidateTag: '1.3.0' },
      true,
      { kind: 'tag', localValue: '1.2.3', remoteValue: '1.3.0', semverDiff: 'minor' },
    ],
    [
      'a newer tag wins over a digest change',
      { candidateTag: '2.0.0', watchDigest: true, remoteDigest: B },
      true,
      { kind: 'tag', localValue: '1.2.3', remoteValue: '2.0.0', semverDiff: 'major' },
    ],
    [
      'a candidate with a different digest is an update',
      { candidateTag: '1.2.4', candidateDigest: B },
      true,
      { kind: 'tag', localValue: '1.2.3', remoteValue: '1.2.4', semverDiff: 'patch' },
    ],
    [
      'a candidate with the running digest is not an update',
      { candidateTag: '1.2.4', candidateDigest: A },
      false,
      { kind: 'unknown' },
    ],
    [
      'the running digest may be any of the local digests',
      { localDigests: [C, `nginx@${B}`], candidateTag: '1.2.4', candidateDigest: B },
      false,
      { kind: 'unknown' },
    ],
    [
      'a candidate matching by platform digest is not an update',
      { localDigests: [P], candidateTag: '1.2.4', candidateDigest: B, candidatePlatformDigest: P },
      false,
      { kind: 'unknown' },
    ],
    [
      'same image as candidate, then the digest of the current tag decides',
      { candidateTag: '1.2.4', candidateDigest: A, watchDigest: true, remoteDigest: B },
      true,
      { kind: 'digest', localValue: A, remoteValue: B },
    ],
    [
      'a candidate equal to the current tag is ignored',
      { candidateTag: '1.2.3' },
      false,
      { kind: 'unknown' },
    ],
    ['no candidate and no digest watching', {}, false, { kind: 'unknown' }],
    [
      'digest changed',
      { currentTag: 'latest', watchDigest: true, remoteDigest: B },
      true,
      { kind: 'digest', localValue: A, remoteValue: B },
    ],
    [
      'digest unchanged',
      { currentTag: 'latest', watchDigest: true, remoteDigest: A },
      false,
      { kind: 'unknown' },
    ],
    [
      'digest unchanged, matched on a later local digest',
      { currentTag: 'latest', localDigests: [C, B, A], watchDigest: true, remoteDigest: A },
      false,
      { kind: 'unknown' },
    ],
    [
      'digest unchanged, local digests in repo@digest form',
      {
        currentTag: 'latest',
        localDigests: [`nginx@${C}`, `docker.io/library/nginx@${A}`],
        watchDigest: true,
        remoteDigest: A,
      },
      false,
      { kind: 'unknown' },
    ],
    [
      'digest unchanged, local holds the platform digest of a multi-arch index',
      {
        currentTag: 'latest',
        localDigests: [P],
        watchDigest: true,
        remoteDigest: B,
        remotePlatformDigest: P,
      },
      false,
      { kind: 'unknown' },
    ],
    [
      'digest changed on both index and platform',
      {
        currentTag: 'latest',
        localDigests: [P],
        watchDigest: true,
        remoteDigest: B,
        remotePlatformDigest: C,
      },
      true,
      { kind: 'digest', localValue: P, remoteValue: B },
    ],
    [
      'only a platform digest is known',
      { currentTag: 'latest', watchDigest: true, remotePlatformDigest: C },
      true,
      { kind: 'digest', localValue: A, remoteValue: C },
    ],
    [
      'local display value is the bare digest',
      { currentTag: 'latest', localDigests: [`nginx@${A}`], watchDigest: true, remoteDigest: B },
      true,
      { kind: 'digest', localValue: A, remoteValue: B },
    ],
    [
      'no local digest: locally built image',
      { currentTag: 'latest', localDigests: [], watchDigest: true, remoteDigest: B },
      false,
      { kind: 'unknown' },
    ],
    [
      'remote digest unknown',
      { currentTag: 'latest', watchDigest: true },
      false,
      { kind: 'unknown' },
    ],
    [
      'diff is measured on transformed tags',
      { currentTag: 'v1.2.3', candidateTag: 'v2.0.0', transform: parseTransform('^v(.*)$ => $1') },
      true,
      { kind: 'tag', localValue: 'v1.2.3', remoteValue: 'v2.0.0', semverDiff: 'major' },
    ],
    [
      'diff uses the transform to make sense of odd tags',
      {
        currentTag: '1.0.0-269-7b368146',
        candidateTag: '1.0.0-270-8c47a257',
        transform: parseTransform('^(\\d+\\.\\d+\\.\\d+-\\d+)-.*$ => $1'),
      },
      true,
      {
        kind: 'tag',
        localValue: '1.0.0-269-7b368146',
        remoteValue: '1.0.0-270-8c47a257',
        semverDiff: 'patch',
      },
    ],
    [
      'an incomparable candidate has an unknown diff',
      { currentTag: 'edge', candidateTag: 'edge-2' },
      true,
      { kind: 'tag', localValue: 'edge', remoteValue: 'edge-2', semverDiff: 'unknown' },
    ],
  ])('%s', (_, overrides, updateAvailable, updateKind) => {
    const result = computeUpdate({ ...base, ...overrides });
    expect(result.updateAvailable).toBe(updateAvailable);
    expect(result.updateKind).toEqual(updateKind);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it.each<[Partial<UpdateInput>, string]>([
    [{ candidateTag: '1.3.0' }, 'tag "1.2.3" can move to "1.3.0" (minor)'],
    [
      { candidateTag: '1.2.4', candidateDigest: A },
      '"1.2.4" is the image already running; no newer tag and the digest is not watched',
    ],
    [
      { currentTag: 'latest', localDigests: [], watchDigest: true, remoteDigest: B },
      'the local image has no repository digest (built or loaded locally), so its digest cannot be compared',
    ],
    [{ currentTag: 'latest', watchDigest: true }, 'the registry digest of "latest" is unknown'],
    [
      { currentTag: 'latest', watchDigest: true, remoteDigest: A },
      'the running image matches the registry digest of "latest"',
    ],
    [
      { currentTag: 'latest', watchDigest: true, remoteDigest: B },
      'the registry serves a different image for "latest"',
    ],
  ])('explains %j', (overrides, reason) => {
    expect(computeUpdate({ ...base, ...overrides }).reason).toBe(reason);
  });
});

describe('passesThreshold', () => {
  const tag = (diff: SemverDiff | undefined): UpdateKind => ({
    kind: 'tag',
    localValue: '1',
    remoteValue: '2',
    semverDiff: diff,
  });
  const digest: UpdateKind = { kind: 'digest', localValue: A, remoteValue: B };
  const unknown: UpdateKind = { kind: 'unknown' };

  // Columns: major, minor, patch, prerelease, unknown diff, missing diff, digest, unknown kind.
  it.each<[Threshold, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean]>([
    ['all', true, true, true, true, true, true, true, true],
    ['major', true, true, true, true, true, true, true, true],
    ['major-only', true, false, false, false, true, true, true, true],
    ['minor', false, true, true, false, true, true, true, true],
    ['minor-only', false, true, false, false, true, true, true, true],
    ['patch', false, false, true, false, true, true, true, true],
    ['digest', false, false, false, false, false, false, true, true],
  ])(
    '%s',
    (
      threshold,
      major,
      minor,
      patch,
      prerelease,
      unknownDiff,
      missingDiff,
      digestKind,
      unknownKind,
    ) => {
      expect(passesThreshold(threshold, tag('major'))).toBe(major);
      expect(passesThreshold(threshold, tag('minor'))).toBe(minor);
      expect(passesThreshold(threshold, tag('patch'))).toBe(patch);
      expect(passesThreshold(threshold, tag('prerelease'))).toBe(prerelease);
      expect(passesThreshold(threshold, tag('unknown'))).toBe(unknownDiff);
      expect(passesThreshold(threshold, tag(undefined))).toBe(missingDiff);
      expect(passesThreshold(threshold, digest)).toBe(digestKind);
      expect(passesThreshold(threshold, unknown)).toBe(unknownKind);
    },
  );

  it('feeds computeUpdate results straight in', () => {
    const { updateKind } = computeUpdate({
      currentTag: '1.0.0-rc.1',
      candidateTag: '1.0.0-rc.2',
      localDigests: [],
      watchDigest: false,
    });
    expect(updateKind.semverDiff).toBe('prerelease');
    expect(passesThreshold('patch', updateKind)).toBe(false);
    expect(passesThreshold('all', updateKind)).toBe(true);
  });
});

describe('thresholds for configuration', () => {
  it('lists every threshold once', () => {
    expect(THRESHOLDS).toEqual([
      'all',
      'major',
      'major-only',
      'minor',
      'minor-only',
      'patch',
      'digest',
    ]);
  });

  it.each<[string, boolean]>([
    ['all', true],
    ['major-only', true],
    ['digest', true],
    ['MAJOR', false],
    ['prerelease', false],
    ['', false],
  ])('isThreshold(%j) → %s', (value, expected) => {
    expect(isThreshold(value)).toBe(expected);
  });

  it.each<[string, Threshold]>([
    ['all', 'all'],
    ['MINOR', 'minor'],
    [' Patch ', 'patch'],
    ['Minor-Only', 'minor-only'],
  ])('parseThreshold(%j) → %s', (value, expected) => {
    expect(parseThreshold(value)).toBe(expected);
  });

  it.each(['', 'prerelease', 'majors', 'none'])(
    'parseThreshold rejects %j naming the valid values',
    (value) => {
      expect(() => parseThreshold(value)).toThrow(
        `threshold must be one of all, major, major-only, minor, minor-only, patch, digest; got ${JSON.stringify(value)}`,
      );
    },
  );
});
