// Public API of @tidewatch/triggers: the trigger interface, the typed map of trigger types, the
// sandboxed template renderer, schema description for UI forms, and shared helpers.
export * from './trigger';
export {
  TriggerDeliveryError,
  isRetryableStatus,
  parseRetryAfter,
  type TriggerFailureCode,
  type TriggerDeliveryErrorOptions,
} from './errors';
export {
  triggerTypes,
  TRIGGER_TYPE_NAMES,
  WUD_TRIGGER_TYPE_ALIASES,
  isTriggerTypeName,
  triggerConfigSchema,
  parseTriggerConfig,
  createTrigger,
  maskSecrets,
  TriggerConfigError,
  type TriggerTypeName,
  type AnyTriggerType,
  type TriggerTypeConfig,
  type ParsedTriggerConfig,
  type TriggerConfigIssue,
} from './registry';
export {
  commonTriggerSchema,
  COMMON_TRIGGER_KEYS,
  WUD_TRIGGER_KEY_ALIASES,
  DEFAULT_TITLE,
  DEFAULT_BODY,
  DEFAULT_BATCH_TITLE,
  type CommonTriggerConfig,
} from './common.schema';
export {
  compileTemplate,
  renderTemplate,
  validateTemplate,
  TemplateError,
  MAX_TEMPLATE_LENGTH,
  MAX_RENDERED_LENGTH,
  type CompiledTemplate,
  type TemplatePosition,
} from './template';
export {
  renderNotification,
  renderBatchNotification,
  templateData,
  batchTemplateData,
  type NotificationTemplates,
  type NotificationText,
} from './notification-text';
export {
  describeSchema,
  type TriggerFieldDescription,
  type TriggerFieldType,
} from './schema/describe-schema';
export { flatten, snakeCase, type FlatValue } from './flatten';
export { redact, secretValues } from './redact';
export { idempotencyKey } from './idempotency';
export { sampleContainer, sampleTriggerEvent } from './sample-event';
