/**
 * Picks the tag a container could move to, and records why every other tag was passed over.
 * The result doubles as a human-readable decision trace for the UI and API.
 *
 * Include-regex semantics (WUD 8.2+, made explicit). Without an include regex a candidate must
 * have the current tag's full shape, prefix included. WUD relaxes exactly two name-based rules
 * when an include regex is set: the same-prefix rule and its drop of `sha*` tags. Tidewatch does
 * the same, and no more:
 * - the prefix is left out of the shape comparison, so `^v?\d+\.\d+\.\d+$` lets `v1.2.3` move to
 *   `1.2.4` when a project drops its `v`. The include regex is now what vets prefixes;
 * - `sha-1.2.3`-style names are ordinary prefixes, so the `sha*` relaxation falls out of the
 *   first point. Bare commit hashes and `sha-<hex>` stay non-versions: they have no order to
 *   relax into;
 * - everything an include regex cannot express still applies: signatures are always dropped (as
 *   in WUD), and the number of numeric parts (WUD keeps that rule too), the suffix family, the
 *   build counter style, CalVer-vs-SemVer, the prerelease policy and "strictly newer" all hold.
 * Include and exclude are matched against the raw registry tag, as in WUD; the transform applies
 * to both the current and the remote tags before they are parsed and compared.
 */

import { applyTransform, compileOverrides, TagOverrides, testUserRegex } from './overrides';
import { compareTags, inspectTag, isSignatureTag, ParsedTag, shapeKey, TAG_PATTERN } from './tag';

/** Why a registry tag was not chosen. */
export type DropReason =
  | 'duplicate'
  | 'invalid'
  | 'signature'
  | 'current'
  | 'not-included'
  | 'excluded'
  | 'not-version'
  | 'different-shape'
  | 'prerelease'
  | 'not-newer';

/** Verdict reason for one tag: a drop reason, or `newer` for a candidate. */
export type TagReason = DropReason | 'newer';

/** One registry tag and what happened to it. */
export interface ConsideredTag {
  /** The tag as the registry lists it. */
  readonly tag: string;
  /** The tag after the transform (equal to `tag` without one). */
  readonly transformed: string;
  readonly verdict: 'candidate' | 'dropped';
  readonly reason: TagReason;
  readonly detail?: string;
}

/** The outcome of candidate selection, readable as a trace. */
export interface Decision {
  readonly currentTag: string;
  readonly transformedCurrent: string;
  /** False when the current tag is not version-like: the container is watched by digest. */
  readonly tracked: boolean;
  /** Shape every candidate had to have, e.g. `#.#-alpine`; absent when not tracked. */
  readonly shape?: string;
  /** Every registry tag, in registry order; empty when not tracked. */
  readonly considered: readonly ConsideredTag[];
  /** How many tags got each reason. */
  readonly counts: Readonly<Partial<Record<TagReason, number>>>;
  /** The best candidate, as the registry names it. */
  readonly candidate?: string;
  /** Why it won, or why there is none. */
  readonly reason: string;
}

/** What {@link selectCandidate} needs: the running tag, the registry's tags and the overrides. */
export interface CandidateInput {
  readonly currentTag: string;
  readonly remoteTags: readonly string[];
  readonly includeTags?: string;
  readonly excludeTags?: string;
  readonly transformTags?: string;
}

/**
 * Chooses the newest registry tag that the current tag may move to. Runs in O(n) over the tag
 * list (each tag is parsed once and compared with the running best).
 * @param compiled overrides compiled earlier with `compileOverrides`; the string fields of
 *   `input` are compiled when it is absent.
 * @throws RegexRejectedError when an override regex is unsafe or invalid.
 */
