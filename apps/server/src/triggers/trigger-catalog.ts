import {
  type AnyTriggerType,
  type CommonTriggerConfig,
  type TriggerDeps,
  type TriggerProvider,
  TriggerConfigError as PackageConfigError,
  commonTriggerSchema,
  createTrigger,
  isTriggerTypeName,
  triggerConfigSchema,
  triggerTypes,
} from '@tidewatch/triggers';
import { type ActionRunnerRef, actionTriggerTypes } from '../update-actions/action-trigger-types';

/** Names of the server's own (action) trigger types. */
export const ACTION_TRIGGER_TYPES = ['docker', 'compose'] as const;

/** Every trigger type name the API accepts. */
export const ALL_TRIGGER_TYPES: readonly string[] = [...Object.keys(triggerTypes), ...ACTION_TRIGGER_TYPES];

export interface CreatedTrigger {
  definition: AnyTriggerType;
  common: CommonTriggerConfig;
  provider: TriggerProvider;
}

/** A config problem, by key. */
export class CatalogConfigError extends Error {
  constructor(
    readonly key: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The trigger types the engine knows: the notification plug-ins of @tidewatch/triggers and the
 * server's update actions (docker, compose), behind one `create`.
 */
export class TriggerCatalog {
  private readonly actions: Record<string, AnyTriggerType>;

  constructor(runner: ActionRunnerRef) {
    this.actions = actionTriggerTypes(runner);
  }

  has(type: string): boolean {
    return isTriggerTypeName(type) || Object.hasOwn(this.actions, type);
  }

  isAction(type: string): boolean {
    return Object.hasOwn(this.actions, type);
  }

  types(): AnyTriggerType[] {
    return [...Object.values(triggerTypes), ...Object.values(this.actions)];
  }

  /** Validates settings (common + type schema, unknown keys rejected) and builds the provider. */
  create(type: string, id: string, values: Record<string, string>, deps?: TriggerDeps): CreatedTrigger {
    try {
      if (isTriggerTypeName(type)) {
        const created = createTrigger(type, values, deps);
        return { definition: triggerTypes[type], common: created.common, provider: created.provider };
      }
      const definition = this.actions[type];
      const parsed = triggerConfigSchema(definition).safeParse(values);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
        const message = issue.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.map((k) => k.toUpperCase()).join(', ')}` : issue.message;
        throw new CatalogConfigError(issue.code === 'unrecognized_keys' ? issue.keys[0] : key, `${key ? `${key.toUpperCase()}: ` : ''}${message}`);
      }
      const commonKeys = new Set(Object.keys(commonTriggerSchema.shape));
      const own = Object.fromEntries(Object.entries(values).filter(([key]) => !commonKeys.has(key)));
      const common = commonTriggerSchema.parse(Object.fromEntries(Object.entries(values).filter(([key]) => commonKeys.has(key))));
      const provider = definition.create(definition.schema.parse(own), deps) as TriggerProvider & { bind?(triggerId: string): void };
      provider.bind?.(id);
      return { definition, common, provider };
    } catch (error) {
      if (error instanceof PackageConfigError) {
        const [first] = error.issues;
        throw new CatalogConfigError(first?.key, first ? `${first.key.toUpperCase()}: ${first.message}` : error.message);
      }
      throw error;
    }
  }
}
