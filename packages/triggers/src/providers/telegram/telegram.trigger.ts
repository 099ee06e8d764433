import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { joinUrl, postJson } from '../../http/send-http';
import { clip, releaseLink } from '../provider-helpers';
import { telegramSchema, type TelegramConfig } from './telegram.schema';

/** Telegram's HTML parse mode needs &, < and > escaped (and " inside attributes). */
export function escapeTelegram(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `sendMessage` body: bold title, body, and a release link when there is one. */
export function telegramPayload(
  config: Pick<TelegramConfig, 'chatid' | 'disable_notification'>,
  title: string,
  body: string,
  events: readonly TriggerEvent[],
) {
  const link = releaseLink(events);
  const parts = [`<b>${escapeTelegram(clip(title, 512))}</b>`];
  if (body.trim() !== '') parts.push(escapeTelegram(clip(body, 3000)));
  if (link) parts.push(`<a href="${escapeTelegram(link)}">Release notes</a>`);
  return {
    chat_id: config.chatid,
    text: parts.join('\n\n'),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    disable_notification: config.disable_notification,
  };
}

/** Sends a message through the Telegram Bot API. */
export class TelegramTrigger extends MessageTrigger {
  constructor(
    private readonly config: TelegramConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const response = await postJson(
      joinUrl(this.config.url, `bot${this.config.bottoken}/sendMessage`),
      telegramPayload(this.config, ctx.title, ctx.body, events),
      {
        timeoutMs: this.config.timeout,
        signal: ctx.signal,
        secrets: [this.config.bottoken],
        deps: this.deps,
      },
    );
    let messageId: number | undefined;
    try {
      messageId = (JSON.parse(response.text) as { result?: { message_id?: number } }).result
        ?.message_id;
    } catch {
      // Not JSON: the 2xx status is what counts.
    }
    return {
      summary: response.summary,
      details: { status: response.status, messageId: messageId ?? null, events: events.length },
    };
  }
}

/** `telegram` (Bot API). */
export const telegramTriggerType = {
  type: 'telegram',
  description: 'Telegram message from a bot (Bot API sendMessage, HTML formatting).',
  schema: telegramSchema,
  secretKeys: ['bottoken'],
  create: (config: TelegramConfig, deps?: TriggerDeps) => new TelegramTrigger(config, deps),
} satisfies TriggerType<typeof telegramSchema>;
