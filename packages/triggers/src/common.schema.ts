import { z } from 'zod';
import { TRIGGER_EVENT_KINDS } from './trigger';
import { MAX_TEMPLATE_LENGTH, validateTemplate } from './template';
import {
  blankToUndefined,
  booleanField,
  enumField,
  listField,
  optionalListField,
} from './schema/fields';

/** WUD's default simple title. */
export const DEFAULT_TITLE =
  'New ${container.updateKind.kind} found for container ${container.name}';
/** WUD's default simple body (the link line only when there is a link). */
export const DEFAULT_BODY =
  'Container ${container.name} running with ${container.updateKind.kind} ${container.updateKind.localValue} can be updated to ${container.updateKind.kind} ${container.updateKind.remoteValue}${container.result.link | prefix:"\\n"}';
/** WUD's default batch title. */
export const DEFAULT_BATCH_TITLE = '${containers.length} updates available';

function templateField(defaultValue: string, help: string) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .max(MAX_TEMPLATE_LENGTH, { error: `must be at most ${MAX_TEMPLATE_LENGTH} characters` })
        .superRefine((value, ctx) => {
          const error = validateTemplate(value);
          if (error)
            ctx.addIssue({ code: 'custom', message: `invalid template: ${error.message}` });
        })
        .default(defaultValue),
    )
    .meta({ description: help, format: 'template' });
}

const containerPattern = z.string().regex(/^[A-Za-z0-9_.*\/-]+$/, {
  error: 'expected container names (letters, digits, . _ - / and * wildcards)',
});

/**
 * Options every trigger has, with WUD's names and defaults. They are the engine's policy (the
 * providers never read them): the server merges this schema with each type's own schema
 * (see `triggerConfigSchema`). WUD's `SIMPLETITLE`/`SIMPLEBODY` map to `title`/`body`.
 */
export const commonTriggerSchema = z.object({
  mode: enumField(['simple', 'batch'], 'simple', {
    help: 'simple: one notification per container; batch: one notification for all containers of a check.',
  }),
  threshold: enumField(['all', 'major', 'minor', 'patch'], 'all', {
    help: "Largest semver change that fires the trigger (WUD's meaning): all or major = any update; minor = minor and patch updates, not major; patch = patch updates only (unlike WUD, no pre-releases). Digest updates and unknown differences always fire.",
  }),
  once: booleanField(true, {
    help: 'Notify only once per new version (not again on every check while it stays available).',
  }),
  auto: booleanField(true, {
    help: 'Fire automatically; false = only when someone runs the trigger from the UI or API.',
  }),
  title: templateField(
    DEFAULT_TITLE,
    'Title template (simple mode). ${path} reads the container, e.g. ${container.name}; filters like ${container.name | upper}.',
  ),
  body: templateField(
    DEFAULT_BODY,
    'Body template (simple mode; in batch mode each container body becomes a list item).',
  ),
  batchtitle: templateField(
    DEFAULT_BATCH_TITLE,
    'Title template in batch mode (${containers.length}, ${count}).',
  ),
  events: listField({
    item: z.enum(TRIGGER_EVENT_KINDS, {
      error: `expected event kinds among: ${TRIGGER_EVENT_KINDS.join(', ')}`,
    }),
    defaultValue: ['update-available'],
    help: `Comma-separated events that fire this trigger: ${TRIGGER_EVENT_KINDS.join(', ')}.`,
    example: 'update-available,update-failed',
  }),
  include: optionalListField({
    item: containerPattern,
    help: 'Comma-separated container names (watcher/name or name, * wildcards) this trigger is limited to; empty = all.',
    example: 'local/nginx,db-*',
  }),
  exclude: optionalListField({
    item: containerPattern,
    help: 'Comma-separated container names (watcher/name or name, * wildcards) this trigger never fires for.',
    example: 'local/tidewatch',
  }),
});

/** Parsed common options. */
export type CommonTriggerConfig = z.infer<typeof commonTriggerSchema>;

/** Keys of the common schema (a type's own schema must not reuse them). */
export const COMMON_TRIGGER_KEYS = Object.keys(
  commonTriggerSchema.shape,
) as readonly (keyof CommonTriggerConfig)[];

/** WUD trigger key names that Tidewatch spells differently. */
export const WUD_TRIGGER_KEY_ALIASES: Readonly<Record<string, keyof CommonTriggerConfig>> = {
  simpletitle: 'title',
  simplebody: 'body',
};
