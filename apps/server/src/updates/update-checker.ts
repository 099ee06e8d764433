import { type Decision, applyTransform, compileOverrides, isSameRepository, parseRepoDigest, renderLinkTemplate, selectCandidate, semverDiff } from '@tidewatch/core';
import type { ContainerEntity, StoredResult, StoredUpdateKind } from '../database/entities';
import { readLabelSettings } from '../containers/container-labels';
import type { CheckCycle } from '../registries/check-cycle';
import type { Registry } from '../registries/registry';
import { RegistryError } from '../registries/registry-error';

/** What one check learnt about a container; written to the store as is. */
export interface CheckOutcome {
  result: StoredResult | null;
  updateAvailable: boolean;
  updateKind: StoredUpdateKind | null;
  errorMessage: string | null;
  decision: DecisionTrace | null;
  /** Whether the current tag is version-like (compared by version). */
  semver: boolean;
  /** Whether the digest of the current tag was compared. */
  watchDigest: boolean;
  /** Digest of the running image as the registry knows it (the repo digest), when known. */
  localDigest: string | null;
}

/** The stored, bounded form of the core's decision (a repository can have 50 000 tags). */
export interface DecisionTrace {
  currentTag: string;
  transformedCurrent: string;
  tracked: boolean;
  candidate: string | null;
  reason: string;
  totalTags: number;
  droppedByReason: Record<string, number>;
  /** Candidates first (registry order), then a sample of dropped tags. */
  considered: Array<{ tag: string; verdict: string; reason: string; detail?: string }>;
  digest?: { watched: boolean; local: string | null; remote: string | null; upToDate: boolean | null };
}

const TRACE_LIMIT = 200;

export interface RegistryLookup {
  resolve(host: string): Registry;
}

/**
 * Decides, for one container, whether a newer image exists: the tag rules of the core for
 * version-like tags, the registry digest for mutable tags (and for `watch.digest` labels).
 * Registry failures become the container's error; they never escape.
 */
export class UpdateChecker {
  constructor(private readonly registries: RegistryLookup) {}

  async check(container: ContainerEntity, cycle: CheckCycle): Promise<CheckOutcome> {
    const { image } = container;
    const settings = readLabelSettings(container.labels);
    const empty: CheckOutcome = { result: null, updateAvailable: false, updateKind: null, errorMessage: null, decision: null, semver: false, watchDigest: false, localDigest: null };
    if (image.parseError) return { ...empty, errorMessage: `Cannot check: ${image.parseError}` };
    const currentTag = image.tag.value;
    if (currentTag.startsWith('sha256:')) {
      return { ...empty, errorMessage: null, decision: null };
    }
    const location = { registry: image.registryHost, repository: image.name };
    const localDigests = image.digest.repoDigests.filter((entry) => {
      try {
        return isSameRepository(parseRepoDigest(entry), location);
      } catch {
        return false;
      }
    });
    const localDigest = localDigests[0]?.split('@')[1] ?? null;
    try {
      const overrides = compileOverrides(settings);
      const registry = this.registries.resolve(image.registryHost);
      const platform = { os: image.os ?? 'linux', architecture: image.architecture ?? 'amd64', ...(image.variant ? { variant: image.variant } : {}) };

      let decision: Decision | undefined;
      const probe = selectCandidate({ currentTag, remoteTags: [], ...settings });
      const semver = probe.tracked;
      if (semver) {
        const tags = await registry.listTags(location, cycle);
        decision = selectCandidate({ currentTag, remoteTags: tags, ...settings });
      }
      const watchDigest = !semver || settings.watchDigest === true;
      const canCompareDigests = localDigests.length > 0;

      const digestCheck = watchDigest && canCompareDigests ? await registry.checkDigest({ ...location, tag: currentTag, platform, localDigests }, cycle) : undefined;
      const candidate = decision?.candidate && decision.candidate !== currentTag ? decision.candidate : undefined;
      // One HEAD per distinct candidate: a newer tag that points at the very image we run is not an update.
      const candidateDigest = candidate ? (await registry.client.resolveTag(registry.target(location), candidate, cycle)).digest : undefined;
      const runningDigests = new Set(localDigests.map((entry) => entry.slice(entry.indexOf('@') + 1)));
      const tagUpdate = candidate !== undefined && !(candidateDigest !== undefined && runningDigests.has(candidateDigest));
      const digestUpdate = digestCheck !== undefined && !digestCheck.upToDate;

      let updateKind: StoredUpdateKind | null = null;
      if (tagUpdate) {
        updateKind = { kind: 'tag', localValue: currentTag, remoteValue: candidate, semverDiff: semverDiff(applyTransform(overrides.transform, currentTag), applyTransform(overrides.transform, candidate)) };
      } else if (digestUpdate) {
        updateKind = { kind: 'digest', localValue: localDigest, remoteValue: digestCheck.remoteDigest, semverDiff: null };
      }
      const resultTag = tagUpdate ? candidate : currentTag;
      const result: StoredResult = {
        tag: resultTag,
        digest: (tagUpdate ? candidateDigest : digestCheck?.remoteDigest) ?? null,
        link: renderLinkTemplate(settings.linkTemplate, resultTag, overrides.transform),
        created: null,
      };
      const missingDigestNote = watchDigest && !canCompareDigests ? 'the local image has no repository digest (built or loaded locally), so its digest cannot be compared' : null;
      return {
        result,
        updateAvailable: tagUpdate || digestUpdate,
        updateKind,
        errorMessage: !semver && missingDigestNote ? `Cannot check: ${missingDigestNote}` : null,
        decision: toTrace(currentTag, decision, semver, {
          watched: watchDigest,
          local: localDigest,
          remote: digestCheck?.remoteDigest ?? null,
          upToDate: digestCheck ? digestCheck.upToDate : null,
        }),
        semver,
        watchDigest,
        localDigest,
      };
    } catch (error) {
      return { ...empty, errorMessage: describeError(error), localDigest };
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof RegistryError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

function toTrace(currentTag: string, decision: Decision | undefined, tracked: boolean, digest: DecisionTrace['digest']): DecisionTrace {
  if (!decision) {
    return {
      currentTag,
      transformedCurrent: currentTag,
      tracked,
      candidate: null,
      reason: tracked ? 'no tags were listed' : `"${currentTag}" is not a version: the digest of the tag is watched instead`,
      totalTags: 0,
      droppedByReason: {},
      considered: [],
      digest,
    };
  }
  const droppedByReason: Record<string, number> = {};
  for (const [reason, count] of Object.entries(decision.counts)) if (reason !== 'newer' && count) droppedByReason[reason] = count;
  const candidates: DecisionTrace['considered'] = [];
  const dropped: DecisionTrace['considered'] = [];
  for (const entry of decision.considered) {
    const item = { tag: entry.tag, verdict: entry.verdict, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) };
    if (entry.verdict === 'candidate') candidates.push(item);
    else if (dropped.length < TRACE_LIMIT) dropped.push(item);
  }
  return {
    currentTag,
    transformedCurrent: decision.transformedCurrent,
    tracked,
    candidate: decision.candidate ?? null,
    reason: decision.reason,
    totalTags: decision.considered.length,
    droppedByReason,
    considered: [...candidates.slice(0, TRACE_LIMIT), ...dropped].slice(0, TRACE_LIMIT * 2),
    digest,
  };
}
