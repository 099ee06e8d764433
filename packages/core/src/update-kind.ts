/**
 * What kind of update a container has, and whether a trigger's threshold lets it through.
 * Field names and values follow WUD's `updateKind` so API clients keep working.
 */

import { applyTransform, TagTransform } from './overrides';
import { ParsedTag, parseTag } from './tag';

/** Size of a tag change. WUD's values; `unknown` when the tags cannot be compared. */
export type SemverDiff = 'major' | 'minor' | 'patch' | 'prerelease' | 'unknown';

/** WUD's `updateKind` object. */
export interface UpdateKind {
  readonly kind: 'tag' | 'digest' | 'unknown';
  readonly localValue?: string;
  readonly remoteValue?: string;
  readonly semverDiff?: SemverDiff;
}

/**
 * Classifies the change from `current` to `candidate` by the first numeric part that differs:
 * position 0 is major, 1 minor, anything further patch (so `4.9.0.9` → `4.9.0.12` is a patch).
 * With equal numbers: a build or suffix-number change (`-ls105` → `-ls106`) is a patch, a change
 * between prereleases (`rc.1` → `rc.2`) is `prerelease`, and a prerelease's own release
 * (`1.2.0-rc.1` → `1.2.0`) counts at the level it releases, as node-semver's `diff` (and so WUD)
 * has it. Pass transformed tags when a transform is configured.
 */
export function semverDiff(current: string, candidate: string): SemverDiff {
  const from = parseTag(current);
  const to = parseTag(candidate);
  if (from === null || to === null) return 'unknown';

  const length = Math.max(from.numbers.length, to.numbers.length);
  for (let index = 0; index < length; index += 1) {
    if (from.numbers[index] !== to.numbers[index]) return levelAt(index);
  }
  if (from.prerelease && !to.prerelease) return releaseLevel(to);
  if (from.prerelease !== to.prerelease) return 'prerelease';
  if (from.prerelease && !sameIds(from.prereleaseIds, to.prereleaseIds)) return 'prerelease';
  if (from.build !== to.build) return 'patch';
  if (!sameIds(from.suffixNumbers, to.suffixNumbers)) return 'patch';
  return 'unknown';
}

function levelAt(index: number): SemverDiff {
  if (index === 0) return 'major';
  return index === 1 ? 'minor' : 'patch';
}

// `1.0.0` completes a major, `1.2.0` a minor, `1.2.3` a patch: the last non-zero part decides.
function releaseLevel(release: ParsedTag): SemverDiff {
  let last = 0;
  release.numbers.forEach((value, index) => {
    if (value !== 0) last = index;
  });
  return levelAt(last);
}

