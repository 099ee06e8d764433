import type { DockerRegistryAuth } from '../../docker/docker.types';
import type { ConfigChange } from './container-spec';
import type { HealthProbe } from './update-labels';
import type { UpdateOutcome, UpdateStepName } from './update-journal';

export interface UpdateRequest {
  /** The container to update (ID or name). */
  containerId: string;
  /** What to pull: `repo@sha256:…` (the exact image that was checked) or a `repo:tag`. */
  targetImage: string;
  /**
   * The reference recorded as the new container's `Config.Image`, e.g. `registry/acme/app:1.1.0`
   * (the pulled image is tagged with it). Default: `targetImage`.
   */
  targetReference?: string;
  /** Report what would happen without acting. */
  dryRun?: boolean;
  /** Overrides the `tidewatch.update.test` label (shell form string or exec form array). */
  testCommand?: string | string[];
  /** Overrides how the new container is judged healthy (default: HEALTHCHECK, labels, stable). */
  probe?: HealthProbe;
  /** Credentials for the pull. */
  registryAuth?: DockerRegistryAuth;
  /** Remove the old image once nothing uses it (default: the updater's option). */
  pruneOldImage?: boolean;
}

export interface UpdateStepReport {
  name: UpdateStepName;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  detail?: string;
}

/** Why an update did not happen (with outcome `failed` or `rolled-back`). */
export type UpdateErrorCode =
  | 'not-found'
  | 'self'
  | 'auto-remove'
  | 'busy'
  | 'journal'
  | 'pre-hook'
  | 'post-hook'
  | 'pull'
  | 'test-run'
  | 'stop'
  | 'rename'
  | 'create'
  | 'start'
  | 'health'
  | 'rollback'
  /** An unexpected error (engine, journal) outside the named steps. */
  | 'internal';

export interface UpdateReport {
  outcome: UpdateOutcome;
  /** Why it failed or was rolled back, in words for people. */
  reason?: string;
  errorCode?: UpdateErrorCode;
  containerName: string;
  oldContainerId: string;
  newContainerId?: string;
  fromImage?: { reference: string; id: string };
  toImage: { reference: string; pulled: string; id?: string };
  /** What was done, in order, with durations. */
  steps: UpdateStepReport[];
  /** Dry-run: the steps that would run. */
  plan?: Array<{ name: UpdateStepName; detail: string }>;
  /** Dry-run: how the new container's configuration differs from the old one's. */
  configDiff?: ConfigChange[];
  timing: {
    requestedAt: string;
    totalMs: number;
    /** From the request to the new container passing the health gate. */
    healthyAfterMs?: number;
    /** From the old container stopping to the new (or, on rollback, the old) one starting. */
    downtimeMs?: number;
  };
  journalId?: string;
  /** Things that went wrong without changing the outcome (post-hook, prune, remove-old). */
  warnings: string[];
}

export interface RecoveryReport {
  journalId: string;
  containerName: string;
  action: 'close' | 'finish' | 'verify-new' | 'roll-back';
  outcome: UpdateOutcome;
  detail: string;
  /** False when recovery itself failed: the entry stays pending for the next attempt. */
  ok: boolean;
}
