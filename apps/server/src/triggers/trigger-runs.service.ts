import { BadRequestException, Injectable } from '@nestjs/common';
import { type TriggerEvent, describeSchema, sampleTriggerEvent } from '@tidewatch/triggers';
import { TriggerCatalog } from './trigger-catalog';
import { ContainersService } from '../containers/containers.service';
import { toTriggerDto } from './trigger.mapper';
import type { ContainerTriggerDto, CreateTriggerDto, RunResultDto, TriggerDto, TriggerTypeDto, UpdateTriggerDto } from './trigger.dto';
import { DeliveryService } from './delivery.service';
import { TriggerConfigError } from './trigger-instance';
import { eventId, triggerFor } from './trigger-policy';
import { makeEvent, toTriggerContainer } from './trigger-events';
import { TriggersService } from './triggers.service';

function asStrings(configuration: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(configuration).map(([key, value]) => [key, String(value)]));
}

/** What the trigger endpoints do: CRUD over stored triggers, tests, runs for a container. */
@Injectable()
export class TriggerRunsService {
  constructor(
    private readonly triggers: TriggersService,
    private readonly delivery: DeliveryService,
    private readonly containers: ContainersService,
    private readonly catalog: TriggerCatalog,
  ) {}

  list(): TriggerDto[] {
    return this.triggers.list().map(toTriggerDto);
  }

  types(): TriggerTypeDto[] {
    return this.catalog.types().map((type) => ({
      type: type.type,
      description: type.description,
      fields: describeSchema(type, { includeCommon: true }).map(({ default: fallback, ...field }) => ({
        ...field,
        ...(fallback === undefined ? {} : { default: Array.isArray(fallback) ? fallback.join(',') : String(fallback) }),
      })),
    }));
  }

  get(type: string, name: string): TriggerDto {
    return toTriggerDto(this.triggers.get(type, name));
  }

  async create(body: CreateTriggerDto): Promise<TriggerDto> {
    return toTriggerDto(await this.validated(() => this.triggers.create(body.type, body.name, asStrings(body.configuration), body.enabled ?? true)));
  }

  async update(type: string, name: string, body: UpdateTriggerDto): Promise<TriggerDto> {
    const current = this.triggers.get(type, name);
    return toTriggerDto(await this.validated(() => this.triggers.update(type, name, asStrings(body.configuration), body.enabled ?? current.enabled)));
  }

  remove(type: string, name: string): Promise<void> {
    return this.triggers.remove(type, name);
  }

  /** Sends a sample event (or a real container) through the trigger now. */
  async test(type: string, name: string, containerId?: string): Promise<RunResultDto> {
    const trigger = this.triggers.get(type, name);
    let event: TriggerEvent = sampleTriggerEvent('update-available', { id: `test-${Date.now().toString(36)}` });
    if (containerId) {
      const container = await this.containers.get(containerId);
      event = makeEvent(event.id, 'update-available', toTriggerContainer(container), new Date().toISOString());
    }
    return strip(await this.delivery.send(trigger, { mode: 'simple', events: [event] }, { origin: 'test' }));
  }

  async forContainer(id: string): Promise<ContainerTriggerDto[]> {
    const container = toTriggerContainer(await this.containers.get(id));
    return this.triggers.list().flatMap((trigger) => {
      const { applies, threshold } = triggerFor(trigger, container);
      return applies ? [{ ...toTriggerDto(trigger), containerThreshold: threshold }] : [];
    });
  }

  /** Runs a trigger for a container now, whatever its AUTO, threshold and ONCE settings say. */
  async runForContainer(id: string, type: string, name: string): Promise<RunResultDto> {
    const trigger = this.triggers.get(type, name);
    const entity = await this.containers.get(id);
    const container = toTriggerContainer(entity);
    const at = new Date().toISOString();
    const event = makeEvent(eventId(trigger.id, entity.identity, 'manual', at), 'update-available', container, at);
    return strip(await this.delivery.send(trigger, { mode: 'simple', events: [event] }, { origin: 'manual' }));
  }

  private async validated<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof TriggerConfigError) throw new BadRequestException(error.key ? `configuration.${error.message}` : error.message);
      throw error;
    }
  }
}

function strip(result: RunResultDto & { retryable?: boolean; retryAfterMs?: number }): RunResultDto {
  return { ok: result.ok, summary: result.summary, error: result.error, durationMs: result.durationMs, runId: result.runId };
}
