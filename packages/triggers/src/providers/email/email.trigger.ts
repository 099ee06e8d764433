import { MessageTrigger } from '../../message-trigger';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerType,
} from '../../trigger';
import { TriggerDeliveryError, errorCode, errorMessage } from '../../errors';
import { idempotencyKey } from '../../idempotency';
import { redact } from '../../redact';
import { emailSchema, type EmailConfig } from './email.schema';
import { renderEmailHtml } from './email-html';

const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Message-ID derived from the idempotency key, so a retried mail can be recognised as a duplicate. */
function messageIdFor(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120)}@tidewatch>`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/** Sends a text + HTML mail over SMTP (nodemailer); one mail per event, or one listing a batch. */
export class EmailTrigger extends MessageTrigger {
  private transport: Transporter<SMTPTransport.SentMessageInfo> | undefined;
  private readonly secrets: string[];

  constructor(private readonly config: EmailConfig) {
    super();
    this.secrets = config.pass ? [config.pass] : [];
  }

  close(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
    return Promise.resolve();
  }

  private getTransport(): Transporter<SMTPTransport.SentMessageInfo> {
    if (!this.transport) {
      const options: SMTPTransport.Options = {
        host: this.config.host,
        port: this.config.port,
        secure: this.config.tls_enabled,
        tls: { rejectUnauthorized: this.config.tls_verify },
        connectionTimeout: this.config.timeout,
        greetingTimeout: this.config.timeout,
        socketTimeout: this.config.timeout,
      };
      if (this.config.user) options.auth = { user: this.config.user, pass: this.config.pass ?? '' };
      this.transport = nodemailer.createTransport(options);
    }
    return this.transport;
  }

  protected async send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const server = `SMTP ${this.config.host}:${this.config.port}`;
    if (ctx.signal?.aborted)
      throw new TriggerDeliveryError(`${server}: cancelled`, { retryable: true, code: 'aborted' });
    const key = idempotencyKey(events);
    let info: SMTPTransport.SentMessageInfo;
    try {
      info = await this.getTransport().sendMail({
        from: this.config.from,
        to: this.config.to,
        subject: oneLine(ctx.title),
        text: ctx.body,
        html: renderEmailHtml(ctx.title, ctx.body, events),
        messageId: messageIdFor(key),
        headers: { 'X-Tidewatch-Event': [...new Set(events.map((event) => event.kind))].join(',') },
      });
    } catch (error) {
      throw this.toDeliveryError(server, error);
    }
    const reply = redact(oneLine(info.response), this.secrets);
    const accepted = info.accepted.length;
    const rejected = info.rejected.map((address) =>
      typeof address === 'string' ? address : address.address,
    );
    if (rejected.length > 0) ctx.logger.warn(`email: ${server} rejected ${rejected.join(', ')}`);
    ctx.logger.debug(`email: ${server} → ${reply}`);
    return {
      summary: `${server} → ${reply.slice(0, 3)} (${accepted} recipient${accepted === 1 ? '' : 's'})`,
      details: {
        messageId: info.messageId,
        accepted,
        rejected,
        response: reply,
        events: events.length,
      },
    };
  }

  private toDeliveryError(server: string, error: unknown): TriggerDeliveryError {
    const code = errorCode(error);
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    const message = redact(oneLine(errorMessage(error)), this.secrets);
    const status = typeof responseCode === 'number' ? responseCode : undefined;
    const base = { cause: error, ...(status === undefined ? {} : { status }) };
    if (code === 'EAUTH')
      return new TriggerDeliveryError(`${server}: authentication failed: ${message}`, {
        ...base,
        retryable: false,
        code: 'rejected',
      });
    if (/certificate|self[- ]signed|CERT_|hostname\/IP does not match/i.test(message)) {
      return new TriggerDeliveryError(`${server}: TLS certificate not accepted: ${message}`, {
        ...base,
        retryable: false,
        code: 'config',
      });
    }
    if (code === 'ETIMEDOUT')
      return new TriggerDeliveryError(`${server}: timed out: ${message}`, {
        ...base,
        retryable: true,
        code: 'timeout',
      });
    if (status !== undefined) {
      // SMTP: 4xx are transient (greylisting, mailbox busy), 5xx permanent.
      return new TriggerDeliveryError(`${server} → ${status}: ${message}`, {
        ...base,
        retryable: status >= 400 && status < 500,
        code: 'http-status',
      });
    }
    if (code !== undefined && NETWORK_CODES.has(code))
      return new TriggerDeliveryError(`${server}: ${message}`, {
        ...base,
        retryable: true,
        code: 'network',
      });
    return new TriggerDeliveryError(`${server}: ${message}`, {
      ...base,
      retryable: true,
      code: 'network',
    });
  }
}

/** `email` (WUD: `smtp`). */
export const emailTriggerType = {
  type: 'email',
  description:
    'E-mail over SMTP (STARTTLS or implicit TLS, optional authentication), text and HTML.',
  schema: emailSchema,
  secretKeys: ['pass'],
  create: (config: EmailConfig, _deps?: TriggerDeps) => new EmailTrigger(config),
} satisfies TriggerType<typeof emailSchema>;