function sameIds(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Everything {@link computeUpdate} weighs. */
export interface UpdateInput {
  /** The tag the container runs. */
  readonly currentTag: string;
  /** The best newer tag from `selectCandidate`, if any. */
  readonly candidateTag?: string;
  /** The container's transform, so the diff is measured on transformed tags as in WUD. */
  readonly transform?: TagTransform;
  /**
   * Digests the local image is known by in this repository (its `RepoDigests` entries for the
   * repository, `sha256:…` or `repo@sha256:…`). All of them count: Docker may list several,
   * duplicated or stale, and the first is not necessarily the right one.
   */
  readonly localDigests: readonly string[];
  /** Whether the current tag's digest is watched (non-version tags, or `watch.digest=true`). */
  readonly watchDigest: boolean;
  /** Registry digest of the current tag (for a multi-arch image, the index digest). */
  readonly remoteDigest?: string;
  /** Digest of the current tag's manifest for the container's platform, when resolved. */
  readonly remotePlatformDigest?: string;
  /** Registry digest of the candidate tag, when looked up. */
  readonly candidateDigest?: string;
  /** Digest of the candidate's manifest for the container's platform, when resolved. */
  readonly candidatePlatformDigest?: string;
}

/** The verdict for one container. */
export interface UpdateResult {
  readonly updateAvailable: boolean;
  readonly updateKind: UpdateKind;
  /** One sentence for logs and the decision trace. */
  readonly reason: string;
}

const NO_UPDATE_KIND: UpdateKind = { kind: 'unknown' };

/**
 * Decides whether a container has an update and of which kind. A newer tag wins over a digest
 * change, unless the registry serves the candidate with a digest the container already runs
 * (`mongo:7` and `7.0.14` being the same image is not an update). Digests are compared as sets:
 * any local digest matching the remote index or platform digest means up to date. Without
 * local digests (built or loaded locally) nothing can be said, which is not an update.
 */
export function computeUpdate(input: UpdateInput): UpdateResult {
  const local = new Set(input.localDigests.map(bareDigest));
  const { currentTag, candidateTag } = input;

  let sameImage = false;
  if (candidateTag !== undefined && candidateTag !== currentTag) {
    sameImage = matchesAny(local, input.candidateDigest, input.candidatePlatformDigest);
    if (!sameImage) {
      const diff = semverDiff(
        applyTransform(input.transform, currentTag),
        applyTransform(input.transform, candidateTag),
      );
      return {
        updateAvailable: true,
        updateKind: {
          kind: 'tag',
          localValue: currentTag,
          remoteValue: candidateTag,
          semverDiff: diff,
        },
        reason: `tag ${quote(currentTag)} can move to ${quote(candidateTag)} (${diff})`,
      };
    }
  }
  const sameImageNote = sameImage
    ? `${quote(candidateTag ?? '')} is the image already running; `
    : '';

  if (!input.watchDigest) {
    return {
      updateAvailable: false,
      updateKind: NO_UPDATE_KIND,
      reason: `${sameImageNote}no newer tag and the digest is not watched`,
    };
  }
  if (local.size === 0) {
    return {
      updateAvailable: false,
      updateKind: NO_UPDATE_KIND,
      reason: `${sameImageNote}the local image has no repository digest (built or loaded locally), so its digest cannot be compared`,
    };
  }
  if (input.remoteDigest === undefined && input.remotePlatformDigest === undefined) {
    return {
      updateAvailable: false,
      updateKind: NO_UPDATE_KIND,
      reason: `${sameImageNote}the registry digest of ${quote(currentTag)} is unknown`,
    };
  }
  if (matchesAny(local, input.remoteDigest, input.remotePlatformDigest)) {
    return {
      updateAvailable: false,
      updateKind: NO_UPDATE_KIND,
      reason: `${sameImageNote}the running image matches the registry digest of ${quote(currentTag)}`,
    };
  }
  const remoteValue = (input.remoteDigest ?? input.remotePlatformDigest) as string;
  return {
    updateAvailable: true,
    // Only for display; the comparison above used every local digest.
    updateKind: { kind: 'digest', localValue: bareDigest(input.localDigests[0]), remoteValue },
    reason: `${sameImageNote}the registry serves a different image for ${quote(currentTag)}`,
  };
}

// RepoDigests entries read `name@sha256:…`; only the digest is compared.
function bareDigest(value: string): string {
  const at = value.lastIndexOf('@');
  return at === -1 ? value : value.slice(at + 1);
}

function matchesAny(local: ReadonlySet<string>, ...digests: (string | undefined)[]): boolean {
  return digests.some((digest) => digest !== undefined && local.has(bareDigest(digest)));
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Trigger thresholds, WUD's plus `digest`. */
export const THRESHOLDS = [
  'all',
  'major',
  'major-only',
  'minor',
  'minor-only',
  'patch',
  'digest',
] as const;

export type Threshold = (typeof THRESHOLDS)[number];

/** True when `value` is a threshold name (exact, lowercase). */
export function isThreshold(value: string): value is Threshold {
  return (THRESHOLDS as readonly string[]).includes(value);
}

/**
 * Reads a configured threshold case-insensitively, as WUD does.
 * @throws Error listing the valid values.
 */
export function parseThreshold(value: string): Threshold {
  const normalised = value.trim().toLowerCase();
  if (isThreshold(normalised)) return normalised;
  throw new Error(
    `threshold must be one of ${THRESHOLDS.join(', ')}; got ${JSON.stringify(value)}`,
  );
}

/**
 * Whether an update passes a trigger threshold. WUD's semantics: the threshold only filters tag
 * updates whose size is known; digest updates and unknown sizes always pass; `major` lets every
 * size through and the `-only` forms exactly one.
 *
 * One deliberate fix: WUD lets a `prerelease` change through `patch` (and `minor`), because it
 * only checks "not major/minor". A prerelease bump is not a patch, so here `patch` passes
 * patches only and `minor` minors and patches; prereleases pass only `all` and `major`.
 *
 * `digest` (a Tidewatch addition) passes digest updates and no tag updates at all.
 */
export function passesThreshold(threshold: Threshold, update: UpdateKind): boolean {
  if (threshold === 'all') return true;
  if (threshold === 'digest') return update.kind !== 'tag';
  const diff = update.semverDiff;
  if (update.kind !== 'tag' || diff === undefined || diff === 'unknown') return true;
  switch (threshold) {
    case 'major':
      return true;
    case 'major-only':
      return diff === 'major';
    case 'minor':
      return diff === 'minor' || diff === 'patch';
    case 'minor-only':
      return diff === 'minor';
    case 'patch':
      return diff === 'patch';
  }
}
