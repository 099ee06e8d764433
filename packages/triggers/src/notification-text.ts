import type { TriggerEvent, TriggerEventKind } from './trigger';
import { compileTemplate } from './template';
import { DEFAULT_BATCH_TITLE, DEFAULT_BODY, DEFAULT_TITLE } from './common.schema';

/** Title/body templates of one trigger (the common `title`, `body` and `batchtitle` keys). */
export interface NotificationTemplates {
  title: string;
  body: string;
  batchtitle: string;
}

/** Rendered text handed to providers as `TriggerContext.title` / `.body`. */
export interface NotificationText {
  title: string;
  body: string;
}

// Used instead of the WUD defaults (which speak of "updates found") for the other event kinds,
// unless the trigger has its own templates.
const KIND_DEFAULTS: Record<
  Exclude<TriggerEventKind, 'update-available'>,
  { title: string; body: string; batchTitle: string }
> = {
  'update-applied': {
    title: 'Container ${container.name} updated',
    body: 'Container ${container.name} was updated to ${container.updateKind.remoteValue | default:"a new version"}${message | prefix:"\\n"}',
    batchTitle: '${count} containers updated',
  },
  'update-failed': {
    title: 'Update failed for container ${container.name}',
    body: 'Updating container ${container.name} to ${container.updateKind.remoteValue | default:"a new version"} failed${message | prefix:": "}',
    batchTitle: '${count} updates failed',
  },
  'rolled-back': {
    title: 'Container ${container.name} rolled back',
    body: 'Container ${container.name} was rolled back to ${container.image.tag.value}${message | prefix:": "}',
    batchTitle: '${count} containers rolled back',
  },
  'check-error': {
    title: 'Check failed for container ${container.name}',
    body: 'Checking container ${container.name} (${container.image.name}:${container.image.tag.value}) failed${message | prefix:": "}',
    batchTitle: '${count} checks failed',
  },
};

/**
 * Data a template sees for one event: `container`, `event` and WUD's legacy short names
 * (`name`, `local`, `remote`, `kind`, `semver`, `link`, `count`), plus `message`.
 */
export function templateData(event: TriggerEvent): Record<string, unknown> {
  const container = event.container;
  return {
    container,
    event: {
      id: event.id,
      kind: event.kind,
      occurredAt: event.occurredAt,
      message: event.message ?? null,
    },
    message: event.message ?? container.error?.message ?? null,
    name: container.name,
    local: container.updateKind?.localValue ?? null,
    remote: container.updateKind?.remoteValue ?? null,
    kind: container.updateKind?.kind ?? null,
    semver: container.updateKind?.semverDiff ?? null,
    link: container.result?.link ?? container.link ?? null,
    count: 1,
  };
}

/** Data a batch title sees: `containers`, `events`, `count`. */
export function batchTemplateData(events: readonly TriggerEvent[]): Record<string, unknown> {
  return {
    containers: events.map((event) => event.container),
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      occurredAt: event.occurredAt,
      message: event.message ?? null,
    })),
    count: events.length,
  };
}

function templatesFor(
  kind: TriggerEventKind,
  templates: NotificationTemplates,
): NotificationTemplates {
  if (kind === 'update-available') return templates;
  const defaults = KIND_DEFAULTS[kind];
  return {
    title: templates.title === DEFAULT_TITLE ? defaults.title : templates.title,
    body: templates.body === DEFAULT_BODY ? defaults.body : templates.body,
    batchtitle:
      templates.batchtitle === DEFAULT_BATCH_TITLE ? defaults.batchTitle : templates.batchtitle,
  };
}

/**
 * Renders title and body for one event (simple mode) the way WUD does. For events other than
 * `update-available`, untouched WUD default templates are swapped for wording that fits the event.
 * @throws TemplateError if a template is invalid (validate at config time to avoid this).
 */
export function renderNotification(
  templates: NotificationTemplates,
  event: TriggerEvent,
): NotificationText {
  const chosen = templatesFor(event.kind, templates);
  const data = templateData(event);
  return {
    title: compileTemplate(chosen.title).render(data),
    body: compileTemplate(chosen.body).render(data),
  };
}

/** Batch mode: the batch title, and one `- body` line per event (WUD's batch body). */
export function renderBatchNotification(
  templates: NotificationTemplates,
  events: readonly TriggerEvent[],
): NotificationText {
  const kinds = new Set(events.map((event) => event.kind));
  const [onlyKind] = kinds;
  const titleTemplate =
    kinds.size === 1 && onlyKind !== undefined
      ? templatesFor(onlyKind, templates).batchtitle
      : templates.batchtitle === DEFAULT_BATCH_TITLE
        ? '${count} container events'
        : templates.batchtitle;
  const title = compileTemplate(titleTemplate).render(batchTemplateData(events));
  const body = events.map((event) => `- ${renderNotification(templates, event).body}`).join('\n');
  return { title, body };
}
