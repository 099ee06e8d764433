import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail, type AddressObject } from 'mailparser';
import { makeSelfSignedCert, type SelfSignedCert } from '../../testing/self-signed-cert';
import { testContext } from '../../testing/test-context';
import { sampleContainer, sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import { emailSchema } from './email.schema';
import { emailTriggerType } from './email.trigger';
import { escapeHtml } from './email-html';

interface Received {
  mail: ParsedMail;
  secure: boolean;
  user: string | undefined;
  envelopeTo: string[];
  envelopeFrom: string | false;
}

interface TestSmtp {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

async function startSmtp(
  cert: SelfSignedCert,
  options: Partial<SMTPServerOptions> = {},
): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    key: cert.key,
    cert: cert.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // Only authenticated, TLS-protected sessions may send (the STARTTLS test relies on it).
    allowInsecureAuth: false,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'tide' && auth.password === 'pa55-word')
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            mail,
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : undefined,
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            envelopeFrom:
              session.envelope.mailFrom === false ? false : session.envelope.mailFrom.address,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((entry) => entry.value.map((address) => address.address ?? ''));
}

async function failure(promise: Promise<unknown>): Promise<TriggerDeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TriggerDeliveryError) return error;
    throw error;
  }
  throw new Error('expected a TriggerDeliveryError');
}

describe('email schema', () => {
  it('coerces and defaults', () => {
    const config = emailSchema.parse({
      host: 'smtp.example.com',
      from: 'a@example.com',
      to: 'b@example.com, Carol <c@example.com>',
      tls_enabled: 'TRUE',
      port: '465',
    });
    expect(config).toMatchObject({
      port: 465,
      tls_enabled: true,
      tls_verify: true,
      to: ['b@example.com', 'Carol <c@example.com>'],
    });
    expect(emailSchema.parse({ host: 'h', from: 'a@b.c', to: 'x@y.z' }).port).toBe(587);
  });

  it.each([
    [{ from: 'a@b.c', to: 'x@y.z' }, 'host'],
    [{ host: 'h', from: 'not-an-address', to: 'x@y.z' }, 'from'],
    [{ host: 'h', from: 'a@b.c', to: 'x@y.z, nope' }, 'to'],
    [{ host: 'h', from: 'a@b.c', to: ' , ' }, 'to'],
    [{ host: 'h', from: 'a@b.c', to: 'x@y.z', port: '70000' }, 'port'],
    [{ host: 'h', from: 'a@b.c', to: 'x@y.z', tls_verify: 'maybe' }, 'tls_verify'],
  ])('rejects %j at %s', (raw, key) => {
    const result = emailSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(key);
  });
});

