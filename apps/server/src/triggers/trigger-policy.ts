import { createHash } from 'node:crypto';
import { passesThreshold as corePassesThreshold } from '@tidewatch/core';
import type { TriggerContainer } from '@tidewatch/triggers';
import type { TriggerInstance } from './trigger-instance';

export type Threshold = TriggerInstance['common']['threshold'];

/** A `type.name[:threshold]` reference from a `tidewatch.trigger.include` / `.exclude` label. */
export interface TriggerRef {
  id: string;
  threshold?: Threshold;
}

const THRESHOLDS: readonly Threshold[] = ['all', 'major', 'minor', 'patch'];

/** Parses `webhook.ops:minor, email.all` (WUD 7.2 syntax); malformed entries are skipped. */
export function parseTriggerRefs(label: string | null | undefined): TriggerRef[] {
  if (!label) return [];
  return label
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => /^[a-z0-9-]+\.[a-z0-9-]+(:[a-z]+)?$/.test(entry))
    .map((entry) => {
      const [id, threshold] = entry.split(':');
      return THRESHOLDS.includes(threshold as Threshold) ? { id, threshold: threshold as Threshold } : { id };
    });
}

/** The core's threshold rule (WUD's semantics, patch lets no pre-release through) on a container's update. */
export function passesThreshold(threshold: Threshold, updateKind: TriggerContainer['updateKind']): boolean {
  if (!updateKind) return true;
  return corePassesThreshold(threshold, {
    kind: updateKind.kind,
    ...(updateKind.semverDiff ? { semverDiff: updateKind.semverDiff } : {}),
  });
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

function matchesAny(patterns: readonly string[], container: TriggerContainer): boolean {
  const names = [container.name, `${container.watcher}/${container.name}`];
  return patterns.some((pattern) => names.some((name) => wildcard(pattern).test(name)));
}

/**
 * Whether a trigger fires for a container, and with which threshold: the container's
 * `trigger.exclude` / `trigger.include` labels first (an include list replaces the default and may
 * override the threshold), then the trigger's own INCLUDE / EXCLUDE container lists.
 */
export function triggerFor(trigger: Pick<TriggerInstance, 'id' | 'common'>, container: TriggerContainer): { applies: boolean; threshold: Threshold } {
  const no = { applies: false, threshold: trigger.common.threshold };
  if (parseTriggerRefs(container.triggerExclude).some((ref) => ref.id === trigger.id)) return no;
  const includes = parseTriggerRefs(container.triggerInclude);
  let threshold = trigger.common.threshold;
  if (includes.length > 0) {
    const ref = includes.find((entry) => entry.id === trigger.id);
    if (!ref) return no;
    threshold = ref.threshold ?? threshold;
  }
  const include = trigger.common.include ?? [];
  if (include.length > 0 && !matchesAny(include, container)) return no;
  if (matchesAny(trigger.common.exclude ?? [], container)) return no;
  return { applies: true, threshold };
}

/** A stable idempotency key: the same inputs always give the same event id. */
export function eventId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

/** The value an update is about (candidate tag or remote digest), for ONCE bookkeeping. */
export function updateValue(container: TriggerContainer): string {
  return container.updateKind?.remoteValue ?? container.result?.tag ?? container.result?.digest ?? '';
}
