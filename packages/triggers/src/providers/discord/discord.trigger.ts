import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerEventKind,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { postJson } from '../../http/send-http';
import { clip, releaseLink } from '../provider-helpers';
import { discordSchema, type DiscordConfig } from './discord.schema';

const COLORS: Record<TriggerEventKind, number> = {
  'update-available': 0x2f81f7,
  'update-applied': 0x2da44e,
  'update-failed': 0xcf222e,
  'rolled-back': 0xd29922,
  'check-error': 0xcf222e,
};

/** Discord webhook body: one embed; mentions disabled so container data can never ping @everyone. */
export function discordPayload(
  config: Pick<DiscordConfig, 'username' | 'avatar_url'>,
  title: string,
  body: string,
  events: readonly TriggerEvent[],
): Record<string, unknown> {
  const first = events[0];
  const embed: Record<string, unknown> = {
    title: clip(title || 'Tidewatch', 256),
    color:
      COLORS[events.every((event) => event.kind === first.kind) ? first.kind : 'update-available'],
    timestamp: first.occurredAt,
    footer: { text: 'Tidewatch' },
  };
  if (body.trim() !== '') embed.description = clip(body, 4096);
  const link = releaseLink(events);
  if (link) embed.url = link;
  if (events.length === 1) {
    const kind = first.container.updateKind;
    const fields = [
      { name: 'Current', value: kind?.localValue ?? first.container.image.tag.value, inline: true },
      { name: 'Available', value: kind?.remoteValue ?? '', inline: true },
      { name: 'Host', value: first.container.watcher, inline: true },
    ].filter((field) => field.value !== '');
    embed.fields = fields.map((field) => ({ ...field, value: clip(field.value, 1024) }));
  }
  const payload: Record<string, unknown> = { embeds: [embed], allowed_mentions: { parse: [] } };
  if (config.username) payload.username = config.username;
  if (config.avatar_url) payload.avatar_url = config.avatar_url;
  return payload;
}

/** Posts an embed to a Discord webhook. */
export class DiscordTrigger extends MessageTrigger {
  constructor(
    private readonly config: DiscordConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const response = await postJson(
      this.config.url,
      discordPayload(this.config, ctx.title, ctx.body, events),
      {
        timeoutMs: this.config.timeout,
        signal: ctx.signal,
        // The webhook token is the last path segment.
        secrets: [new URL(this.config.url).pathname.split('/').filter(Boolean).pop() ?? ''].filter(
          (value) => value.length > 0,
        ),
        deps: this.deps,
      },
    );
    return {
      summary: response.summary,
      details: { status: response.status, events: events.length },
    };
  }
}

/** `discord` (webhook). */
export const discordTriggerType = {
  type: 'discord',
  description: 'Discord message (embed) through a channel webhook.',
  schema: discordSchema,
  secretKeys: ['url'],
  create: (config: DiscordConfig, deps?: TriggerDeps) => new DiscordTrigger(config, deps),
} satisfies TriggerType<typeof discordSchema>;
