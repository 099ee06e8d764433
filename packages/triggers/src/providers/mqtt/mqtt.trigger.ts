import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type {
  TriggerContext,
  TriggerContainer,
  TriggerDeps,
  TriggerEvent,
  TriggerLogger,
  TriggerOutcome,
  TriggerProvider,
  TriggerType,
} from '../../trigger';
import { TriggerDeliveryError, errorMessage } from '../../errors';
import { flatten } from '../../flatten';
import { displayUrl } from '../../http/send-http';
import { redact } from '../../redact';
import { mqttSchema, type MqttConfig } from './mqtt.schema';
import {
  containerStateTopic,
  hassDiscoveryTopic,
  hassStatusDiscovery,
  hassUpdateDiscovery,
  type HassDeviceOptions,
} from './mqtt-topics';

const SILENT: TriggerLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** CONNACK refusals that another attempt will not fix (MQTT 3.1.1 codes 1, 2, 4, 5 and their v5 twins). */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && [1, 2, 4, 5, 0x84, 0x85, 0x86, 0x87, 0x8c].includes(code);
}

/**
 * Publishes each container's state (retained, flattened like WUD) and, with Home Assistant
 * enabled, discovery messages for `update` entities. Keeps one connection open until `close()`.
 */
export class MqttTrigger implements TriggerProvider {
  private client: MqttClient | undefined;
  private connecting: Promise<MqttClient> | undefined;
  private closed = false;
  private readonly clientId: string;
  private readonly secrets: string[];
  private readonly shownUrl: string;
  private readonly statusTopic: string;
  private readonly device: HassDeviceOptions;
  /** Last discovery payload per topic, so unchanged entities are not re-announced on every event. */
  private readonly announced = new Map<string, string>();

  constructor(
    private readonly config: MqttConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    this.clientId = config.clientid ?? `tidewatch_${randomBytes(4).toString('hex')}`;
    let urlPassword = '';
    try {
      urlPassword = decodeURIComponent(new URL(config.url).password);
    } catch {
      // The schema already checked the URL.
    }
    this.secrets = [config.password, urlPassword, ...(deps.secrets ?? [])].filter(
      (value): value is string => typeof value === 'string' && value.length > 0,
    );
    this.shownUrl = displayUrl(config.url, this.secrets);
    this.statusTopic = `${config.topic}/status`;
    this.device = {
      deviceId: config.hass_deviceid,
      deviceName: config.hass_devicename,
      appVersion: deps.appVersion,
    };
  }

  async notify(event: TriggerEvent, ctx: TriggerContext): Promise<TriggerOutcome> {
    const client = await this.connection(ctx);
    const topic = await this.publishContainer(client, event.container, ctx);
    return { summary: `MQTT ${this.shownUrl} → ${topic} (retained)`, details: { topics: [topic] } };
  }