describe('email trigger (in-process SMTP server)', () => {
  let cert: SelfSignedCert;
  let smtp: TestSmtp;

  beforeAll(() => {
    cert = makeSelfSignedCert();
  });
  afterEach(async () => {
    await smtp?.close();
  });

  const base = (port: number) => ({
    host: '127.0.0.1',
    port: String(port),
    user: 'tide',
    pass: 'pa55-word',
    from: 'Tidewatch <tidewatch@example.test>',
    to: 'ops@example.test, dev@example.test,boss@example.test',
    tls_verify: 'false',
  });

  it('upgrades with STARTTLS, authenticates and delivers text + escaped HTML to several recipients', async () => {
    smtp = await startSmtp(cert);
    const trigger = emailTriggerType.create(emailSchema.parse(base(smtp.port)));
    const hostile = sampleContainer({ displayName: '<script>alert("x")</script>', name: 'web&co' });
    const event = sampleTriggerEvent('update-available', { id: 'evt-42', container: hostile });
    const ctx = testContext({
      title: 'New tag found for container web&co',
      body: 'Container web&co <b>running</b> 1.25.3\ncan be updated to 1.27.0',
    });
    const outcome = await trigger.notify(event, ctx);
    await trigger.close?.();

    expect(smtp.received).toHaveLength(1);
    const [{ mail, secure, user, envelopeTo, envelopeFrom }] = smtp.received;
    expect(secure).toBe(true);
    expect(user).toBe('tide');
    expect(envelopeFrom).toBe('tidewatch@example.test');
    expect(envelopeTo).toEqual(['ops@example.test', 'dev@example.test', 'boss@example.test']);
    expect(addresses(mail.to)).toEqual([
      'ops@example.test',
      'dev@example.test',
      'boss@example.test',
    ]);
    expect(mail.from?.value[0]).toMatchObject({
      name: 'Tidewatch',
      address: 'tidewatch@example.test',
    });
    expect(mail.subject).toBe('New tag found for container web&co');
    expect(mail.messageId).toBe('<evt-42@tidewatch>');
    expect(mail.headers.get('x-tidewatch-event')).toBe('update-available');
    expect(mail.text?.trim()).toBe(
      'Container web&co <b>running</b> 1.25.3\ncan be updated to 1.27.0',
    );
    const html = mail.html === false ? '' : (mail.html ?? '');
    expect(html).toContain(
      '<h2 style="font-size:18px">New tag found for container web&amp;co</h2>',
    );
    expect(html).toContain('Container web&amp;co &lt;b&gt;running&lt;/b&gt; 1.25.3<br>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>running</b>');
    expect(html).toContain('<a href="https://github.com/nginx/nginx/releases/tag/release-1.27.0">');
    expect(outcome.summary).toBe(`SMTP 127.0.0.1:${smtp.port} → 250 (3 recipients)`);
    expect(JSON.stringify(outcome)).not.toContain('pa55-word');
  });

  it('sends one mail listing every container of a batch', async () => {
    smtp = await startSmtp(cert);
    const trigger = emailTriggerType.create(emailSchema.parse(base(smtp.port)));
    const events = ['nginx', 'redis', 'postgres'].map((name, index) =>
      sampleTriggerEvent('update-available', {
        id: `e${index}`,
        container: sampleContainer({ name, displayName: name }),
      }),
    );
    await trigger.notifyBatch(
      events,
      testContext({ title: '3 updates available', body: '- nginx\n- redis\n- postgres' }),
    );
    await trigger.close?.();
    expect(smtp.received).toHaveLength(1);
    const { mail } = smtp.received[0];
    expect(mail.subject).toBe('3 updates available');
    const html = mail.html === false ? '' : (mail.html ?? '');
    expect(html.match(/<tr><td/g)).toHaveLength(3);
    for (const name of ['nginx', 'redis', 'postgres']) expect(html).toContain(`>${name}</td>`);
    expect(mail.messageId).toMatch(/^<batch-[0-9a-f]{64}@tidewatch>$/);
  });

  it('speaks implicit TLS when TLS_ENABLED=true', async () => {
    smtp = await startSmtp(cert, { secure: true });
    const trigger = emailTriggerType.create(
      emailSchema.parse({ ...base(smtp.port), tls_enabled: 'true' }),
    );
    await trigger.notify(sampleTriggerEvent(), testContext());
    await trigger.close?.();
    expect(smtp.received[0].secure).toBe(true);
  });

  it('refuses a self-signed certificate when TLS_VERIFY is on (not retryable)', async () => {
    smtp = await startSmtp(cert);
    const trigger = emailTriggerType.create(
      emailSchema.parse({ ...base(smtp.port), tls_verify: 'true' }),
    );
    const error = await failure(trigger.notify(sampleTriggerEvent(), testContext()));
    await trigger.close?.();
    expect(error).toMatchObject({ retryable: false, code: 'config' });
    expect(smtp.received).toHaveLength(0);
  });

  it('reports bad credentials as not retryable, without the password', async () => {
    smtp = await startSmtp(cert);
    const trigger = emailTriggerType.create(
      emailSchema.parse({ ...base(smtp.port), pass: 'wrong-pass' }),
    );
    const error = await failure(trigger.notify(sampleTriggerEvent(), testContext()));
    await trigger.close?.();
    expect(error).toMatchObject({ retryable: false, code: 'rejected', status: 535 });
    expect(error.message).not.toContain('wrong-pass');
  });

  it('maps a temporary 4xx rejection to retryable and 5xx to permanent', async () => {
    let reply = 451;
    smtp = await startSmtp(cert, {
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('try later'), { responseCode: reply }));
      },
    });
    const trigger = emailTriggerType.create(emailSchema.parse(base(smtp.port)));
    expect(await failure(trigger.notify(sampleTriggerEvent(), testContext()))).toMatchObject({
      retryable: true,
      status: 451,
    });
    reply = 550;
    expect(await failure(trigger.notify(sampleTriggerEvent(), testContext()))).toMatchObject({
      retryable: false,
      status: 550,
    });
    await trigger.close?.();
  });

  it('treats a closed port as a retryable network error', async () => {
    smtp = await startSmtp(cert);
    const port = smtp.port;
    await smtp.close();
    const trigger = emailTriggerType.create(emailSchema.parse(base(port)));
    expect(await failure(trigger.notify(sampleTriggerEvent(), testContext()))).toMatchObject({
      retryable: true,
      code: 'network',
    });
  });

  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