export function selectCandidate(input: CandidateInput, compiled?: TagOverrides): Decision {
  const overrides = compiled ?? compileOverrides(input);
  const { currentTag } = input;
  const transformedCurrent = applyTransform(overrides.transform, currentTag);
  const current = inspectTag(transformedCurrent);
  if (!current.ok) {
    return {
      currentTag,
      transformedCurrent,
      tracked: false,
      considered: [],
      counts: {},
      reason: `current tag ${quote(transformedCurrent)} is not a version (${current.detail}); it is watched by digest`,
    };
  }

  const shapeOptions = { ignorePrefix: overrides.include !== undefined };
  const currentShape = shapeKey(current.tag, shapeOptions);
  const considered: ConsideredTag[] = [];
  const counts: Partial<Record<TagReason, number>> = {};
  const seen = new Set<string>();
  let best: { parsed: ParsedTag; tag: string } | undefined;

  const record = (tag: string, transformed: string, reason: TagReason, detail?: string): void => {
    const verdict = reason === 'newer' ? 'candidate' : 'dropped';
    // One object shape for every entry keeps this hot push monomorphic for V8.
    considered.push({ tag, transformed, verdict, reason, detail });
    counts[reason] = (counts[reason] ?? 0) + 1;
  };

  for (const tag of input.remoteTags) {
    if (seen.has(tag)) {
      record(tag, tag, 'duplicate');
      continue;
    }
    seen.add(tag);
    if (!TAG_PATTERN.test(tag)) {
      record(tag, tag, 'invalid', 'not a valid Docker tag');
      continue;
    }
    if (isSignatureTag(tag)) {
      record(tag, tag, 'signature', 'signature, attestation or SBOM artifact');
      continue;
    }
    if (tag === currentTag) {
      record(tag, tag, 'current');
      continue;
    }
    if (overrides.include !== undefined && !testUserRegex(overrides.include, tag)) {
      record(tag, tag, 'not-included', `does not match include /${overrides.include.source}/`);
      continue;
    }
    if (overrides.exclude !== undefined && testUserRegex(overrides.exclude, tag)) {
      record(tag, tag, 'excluded', `matches exclude /${overrides.exclude.source}/`);
      continue;
    }
    const transformed =
      overrides.transform === undefined ? tag : applyTransform(overrides.transform, tag);
    const remote = inspectTag(transformed);
    if (!remote.ok) {
      record(tag, transformed, 'not-version', remote.detail);
      continue;
    }
    const shape = shapeKey(remote.tag, shapeOptions);
    if (shape !== currentShape) {
      record(tag, transformed, 'different-shape', `${shape} is not ${currentShape}`);
      continue;
    }
    if (remote.tag.prerelease && !current.tag.prerelease) {
      record(tag, transformed, 'prerelease', 'prereleases are offered only from a prerelease');
      continue;
    }
    const order = compareTags(remote.tag, current.tag);
    if (order <= 0) {
      record(
        tag,
        transformed,
        'not-newer',
        order === 0 ? 'same version as current' : 'older than current',
      );
      continue;
    }
    record(tag, transformed, 'newer');
    if (best === undefined || isBetter(remote.tag, best.parsed)) best = { parsed: remote.tag, tag };
  }

  const shape = shapeOptions.ignorePrefix
    ? `${currentShape} (any prefix the include allows)`
    : currentShape;
  if (best === undefined) {
    return {
      currentTag,
      transformedCurrent,
      tracked: true,
      shape: currentShape,
      considered,
      counts,
      reason:
        input.remoteTags.length === 0
          ? 'the registry listed no tags'
          : `no tag is newer than ${quote(transformedCurrent)} with shape ${shape} among ${input.remoteTags.length} tags (${summarise(counts)})`,
    };
  }
  const candidate = best.tag;
  const newer = counts.newer ?? 0;
  return {
    currentTag,
    transformedCurrent,
    tracked: true,
    shape: currentShape,
    considered,
    counts,
    candidate,
    reason: `${quote(candidate)} is the newest of ${newer} newer ${newer === 1 ? 'tag' : 'tags'} with shape ${shape} (current ${quote(transformedCurrent)})`,
  };
}

// Equal versions (`1.02` and `1.2`, or hash-only suffix differences) are broken by name so the
// result never depends on the order the registry lists tags in.
function isBetter(candidate: ParsedTag, best: ParsedTag): boolean {
  const order = compareTags(candidate, best);
  return order > 0 || (order === 0 && candidate.raw < best.raw);
}

function summarise(counts: Partial<Record<TagReason, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count !== undefined && count > 0)
    .map(([reason, count]) => `${count} ${reason}`);
  return parts.length === 0 ? 'nothing considered' : `dropped: ${parts.join(', ')}`;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