  async notifyBatch(events: readonly TriggerEvent[], ctx: TriggerContext): Promise<TriggerOutcome> {
    if (events.length === 0) return { summary: 'nothing to send (empty batch)' };
    const client = await this.connection(ctx);
    const topics: string[] = [];
    for (const event of events)
      topics.push(await this.publishContainer(client, event.container, ctx));
    return {
      summary: `MQTT ${this.shownUrl} → ${topics.length} container topics (retained)`,
      details: { topics },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    if (!client) return;
    if (client.connected) {
      try {
        await this.withTimeout(
          client.publishAsync(this.statusTopic, 'offline', { qos: 1, retain: true }),
          'publish status',
        );
      } catch {
        // Best effort: the last will covers an unclean end.
      }
    }
    await client.endAsync(!client.connected);
  }

  private async publishContainer(
    client: MqttClient,
    container: TriggerContainer,
    ctx: TriggerContext,
  ): Promise<string> {
    const topic = containerStateTopic(this.config.topic, container);
    if (this.config.hass_enabled && this.config.hass_discovery) {
      await this.announce(
        client,
        hassDiscoveryTopic(this.config.hass_prefix, 'update', topic),
        hassUpdateDiscovery(container, topic, this.device),
      );
    }
    await this.publish(client, topic, JSON.stringify(flatten(container)));
    ctx.logger.debug(`mqtt: published ${topic}`);
    return topic;
  }

  private async announce(
    client: MqttClient,
    topic: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const text = JSON.stringify(payload);
    if (this.announced.get(topic) === text) return;
    await this.publish(client, topic, text);
    this.announced.set(topic, text);
  }

  private async publish(client: MqttClient, topic: string, payload: string): Promise<void> {
    try {
      await this.withTimeout(
        client.publishAsync(topic, payload, { qos: 1, retain: true }),
        `publish to ${topic}`,
      );
    } catch (error) {
      if (error instanceof TriggerDeliveryError) throw error;
      throw new TriggerDeliveryError(
        `MQTT ${this.shownUrl}: publish to ${topic} failed: ${redact(errorMessage(error), this.secrets)}`,
        {
          retryable: true,
          code: 'network',
          cause: error,
        },
      );
    }
  }

  private withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new TriggerDeliveryError(
            `MQTT ${this.shownUrl}: ${what} not acknowledged within ${this.config.timeout} ms`,
            { retryable: true, code: 'timeout' },
          ),
        );
      }, this.config.timeout);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** The open connection; the first call connects, later calls wait for a reconnect if one is under way. */
  private async connection(ctx: TriggerContext): Promise<MqttClient> {
    if (this.closed)
      throw new TriggerDeliveryError(`MQTT ${this.shownUrl}: trigger closed`, {
        retryable: true,
        code: 'aborted',
      });
    if (ctx.signal?.aborted)
      throw new TriggerDeliveryError(`MQTT ${this.shownUrl}: cancelled`, {
        retryable: true,
        code: 'aborted',
      });
    if (this.client?.connected) return this.client;
    if (this.client) return this.waitForReconnect(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private waitForReconnect(client: MqttClient): Promise<MqttClient> {
    return this.withTimeout(
      new Promise<MqttClient>((resolve) => {
        client.once('connect', () => resolve(client));
      }),
      'reconnect',
    );
  }

  private options(): IClientOptions {
    const options: IClientOptions = {
      clientId: this.clientId,
      connectTimeout: this.config.timeout,
      reconnectPeriod: 5000,
      rejectUnauthorized: this.config.tls_rejectunauthorized,
      will: { topic: this.statusTopic, payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    if (this.config.user) options.username = this.config.user;
    if (this.config.password) options.password = this.config.password;
    try {
      if (this.config.tls_cachain) options.ca = [readFileSync(this.config.tls_cachain)];
      if (this.config.tls_clientcert) options.cert = readFileSync(this.config.tls_clientcert);
      if (this.config.tls_clientkey) options.key = readFileSync(this.config.tls_clientkey);
    } catch (error) {
      throw new TriggerDeliveryError(
        `MQTT ${this.shownUrl}: cannot read TLS file: ${errorMessage(error)}`,
        { retryable: false, code: 'config', cause: error },
      );
    }
    return options;
  }

  private async open(): Promise<MqttClient> {
    const options = this.options();
    const logger = this.deps.logger ?? SILENT;
    const client = connect(this.config.url, options);
    try {
      await this.withTimeout(
        new Promise<void>((resolve, reject) => {
          client.once('connect', () => resolve());
          client.once('error', reject);
        }),
        'connect',
      );
    } catch (error) {
      client.end(true);
      if (error instanceof TriggerDeliveryError) throw error;
      const permanent = isPermanentRefusal(error);
      throw new TriggerDeliveryError(
        `MQTT ${this.shownUrl}: ${permanent ? 'connection refused: ' : ''}${redact(errorMessage(error), this.secrets)}`,
        {
          retryable: !permanent,
          code: permanent ? 'rejected' : 'network',
          cause: error,
        },
      );
    }
    if (this.closed) {
      client.end(true);
      throw new TriggerDeliveryError(`MQTT ${this.shownUrl}: trigger closed`, {
        retryable: true,
        code: 'aborted',
      });
    }
    logger.info(`mqtt: connected to ${this.shownUrl} as ${this.clientId}`);
    // A long-lived client must always have an error listener, or an error event would throw.
    client.on('error', (error) =>
      logger.warn(`mqtt: ${redact(errorMessage(error), this.secrets)}`),
    );
    client.on('connect', () => {
      logger.info(`mqtt: reconnected to ${this.shownUrl}`);
      void this.announceStatus(client).catch(() => undefined);
    });
    this.client = client;
    await this.announceStatus(client);
    return client;
  }

  private async announceStatus(client: MqttClient): Promise<void> {
    if (this.config.hass_enabled && this.config.hass_discovery) {
      await this.announce(
        client,
        hassDiscoveryTopic(this.config.hass_prefix, 'binary_sensor', this.statusTopic),
        hassStatusDiscovery(this.statusTopic, this.device),
      );
    }
    await this.publish(client, this.statusTopic, 'online');
  }
}

/** `mqtt` (with Home Assistant discovery). */
export const mqttTriggerType = {
  type: 'mqtt',
  description:
    'Retained container state on an MQTT broker, with Home Assistant discovery of update entities.',
  schema: mqttSchema,
  secretKeys: ['password'],
  create: (config: MqttConfig, deps?: TriggerDeps) => new MqttTrigger(config, deps),
} satisfies TriggerType<typeof mqttSchema>;
