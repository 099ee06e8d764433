import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { joinUrl, sendHttp, userAgent } from '../../http/send-http';
import { clip, releaseLink } from '../provider-helpers';
import { ntfySchema, type NtfyConfig } from './ntfy.schema';

/** Header-safe text: ASCII as is, anything else as an RFC 2047 encoded word (ntfy decodes it). */
export function encodeHeader(text: string): string {
  const single = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(single)) return single;
  return `=?UTF-8?B?${Buffer.from(single, 'utf8').toString('base64')}?=`;
}

/** Publishes to an ntfy topic (message body, Title/Priority/Tags/Click headers). */
export class NtfyTrigger extends MessageTrigger {
  private readonly authorization: string | undefined;
  private readonly secrets: string[];

  constructor(
    private readonly config: NtfyConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
    if (config.token) this.authorization = `Bearer ${config.token}`;
    else if (config.user)
      this.authorization = `Basic ${Buffer.from(`${config.user}:${config.password ?? ''}`).toString('base64')}`;
    this.secrets = [config.token, config.password, this.authorization?.replace(/^\w+ /, '')].filter(
      (value): value is string => !!value,
    );
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const headers: Record<string, string> = {
      'Content-Type': 'text/plain; charset=utf-8',
      'User-Agent': userAgent(this.deps.appVersion),
      Title: encodeHeader(clip(ctx.title, 250)),
      Priority: String(this.config.priority),
    };
    if (this.config.tags) headers.Tags = encodeHeader(this.config.tags);
    const link = releaseLink(events);
    if (link) headers.Click = link;
    if (this.authorization) headers.Authorization = this.authorization;
    const response = await sendHttp({
      method: 'POST',
      url: joinUrl(this.config.url, encodeURIComponent(this.config.topic)),
      headers,
      // ntfy turns bodies over 4 KiB into attachments; keep it a message.
      body: Buffer.from(clip(ctx.body || ctx.title, 4000), 'utf8'),
      timeoutMs: this.config.timeout,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      secrets: this.secrets,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
    let id: string | undefined;
    try {
      id = (JSON.parse(response.text) as { id?: string }).id;
    } catch {
      // Older servers may not answer JSON.
    }
    return {
      summary: response.summary,
      details: { status: response.status, id: id ?? null, events: events.length },
    };
  }
}

/** `ntfy`. */
export const ntfyTriggerType = {
  type: 'ntfy',
  description: 'Push notification through an ntfy server (ntfy.sh or self-hosted).',
  schema: ntfySchema,
  secretKeys: ['token', 'password'],
  create: (config: NtfyConfig, deps?: TriggerDeps) => new NtfyTrigger(config, deps),
} satisfies TriggerType<typeof ntfySchema>;
