import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { postJson } from '../../http/send-http';
import { clip, releaseLink } from '../provider-helpers';
import { slackSchema, type SlackConfig } from './slack.schema';

/** Slack's mrkdwn and plain-text both need &, < and > escaped (they start links and mentions). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack message: `text` (notification fallback) plus header / section / button blocks. */
export function slackPayload(
  title: string,
  body: string,
  events: readonly TriggerEvent[],
): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(title || 'Tidewatch', 150), emoji: true },
    },
  ];
  if (body.trim() !== '')
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeSlack(body), 3000) } });
  const link = releaseLink(events);
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Release notes' }, url: link },
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: escapeSlack(
          `Tidewatch · ${events.length === 1 ? events[0].kind : `${events.length} events`}`,
        ),
      },
    ],
  });
  return {
    text: clip(escapeSlack([title, body].filter((part) => part !== '').join('\n')), 3000),
    blocks,
  };
}

/** Posts to a Slack incoming webhook. */
export class SlackTrigger extends MessageTrigger {
  constructor(
    private readonly config: SlackConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const response = await postJson(this.config.url, slackPayload(ctx.title, ctx.body, events), {
      timeoutMs: this.config.timeout,
      signal: ctx.signal,
      // The whole webhook URL is the credential: show only the host.
      secrets: [new URL(this.config.url).pathname.replace(/^\//, '')].filter(
        (value) => value.length > 0,
      ),
      deps: this.deps,
    });
    return {
      summary: response.summary,
      details: { status: response.status, events: events.length },
    };
  }
}

/** `slack` (incoming webhook). */
export const slackTriggerType = {
  type: 'slack',
  description: 'Slack message through an incoming webhook (text + blocks).',
  schema: slackSchema,
  secretKeys: ['url'],
  create: (config: SlackConfig, deps?: TriggerDeps) => new SlackTrigger(config, deps),
} satisfies TriggerType<typeof slackSchema>;
