import type { Trigger, TriggerField, TriggerType } from '../types';

const field = (
  patch: Partial<TriggerField> & Pick<TriggerField, 'key' | 'label' | 'type'>,
): TriggerField => ({
  required: false,
  secret: false,
  help: '',
  group: 'provider',
  env: patch.key.toUpperCase(),
  ...patch,
});

/** A webhook type as GET /api/triggers/types describes it (trimmed to the interesting fields). */
export const webhookType: TriggerType = {
  type: 'webhook',
  description: 'HTTP request with the container as JSON.',
  fields: [
    field({
      key: 'url',
      label: 'URL',
      type: 'url',
      required: true,
      help: 'Receiver URL (http or https).',
      example: 'https://hooks.example.com/tidewatch',
    }),
    field({
      key: 'method',
      label: 'Method',
      type: 'enum',
      options: ['POST', 'GET'],
      default: 'POST',
      help: 'POST sends the JSON body.',
    }),
    field({
      key: 'auth_type',
      label: 'Auth type',
      type: 'enum',
      options: ['basic', 'bearer'],
      help: 'Empty = none.',
    }),
    field({
      key: 'secret',
      label: 'Secret',
      type: 'string',
      secret: true,
      help: 'Shared secret for the signature.',
    }),
    field({
      key: 'timeout',
      label: 'Timeout',
      type: 'number',
      default: '10000',
      help: 'Milliseconds to wait.',
    }),
    field({
      key: 'once',
      label: 'Once',
      type: 'boolean',
      default: 'true',
      group: 'common',
      help: 'Notify only once per new version.',
    }),
    field({
      key: 'events',
      label: 'Events',
      type: 'list',
      options: ['update-available', 'update-applied', 'update-failed'],
      default: 'update-available',
      group: 'common',
      help: 'Events that fire this trigger.',
    }),
    field({
      key: 'title',
      label: 'Title',
      type: 'string',
      default: 'New ${container.updateKind.kind} for ${container.name}',
      group: 'common',
      help: 'Title template.',
      format: 'template',
    }),
  ],
};

export const emailType: TriggerType = {
  type: 'email',
  description: 'E-mail over SMTP.',
  fields: [
    field({ key: 'host', label: 'Host', type: 'string', required: true }),
    field({ key: 'pass', label: 'Pass', type: 'string', secret: true, required: true }),
    field({
      key: 'to',
      label: 'To',
      type: 'email-list',
      required: true,
      example: 'ops@example.com',
    }),
  ],
};

export function makeTrigger(patch: Partial<Trigger> = {}): Trigger {
  return {
    id: 'webhook.ops',
    type: 'webhook',
    name: 'ops',
    source: 'ui',
    readOnly: false,
    enabled: true,
    configuration: { url: 'http://127.0.0.1:9/hook', secret: 'ab****yz' },
    secretsSet: ['secret'],
    mode: 'simple',
    threshold: 'all',
    once: true,
    auto: true,
    events: ['update-available'],
    ...patch,
  };
}
