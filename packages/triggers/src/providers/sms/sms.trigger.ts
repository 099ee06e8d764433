import { MessageTrigger } from '../../message-trigger';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { TriggerDeliveryError } from '../../errors';
import { DeliveryLedger } from '../../delivery-ledger';
import { idempotencyKey } from '../../idempotency';
import { joinUrl, sendHttp, userAgent } from '../../http/send-http';
import { redact } from '../../redact';
import { fitSms } from './sms-segments';
import { smsSchema, type SmsConfig } from './sms.schema';

/** Twilio's answer to a message create call (the fields we report). */
interface TwilioMessage {
  sid?: string;
  status?: string;
}

/** Sends an SMS per recipient through Twilio's Messages API. */
export class SmsTrigger extends MessageTrigger {
  private readonly ledger = new DeliveryLedger();
  private readonly secrets: string[];
  private readonly authorization: string;

  constructor(
    private readonly config: SmsConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    super();
    const user = config.apikey ?? config.accountsid;
    const password = config.apikey ? (config.apisecret ?? '') : (config.authtoken ?? '');
    const credentials = Buffer.from(`${user}:${password}`).toString('base64');
    this.authorization = `Basic ${credentials}`;
    this.secrets = [password, credentials].filter((value) => value.length > 0);
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const key = idempotencyKey(events);
    const message = fitSms(
      [ctx.title, ctx.body].filter((part) => part.trim() !== '').join('\n'),
      this.config.max_segments,
    );
    if (message.truncated)
      ctx.logger.debug(`sms: message cut to ${message.segments} segment(s) (${message.encoding})`);
    const url = joinUrl(
      this.config.url,
      `2010-04-01/Accounts/${encodeURIComponent(this.config.accountsid)}/Messages.json`,
    );
    const sent: { to: string; sid: string | undefined; status: string | undefined }[] = [];
    const skipped: string[] = [];
    const failed: { to: string; error: TriggerDeliveryError }[] = [];
    let summaryLine = '';
    for (const to of this.config.to) {
      if (this.ledger.has(key, to)) {
        skipped.push(to);
        continue;
      }
      const form = new URLSearchParams({ To: to, Body: message.text });
      if (/^MG[0-9a-fA-F]{32}$/.test(this.config.from))
        form.set('MessagingServiceSid', this.config.from);
      else form.set('From', this.config.from);
      try {
        const response = await sendHttp({
          method: 'POST',
          url,
          headers: {
            Authorization: this.authorization,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
            'User-Agent': userAgent(this.deps.appVersion),
          },
          body: form.toString(),
          timeoutMs: this.config.timeout,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          secrets: this.secrets,
          ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
        });
        summaryLine = response.summary;
        let answer: TwilioMessage = {};
        try {
          answer = JSON.parse(response.text) as TwilioMessage;
        } catch {
          // A 2xx without JSON still means accepted.
        }
        this.ledger.record(key, to);
        sent.push({ to, sid: answer.sid, status: answer.status });
      } catch (error) {
        if (!(error instanceof TriggerDeliveryError)) throw error;
        failed.push({ to, error });
        if (error.code === 'aborted') break;
      }
    }
    const details = {
      encoding: message.encoding,
      segments: message.segments,
      truncated: message.truncated,
      sent,
      skipped,
      failed: failed.map(({ to, error }) => ({
        to,
        status: error.status ?? null,
        message: error.message,
      })),
    };
    if (failed.length > 0) {
      const first = failed[0];
      const retryable = failed.some(({ error }) => error.retryable);
      const text = failed.map(({ to, error }) => `${to}: ${error.message}`).join('; ');
      throw new TriggerDeliveryError(
        redact(
          `SMS failed for ${failed.length} of ${this.config.to.length} recipient(s) (${sent.length + skipped.length} delivered): ${text}`,
          this.secrets,
        ),
        {
          retryable,
          code: first.error.code,
          ...(first.error.status === undefined ? {} : { status: first.error.status }),
          ...(first.error.retryAfterMs === undefined
            ? {}
            : { retryAfterMs: first.error.retryAfterMs }),
          details,
        },
      );
    }
    const count = sent.length;
    const summary =
      count === 0
        ? `SMS already delivered to all ${skipped.length} recipient(s)`
        : `${summaryLine}${count > 1 ? ` ×${count}` : ''} (${message.segments} segment${message.segments === 1 ? '' : 's'}${message.truncated ? ', truncated' : ''})`;
    return { summary, details };
  }
}

/** `sms` (Twilio). */
export const smsTriggerType = {
  type: 'sms',
  description:
    "SMS through Twilio's REST API, one message per recipient, kept within a few segments.",
  schema: smsSchema,
  secretKeys: ['authtoken', 'apisecret'],
  create: (config: SmsConfig, deps?: TriggerDeps) => new SmsTrigger(config, deps),
} satisfies TriggerType<typeof smsSchema>;
