import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { joinUrl, postJson } from '../../http/send-http';
import { releaseLink } from '../provider-helpers';
import { gotifySchema, type GotifyConfig } from './gotify.schema';

/** `POST /message` body. */
export function gotifyPayload(
  priority: number,
  title: string,
  body: string,
  events: readonly TriggerEvent[],
): Record<string, unknown> {
  const extras: Record<string, unknown> = { 'client::display': { contentType: 'text/plain' } };
  const link = releaseLink(events);
  if (link) extras['client::notification'] = { click: { url: link } };
  return { title, message: body || title, priority, extras };
}

/** Posts a message to a Gotify server. */
export class GotifyTrigger extends MessageTrigger {
  constructor(
    private readonly config: GotifyConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const url = new URL(joinUrl(this.config.url, 'message'));
    url.searchParams.set('token', this.config.token);
    const response = await postJson(
      url.toString(),
      gotifyPayload(this.config.priority, ctx.title, ctx.body, events),
      {
        timeoutMs: this.config.timeout,
        signal: ctx.signal,
        secrets: [this.config.token],
        deps: this.deps,
      },
    );
    let id: number | undefined;
    try {
      id = (JSON.parse(response.text) as { id?: number }).id;
    } catch {
      // The 2xx status is what counts.
    }
    return {
      summary: response.summary,
      details: { status: response.status, id: id ?? null, events: events.length },
    };
  }
}

/** `gotify`. */
export const gotifyTriggerType = {
  type: 'gotify',
  description: 'Message to a Gotify server.',
  schema: gotifySchema,
  secretKeys: ['token'],
  create: (config: GotifyConfig, deps?: TriggerDeps) => new GotifyTrigger(config, deps),
} satisfies TriggerType<typeof gotifySchema>;
