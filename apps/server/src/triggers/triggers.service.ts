import { ConflictException, Injectable, Logger, NotFoundException, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SecretBox } from '../common/secret-box';
import { ConfigError } from '../config/config';
import { logRedactor } from '../logging/logger';
import { TriggerConfigEntity } from '../database/entities';
import { ActionRunnerRef } from '../update-actions/action-trigger-types';
import { TriggerCatalog } from './trigger-catalog';
import { type TriggerInstance, TriggerConfigError, buildTriggerInstance } from './trigger-instance';

/** Triggers defined in the environment, built before Nest starts (their errors name the variable). */
export class EnvTriggers {
  constructor(readonly instances: TriggerInstance[]) {}
}

/**
 * Every trigger: read-only ones from the environment and ones created through the API, stored with
 * their secret settings encrypted at rest.
 */
@Injectable()
export class TriggersService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TriggersService.name);
  private readonly instances = new Map<string, TriggerInstance>();

  constructor(
    env: EnvTriggers,
    @InjectRepository(TriggerConfigEntity) private readonly repository: Repository<TriggerConfigEntity>,
    private readonly secrets: SecretBox,
    private readonly catalog: TriggerCatalog,
  ) {
    for (const instance of env.instances) this.instances.set(instance.id, instance);
  }

  async onModuleInit(): Promise<void> {
    for (const row of await this.repository.find()) {
      if (this.instances.has(row.id)) {
        this.logger.warn(`Trigger ${row.id} is defined in the environment; the one stored in the database is ignored`);
        continue;
      }
      try {
        this.instances.set(row.id, buildTriggerInstance(this.catalog, row.type, row.name, this.storedValues(row), 'ui', { enabled: row.enabled }));
      } catch (error) {
        this.logger.error(`Stored trigger ${row.id} is invalid and was not loaded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.instances.values()].map((instance) => instance.provider.close?.() ?? Promise.resolve()));
  }

  list(): TriggerInstance[] {
    return [...this.instances.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  find(type: string, name: string): TriggerInstance | undefined {
    return this.instances.get(`${type}.${name}`);
  }

  get(type: string, name: string): TriggerInstance {
    const instance = this.find(type, name);
    if (!instance) throw new NotFoundException(`Trigger ${type}.${name} not found`);
    return instance;
  }

  /** Creates a stored trigger; the settings are validated by the type's schema first. */
  async create(type: string, name: string, values: Record<string, string>, enabled: boolean): Promise<TriggerInstance> {
    if (this.instances.has(`${type}.${name}`)) throw new ConflictException(`Trigger ${type}.${name} already exists`);
    const instance = buildTriggerInstance(this.catalog, type, name, values, 'ui', { enabled });
    logRedactor.add(instance.secrets);
    await this.repository.insert(this.toRow(instance));
    this.instances.set(instance.id, instance);
    return instance;
  }

  /**
   * Replaces a stored trigger's settings. Secrets are write-only: a secret key left out keeps its
   * stored value; an empty string clears it.
   */
  async update(type: string, name: string, values: Record<string, string>, enabled: boolean): Promise<TriggerInstance> {
    const current = this.get(type, name);
    if (current.source === 'env') throw new ConflictException(`Trigger ${current.id} is defined in the environment and is read-only`);
    const merged: Record<string, string> = { ...values };
    for (const key of current.definition.secretKeys) {
      if (!(key in values) && current.values[key] !== undefined) merged[key] = current.values[key];
      if (merged[key] === '') delete merged[key];
    }
    const instance = buildTriggerInstance(this.catalog, type, name, merged, 'ui', { enabled });
    logRedactor.add(instance.secrets);
    await this.repository.save(this.toRow(instance));
    this.instances.set(instance.id, instance);
    await current.provider.close?.();
    return instance;
  }

  async remove(type: string, name: string): Promise<void> {
    const current = this.get(type, name);
    if (current.source === 'env') throw new ConflictException(`Trigger ${current.id} is defined in the environment and is read-only`);
    await this.repository.delete({ id: current.id });
    this.instances.delete(current.id);
    await current.provider.close?.();
  }

  private toRow(instance: TriggerInstance): TriggerConfigEntity {
    const plain: Record<string, string> = {};
    const secret: Record<string, string> = {};
    for (const [key, value] of Object.entries(instance.values)) {
      if (instance.definition.secretKeys.includes(key)) secret[key] = value;
      else plain[key] = value;
    }
    return this.repository.create({
      id: instance.id,
      type: instance.type,
      name: instance.name,
      config: plain,
      secrets: Object.keys(secret).length > 0 ? this.secrets.encrypt(JSON.stringify(secret)) : null,
      enabled: instance.enabled,
    });
  }

  private storedValues(row: TriggerConfigEntity): Record<string, string> {
    const secret = row.secrets ? (JSON.parse(this.secrets.decrypt(row.secrets)) as Record<string, string>) : {};
    return { ...row.config, ...secret };
  }
}

/** Builds the environment's triggers; a bad setting is a configuration error naming the variable. */
export function buildEnvTriggers(catalog: TriggerCatalog, triggers: ReadonlyArray<{ type: string; name: string; values: Record<string, string>; sources: Record<string, string> }>): EnvTriggers {
  return new EnvTriggers(
    triggers.map((trigger) => {
      try {
        return buildTriggerInstance(catalog, trigger.type, trigger.name, trigger.values, 'env');
      } catch (error) {
        if (error instanceof TriggerConfigError) {
          const variable = (error.key && trigger.sources[error.key]) ?? Object.values(trigger.sources)[0] ?? `TIDEWATCH_TRIGGER_${trigger.type.toUpperCase()}_${trigger.name.toUpperCase()}`;
          const message = error.key && error.message.startsWith(`${error.key.toUpperCase()}: `) ? error.message.slice(error.key.length + 2) : error.message;
          throw new ConfigError(`${variable}: ${message}`);
        }
        throw error;
      }
    }),
  );
}

/** Trigger types and the environment's triggers, built once before Nest starts. */
export interface TriggerPlugins {
  runner: ActionRunnerRef;
  catalog: TriggerCatalog;
  env: EnvTriggers;
}

export function buildTriggerPlugins(triggers: Parameters<typeof buildEnvTriggers>[1]): TriggerPlugins {
  const runner = new ActionRunnerRef();
  const catalog = new TriggerCatalog(runner);
  return { runner, catalog, env: buildEnvTriggers(catalog, triggers) };
}
