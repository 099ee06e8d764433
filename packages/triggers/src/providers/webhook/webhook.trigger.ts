import { createHmac } from 'node:crypto';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerProvider,
  TriggerType,
} from '../../trigger';
import { flatten } from '../../flatten';
import { idempotencyKey } from '../../idempotency';
import { sendHttp, userAgent } from '../../http/send-http';
import { parseHeaders, webhookSchema, type WebhookConfig } from './webhook.schema';

const DEFAULT_SOURCE = '/tidewatch';

/** The `payload` part of a delivery: the container (WUD's body) or the whole event. */
function payloadOf(event: TriggerEvent, payload: WebhookConfig['payload']): unknown {
  if (payload === 'container') return event.container;
  return {
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    message: event.message ?? null,
    container: event.container,
  };
}

/** A CloudEvents 1.0 structured-mode event. */
function cloudEvent(event: TriggerEvent, source: string, data: unknown): Record<string, unknown> {
  const envelope: Record<string, unknown> = {
    specversion: '1.0',
    id: event.id,
    source,
    type: `dev.tidewatch.${event.kind}`,
    subject: `${event.container.watcher}/${event.container.name}`,
    time: event.occurredAt,
    datacontenttype: 'application/json',
    data,
  };
  return envelope;
}

/** Sends the container object (or a CloudEvents envelope) to an HTTP endpoint. */
export class WebhookTrigger implements TriggerProvider {
  private readonly url: string;
  private readonly headers: [string, string][];
  private readonly authorization: string | undefined;
  private readonly secrets: string[];

  constructor(
    private readonly config: WebhookConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    // fetch refuses URLs with user-info; WUD users put basic credentials there, so move them.
    const parsed = new URL(config.url);
    let urlUser = '';
    let urlPassword = '';
    if (parsed.username !== '' || parsed.password !== '') {
      urlUser = decodeURIComponent(parsed.username);
      urlPassword = decodeURIComponent(parsed.password);
      parsed.username = '';
      parsed.password = '';
    }
    this.url = parsed.toString();
    this.headers = parseHeaders(config.headers);
    if (config.auth_type === 'basic') {
      this.authorization = `Basic ${Buffer.from(`${config.auth_user ?? ''}:${config.auth_password ?? ''}`).toString('base64')}`;
    } else if (config.auth_type === 'bearer') {
      this.authorization = `Bearer ${config.auth_bearer ?? ''}`;
    } else if (urlUser !== '' || urlPassword !== '') {
      this.authorization = `Basic ${Buffer.from(`${urlUser}:${urlPassword}`).toString('base64')}`;
    }
    this.secrets = [
      config.auth_password,
      config.auth_bearer,
      config.secret,
      urlPassword,
      ...this.headers.map(([, value]) => value),
    ].filter((value): value is string => typeof value === 'string' && value.length > 0);
    if (this.authorization) this.secrets.push(this.authorization.replace(/^\w+ /, ''));
  }

  notify(event: TriggerEvent, ctx: TriggerContext): Promise<TriggerOutcome> {
    return this.deliver([event], false, ctx);
  }

  notifyBatch(events: readonly TriggerEvent[], ctx: TriggerContext): Promise<TriggerOutcome> {
    if (events.length === 0) return Promise.resolve({ summary: 'nothing to send (empty batch)' });
    return this.deliver(events, true, ctx);
  }

  private async deliver(
    events: readonly TriggerEvent[],
    batch: boolean,
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const key = idempotencyKey(events);
    const headers: Record<string, string> = {};
    for (const [name, value] of this.headers) headers[name] = value;
    if (this.authorization) headers.Authorization = this.authorization;
    headers['User-Agent'] = userAgent(this.deps.appVersion);
    headers['Idempotency-Key'] = key;
    headers['X-Tidewatch-Event'] = [...new Set(events.map((event) => event.kind))].join(',');

    let url = this.url;
    let body: Buffer | undefined;
    let signed: Buffer;
    if (this.config.method === 'GET') {
      const target = new URL(this.url);
      for (const [name, value] of Object.entries(this.queryOf(events, batch)))
        target.searchParams.set(name, value);
      url = target.toString();
      signed = Buffer.from(target.search.replace(/^\?/, ''), 'utf8');
    } else {
      const { contentType, document } = this.documentOf(events, batch);
      headers['Content-Type'] = contentType;
      body = Buffer.from(JSON.stringify(document), 'utf8');
      signed = body;
    }
    if (this.config.secret) {
      headers['X-Tidewatch-Signature'] =
        `sha256=${createHmac('sha256', this.config.secret).update(signed).digest('hex')}`;
    }
    const response = await sendHttp({
      method: this.config.method,
      url,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: this.config.timeout,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      secrets: this.secrets,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
    ctx.logger.debug(`webhook: ${response.summary}`);
    return {
      summary: response.summary,
      details: {
        status: response.status,
        idempotencyKey: key,
        events: events.length,
        format: this.config.format,
        bytes: body?.length ?? 0,
      },
    };
  }

  private documentOf(
    events: readonly TriggerEvent[],
    batch: boolean,
  ): { contentType: string; document: unknown } {
    const source = this.config.source ?? DEFAULT_SOURCE;
    const first = events[0];
    if (this.config.format === 'cloudevents') {
      if (batch) {
        return {
          contentType: 'application/cloudevents-batch+json; charset=utf-8',
          document: events.map((event) =>
            cloudEvent(event, source, payloadOf(event, this.config.payload)),
          ),
        };
      }
      return {
        contentType: 'application/cloudevents+json; charset=utf-8',
        document: cloudEvent(first, source, payloadOf(first, this.config.payload)),
      };
    }
    return {
      contentType: 'application/json; charset=utf-8',
      document: batch
        ? events.map((event) => payloadOf(event, this.config.payload))
        : payloadOf(first, this.config.payload),
    };
  }

  private queryOf(events: readonly TriggerEvent[], batch: boolean): Record<string, string> {
    const first = events[0];
    if (batch) {
      return {
        event_kind: [...new Set(events.map((event) => event.kind))].join(','),
        count: String(events.length),
        containers: events
          .map((event) => `${event.container.watcher}/${event.container.name}`)
          .join(','),
      };
    }
    const query: Record<string, string> = {};
    for (const [name, value] of Object.entries(flatten(first.container))) {
      if (name.startsWith('labels_')) continue; // labels would blow up the URL length
      query[name] = value === null ? '' : String(value);
    }
    query.event_id = first.id;
    query.event_kind = first.kind;
    if (first.message) query.event_message = first.message;
    return query;
  }
}

/** `webhook` (WUD: `http`). */
export const webhookTriggerType = {
  type: 'webhook',
  description:
    'HTTP request with the container as JSON (or a CloudEvents envelope), optional HMAC signature.',
  schema: webhookSchema,
  secretKeys: ['auth_password', 'auth_bearer', 'secret', 'headers'],
  create: (config: WebhookConfig, deps?: TriggerDeps) => new WebhookTrigger(config, deps),
} satisfies TriggerType<typeof webhookSchema>;
