import { type TriggerEvent, type TriggerOutcome, type TriggerProvider, type TriggerType, TriggerDeliveryError } from '@tidewatch/triggers';
import { z } from 'zod';

const bool = (fallback: boolean, help: string) =>
  z
    .preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value), z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])]).optional())
    .transform((value) => (value === undefined ? fallback : value === true || value === 'true' || value === '1' || value === 'yes'))
    .meta({ description: help });

const positiveInt = (fallback: number, max: number, help: string) =>
  z
    .preprocess((value) => (value === '' || value === undefined ? undefined : Number(value)), z.number().int().min(1).max(max).optional())
    .transform((value) => value ?? fallback)
    .meta({ description: help });

export const dockerActionSchema = z.object({
  prune: bool(false, 'Remove the old image after a successful update when nothing else uses it.'),
  dryrun: bool(false, 'Report what the update would do (image, steps, configuration changes) without acting.'),
  health_timeout: positiveInt(120_000, 3_600_000, 'Longest wait (ms) for the new container to become healthy before rolling back.'),
  stable: positiveInt(5, 3600, 'Seconds the new container must keep running when it has no healthcheck or probe.'),
  rollback: bool(true, 'Put the old container back when the new one fails its health gate.'),
});

export const composeActionSchema = dockerActionSchema.extend({
  file: z
    .preprocess((value) => (value === '' ? undefined : value), z.string().max(4096).optional())
    .meta({ description: 'Compose file to rewrite (default: from the container’s compose labels or its tidewatch.compose.file label).' }),
  backup: bool(true, 'Copy the compose file before writing it (<file>.<timestamp>.bak).'),
  git: bool(false, 'Commit the change in the compose file’s git repository after a successful redeploy.'),
  git_push: bool(false, 'Push that commit.'),
});

export type DockerActionConfig = z.infer<typeof dockerActionSchema>;
export type ComposeActionConfig = z.infer<typeof composeActionSchema>;

/** What running an update action reports back to the trigger engine. */
export interface ActionResult {
  ok: boolean;
  outcome: string;
  summary: string;
  reason?: string;
  steps: object[];
}

/** The server-side runner; action triggers are built before Nest starts, so they reach it through this holder. */
export interface ActionRunner {
  run(kind: 'docker' | 'compose', config: DockerActionConfig | ComposeActionConfig, containerId: string, triggerId: string): Promise<ActionResult>;
}

export class ActionRunnerRef {
  current?: ActionRunner;

  get(): ActionRunner {
    if (!this.current) throw new TriggerDeliveryError('Update actions are not ready yet', { retryable: true, code: 'aborted' });
    return this.current;
  }
}

function actionProvider(kind: 'docker' | 'compose', config: DockerActionConfig | ComposeActionConfig, ref: ActionRunnerRef, triggerId: () => string): TriggerProvider {
  const runOne = async (event: TriggerEvent): Promise<ActionResult> => ref.get().run(kind, config, event.container.id, triggerId());
  const settle = (results: ActionResult[]): TriggerOutcome => {
    const failed = results.filter((result) => !result.ok);
    const steps = results.flatMap((result) => result.steps);
    if (failed.length > 0) {
      // A failed update is not retried automatically: a person decides (the container runs its old version).
      throw new TriggerDeliveryError(failed.map((result) => result.reason ?? result.summary).join('; '), { retryable: false, code: 'rejected', details: { steps, outcome: failed[0].outcome } });
    }
    return { summary: results.map((result) => result.summary).join('; '), details: { steps, outcome: results.map((result) => result.outcome).join(',') } };
  };
  return {
    notify: async (event) => settle([await runOne(event)]),
    notifyBatch: async (events) => settle(await Promise.all(events.map((event) => runOne(event)))),
  };
}

/**
 * The `docker` (recreate in place) and `compose` (rewrite the compose file, then recreate) trigger
 * types. They live in the server because they drive the Docker engine; the engine treats them like
 * any other trigger (threshold, AUTO, ONCE, history).
 */
export function actionTriggerTypes(ref: ActionRunnerRef): { docker: TriggerType<typeof dockerActionSchema>; compose: TriggerType<typeof composeActionSchema> } {
  return {
    docker: {
      type: 'docker',
      description: 'Update the container in place: pull the checked image by digest, recreate it with the same configuration, wait until healthy, roll back on failure.',
      schema: dockerActionSchema,
      secretKeys: [],
      create: (config) => {
        let id = 'docker';
        const provider = actionProvider('docker', config, ref, () => id);
        return Object.assign(provider, { bind: (triggerId: string) => (id = triggerId) });
      },
    },
    compose: {
      type: 'compose',
      description: 'Rewrite the service’s image tag in its docker-compose file (keeping comments and formatting), then redeploy it safely; the file is restored if the redeploy fails.',
      schema: composeActionSchema,
      secretKeys: [],
      create: (config) => {
        let id = 'compose';
        const provider = actionProvider('compose', config, ref, () => id);
        return Object.assign(provider, { bind: (triggerId: string) => (id = triggerId) });
      },
    },
  };
}
