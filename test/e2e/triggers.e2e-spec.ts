// Notifications end to end: a newer tag pushed to the real registry → one check → the webhook,
// email and SMS receivers each get exactly one correct message; ONCE keeps a second check quiet;
// a receiver that is down gets the event after retries; a SIGKILLed server delivers its queue
// exactly once after restart; bad trigger config is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container } from '@tidewatch/api-client';
import { type DockerEngine, type TestRegistry, pushTags, runContainer, startDockerEngine, startRegistry, waitFor } from '../env';
import { type HttpReceiver, type SmtpReceiver, hmacSha256, startHttpReceiver, startSmtpReceiver } from '../support/receivers';
import { SERVER_MAIN, type ServerProcess, api, startServer } from '../support/server-process';

interface HistoryPage {
  items: Array<{ trigger: string; status: string; event: string; containerName: string | null; attempt: number; summary: string | null; error: string | null; deliveryStatus: string | null }>;
  total: number;
}

const SECRET = 'webhook-shared-secret';
const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
const TWILIO_TOKEN = 'twilio-auth-token-xyz';

describe('triggers', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let webhook: HttpReceiver;
  let sms: HttpReceiver;
  let smtp: SmtpReceiver;
  let server: ServerProcess;
  let env: Record<string, string>;

  const watch = () => api<Container[]>(server, '/api/containers/watch', { method: 'POST' });
  const history = async (query = '') => (await api<HistoryPage>(server, `/api/history?limit=500${query}`)).body;

  beforeAll(async () => {
    [engine, registry, webhook, sms, smtp] = await Promise.all([startDockerEngine(), startRegistry(), startHttpReceiver(), startHttpReceiver(), startSmtpReceiver('mailer', 'mail-pass-123')]);
    await pushTags(engine, registry, 'acme/shop', ['1.0.0']);
    await runContainer(engine, `${registry.host}/acme/shop:1.0.0`, { name: 'shop' });
    env = {
      TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
      TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
      TIDEWATCH_DELIVERY_BACKOFF: '200',
      TIDEWATCH_DELIVERY_RETRIES: '8',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_URL: `${webhook.url}/hook`,
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_SECRET: SECRET,
      TIDEWATCH_TRIGGER_EMAIL_TEAM_HOST: '127.0.0.1',
      TIDEWATCH_TRIGGER_EMAIL_TEAM_PORT: String(smtp.port),
      TIDEWATCH_TRIGGER_EMAIL_TEAM_USER: 'mailer',
      TIDEWATCH_TRIGGER_EMAIL_TEAM_PASS: 'mail-pass-123',
      TIDEWATCH_TRIGGER_EMAIL_TEAM_FROM: 'tidewatch@example.test',
      TIDEWATCH_TRIGGER_EMAIL_TEAM_TO: 'ops@example.test, dev@example.test',
      TIDEWATCH_TRIGGER_SMS_PAGER_ACCOUNTSID: TWILIO_SID,
      TIDEWATCH_TRIGGER_SMS_PAGER_AUTHTOKEN: TWILIO_TOKEN,
      TIDEWATCH_TRIGGER_SMS_PAGER_FROM: '+15550000001',
      TIDEWATCH_TRIGGER_SMS_PAGER_TO: '+15550000002',
      TIDEWATCH_TRIGGER_SMS_PAGER_URL: sms.url,
    };
    server = await startServer({ env });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), webhook?.close(), sms?.close(), smtp?.close()]);
  });

  it('sends exactly one correct message per receiver for a new version, and nothing more with ONCE', async () => {
    await pushTags(null, registry, 'acme/shop', ['1.1.0']);
    expect((await watch()).status).toBe(200);
    await waitFor(() => webhook.requests.length === 1 && smtp.messages.length === 1 && sms.requests.length === 1, { what: 'one message per receiver', timeoutMs: 15_000 });

    const [hook] = webhook.requests;
    expect(hook.method).toBe('POST');
    expect(hook.headers['x-tidewatch-signature']).toBe(hmacSha256(SECRET, hook.body));
    expect(hook.headers['idempotency-key']).toEqual(expect.any(String));
    const body = JSON.parse(hook.body) as Container;
    expect(body).toMatchObject({ name: 'shop', updateAvailable: true, result: { tag: '1.1.0' }, updateKind: { kind: 'tag', semverDiff: 'minor', localValue: '1.0.0', remoteValue: '1.1.0' } });

    const [mail] = smtp.messages;
    expect(mail.subject).toContain('shop');
    expect(mail.text).toContain('1.1.0');
    const recipients = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value.map((entry) => entry.address) ?? []);
    expect(recipients.sort()).toEqual(['dev@example.test', 'ops@example.test']);

    const [text] = sms.requests;
    expect(text.path).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
    expect(text.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`);
    const form = new URLSearchParams(text.body);
    expect(form.get('To')).toBe('+15550000002');
    expect(form.get('Body')).toContain('1.1.0');

    // ONCE=true (the default): a second check of the same update sends nothing.
    await watch();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([webhook.requests.length, smtp.messages.length, sms.requests.length]).toEqual([1, 1, 1]);

    const runs = await history('&status=success');
    expect(runs.items.map((run) => run.trigger).sort()).toEqual(['email.team', 'sms.pager', 'webhook.ops']);
    expect(JSON.stringify(runs)).not.toContain(TWILIO_TOKEN);
    expect(JSON.stringify(runs)).not.toContain('mail-pass-123');
  });

  it('delivers once, after retries, to a receiver that was down', async () => {
    webhook.respond(503);
    await pushTags(null, registry, 'acme/shop', ['1.2.0']);
    await watch();
    await waitFor(async () => (await history('&trigger=webhook.ops&status=retrying')).total >= 2, { what: 'two failed attempts', timeoutMs: 15_000 });
    expect(webhook.requests).toHaveLength(1);
    webhook.respond(200);
    await waitFor(() => webhook.requests.length === 2, { what: 'delivery after recovery', timeoutMs: 15_000 });
    expect(JSON.parse(webhook.requests[1].body)).toMatchObject({ result: { tag: '1.2.0' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(webhook.requests).toHaveLength(2);
  });

  it('delivers the queue exactly once after the server is SIGKILLed', async () => {
    const before = webhook.requests.length;
    await webhook.down();
    await pushTags(null, registry, 'acme/shop', ['1.3.0']);
    await watch();
    await waitFor(async () => (await history('&trigger=webhook.ops&status=retrying')).items.some((run) => run.error !== null), { what: 'a failed attempt', timeoutMs: 10_000 });
    await server.kill('SIGKILL');
    await webhook.up();
    await server.restart();
    await waitFor(() => webhook.requests.length === before + 1, { what: 'delivery after restart', timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(webhook.requests).toHaveLength(before + 1);
    expect(JSON.parse(webhook.requests[before].body)).toMatchObject({ result: { tag: '1.3.0' } });
  });

  it('refuses bad trigger configuration with a 400 naming the field', async () => {
    const missing = await api<{ message: string }>(server, '/api/triggers', { method: 'POST', body: JSON.stringify({ type: 'webhook', name: 'bad', configuration: {} }) });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/url/i);
    const scheme = await api<{ message: string }>(server, '/api/triggers', { method: 'POST', body: JSON.stringify({ type: 'webhook', name: 'bad', configuration: { url: 'file:///etc/passwd' } }) });
    expect(scheme.status).toBe(400);
    const unknownType = await api<{ message: string }>(server, '/api/triggers', { method: 'POST', body: JSON.stringify({ type: 'pigeon', name: 'x', configuration: {} }) });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.message).toContain('type');
    const readOnly = await api<{ statusCode: number }>(server, '/api/triggers/webhook/ops', { method: 'PUT', body: JSON.stringify({ configuration: { url: 'http://127.0.0.1:1/x' } }) });
    expect(readOnly.status).toBe(409);
  });

  it('stops the boot with a message naming the variable when env trigger config is bad', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tw-badcfg-'));
    const result = spawnSync(process.execPath, [SERVER_MAIN], {
      env: { PATH: process.env.PATH, TIDEWATCH_DATA_DIR: dataDir, TIDEWATCH_TRIGGER_WEBHOOK_X_URL: 'not a url', TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath },
      encoding: 'utf8',
      timeout: 30_000,
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('TIDEWATCH_TRIGGER_WEBHOOK_X_URL');
  });
});
