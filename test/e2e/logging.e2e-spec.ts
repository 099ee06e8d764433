// Structured logs: JSON lines with a request id, readable text lines, and no secret anywhere. The
// server runs with secrets in its environment and at debug level; requests carry secrets in
// headers, cookies and query strings; a trigger and a registry fail. Every secret value is then
// looked for in everything the process printed.
import type { Container } from '@tidewatch/api-client';
import {
  type DockerEngine,
  type TestRegistry,
  pushTags,
  runContainer,
  startDockerEngine,
  startRegistry,
} from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { type ServerProcess, api, startServer } from '../support/server-process';

const SECRETS = {
  metricsToken: 'metrics-token-s3cr3t-0001',
  webhookToken: 'webhook-token-s3cr3t-0002',
  registryPassword: 'registry-pass-s3cr3t-0003',
  triggerBearer: 'trigger-bearer-s3cr3t-0004',
  triggerHmac: 'trigger-hmac-s3cr3t-0005',
  mailPassword: 'mail-pass-s3cr3t-0006',
  secretKey: 'secret-key-s3cr3t-0007-abcdef',
  uiTriggerPassword: 'ui-trigger-pass-s3cr3t-0008',
  cookie: 'session-cookie-s3cr3t-0009',
  adminPassword: 'admin-pass-s3cr3t-0010',
};
const ADMIN = {
  authorization: `Basic ${Buffer.from(`admin:${SECRETS.adminPassword}`).toString('base64')}`,
};

describe('structured logs', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let failing: HttpReceiver;
  let server: ServerProcess;

  beforeAll(async () => {
    [engine, registry, failing] = await Promise.all([
      startDockerEngine(),
      startRegistry({ auth: 'basic' }),
      startHttpReceiver(),
    ]);
    failing.respond(500);
    await pushTags(engine, registry, 'acme/logged', ['1.0.0']);
    await runContainer(engine, `${registry.host}/acme/logged:1.0.0`, { name: 'logged' });
    server = await startServer({
      env: {
        TIDEWATCH_LOG_FORMAT: 'json',
        TIDEWATCH_AUTH_ADMIN_USER: 'admin',
        TIDEWATCH_AUTH_ADMIN_PASSWORD: SECRETS.adminPassword,
        TIDEWATCH_LOG_LEVEL: 'debug',
        TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_SECRET_KEY: SECRETS.secretKey,
        TIDEWATCH_METRICS_TOKEN: SECRETS.metricsToken,
        // A wrong password: every check of the container fails at the registry.
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_URL: registry.url,
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_LOGIN: registry.user ?? 'tidewatch',
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_PASSWORD: SECRETS.registryPassword,
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_WEBHOOK_TOKEN: SECRETS.webhookToken,
        TIDEWATCH_TRIGGER_WEBHOOK_OPS_URL: `${failing.url}/hook`,
        TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_TYPE: 'BEARER',
        TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_BEARER: SECRETS.triggerBearer,
        TIDEWATCH_TRIGGER_WEBHOOK_OPS_SECRET: SECRETS.triggerHmac,
        TIDEWATCH_TRIGGER_WEBHOOK_OPS_EVENTS: 'update-available,check-error',
        TIDEWATCH_TRIGGER_EMAIL_MAIL_HOST: '127.0.0.1',
        TIDEWATCH_TRIGGER_EMAIL_MAIL_PORT: '1',
        TIDEWATCH_TRIGGER_EMAIL_MAIL_USER: 'mailer',
        TIDEWATCH_TRIGGER_EMAIL_MAIL_PASS: SECRETS.mailPassword,
        TIDEWATCH_TRIGGER_EMAIL_MAIL_FROM: 'tw@example.test',
        TIDEWATCH_TRIGGER_EMAIL_MAIL_TO: 'ops@example.test',
        TIDEWATCH_DELIVERY_RETRIES: '0',
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), failing?.close()]);
  });

  it('never prints a secret, whatever the request or failure', async () => {
    const headers = {
      authorization: `Bearer ${SECRETS.metricsToken}`,
      cookie: `tidewatch_session=${SECRETS.cookie}`,
    };
    await api(server, '/api/containers', { headers });
    await api(server, '/api/containers', {
      headers: { ...ADMIN, cookie: `tidewatch_session=${SECRETS.cookie}` },
    });
    await api(server, '/api/registries', { headers: ADMIN });
    await api(server, '/api/triggers', { headers: ADMIN });
    await api(server, '/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: `${SECRETS.adminPassword}-wrong` }),
    });
    await api(server, '/metrics', { headers });
    await api(server, '/metrics', {
      headers: { authorization: `Bearer ${SECRETS.metricsToken}x` },
    });
    // A client that sends a secret where a request id goes: the id lands on every line of the request.
    await api(server, '/api/triggers/webhook/nope', {
      headers: { ...ADMIN, 'x-request-id': SECRETS.webhookToken },
    });
    await api(server, `/api/webhooks/registry/private?token=${SECRETS.webhookToken}`, {
      method: 'POST',
      body: JSON.stringify({ image: 'acme/logged', tag: '1.0.0' }),
    });
    await api(server, '/api/webhooks/registry/private', {
      method: 'POST',
      body: JSON.stringify({ image: 'acme/logged', tag: '1.0.0' }),
      headers: { authorization: `Bearer ${SECRETS.webhookToken}` },
    });
    await api(server, '/api/webhooks/registry/private', {
      method: 'POST',
      body: '{broken',
      headers: {
        authorization: `Bearer ${SECRETS.webhookToken}`,
        'content-type': 'application/json',
      },
    });
    // A trigger made in the UI, with its own secret, tested against a failing receiver.
    const created = await api(server, '/api/triggers', {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({
        type: 'webhook',
        name: 'ui',
        configuration: {
          url: `${failing.url}/ui`,
          auth_type: 'BASIC',
          auth_user: 'ui-user',
          auth_password: SECRETS.uiTriggerPassword,
        },
      }),
    });
    expect(created.status).toBe(201);
    await api(server, '/api/triggers/webhook/ui/test', {
      method: 'POST',
      body: '{}',
      headers: ADMIN,
    });
    await api(server, '/api/triggers/webhook/ops/test', {
      method: 'POST',
      body: '{}',
      headers: ADMIN,
    });
    await api(server, '/api/triggers/email/mail/test', {
      method: 'POST',
      body: '{}',
      headers: ADMIN,
    });
    // A check that fails at the registry (wrong password) and fires check-error triggers that fail.
    const watched = await api<Container[]>(server, '/api/containers/watch', {
      method: 'POST',
      headers: ADMIN,
    });
    expect(watched.body.find((container) => container.name === 'logged')?.error).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const output = server.output();
    expect(output).toContain('[REDACTED]');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect({ name, leaked: output.includes(secret) }).toEqual({ name, leaked: false });
      expect({ name, leaked: output.includes(encodeURIComponent(secret)) }).toEqual({
        name,
        leaked: false,
      });
    }
    expect(output).not.toContain(
      Buffer.from(`${registry.user ?? 'tidewatch'}:${SECRETS.registryPassword}`).toString('base64'),
    );
  });

  it('writes JSON lines with a request id that matches the X-Request-Id header', async () => {
    const response = await fetch(`${server.url}/api/triggers/webhook/does-not-exist`, {
      headers: { ...ADMIN, 'x-request-id': 'e2e-request-0042' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('e2e-request-0042');
    const generated = await fetch(`${server.url}/api/app`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as {
          level: number;
          time: string;
          msg: string;
          reqId?: string;
          context?: string;
          req?: { url?: string };
        };
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    expect(
      parsed.every(
        (entry) =>
          typeof entry.level === 'number' &&
          typeof entry.time === 'string' &&
          typeof entry.msg === 'string',
      ),
    ).toBe(true);
    const requestLine = parsed.find((entry) => entry.reqId === 'e2e-request-0042');
    expect(requestLine).toMatchObject({
      level: 40,
      msg: expect.stringContaining('GET /api/triggers/webhook/does-not-exist 404'),
    });
    expect(parsed.some((entry) => entry.context === 'NestApplication')).toBe(true);
    // The webhook's query token was scrubbed from the logged URL.
    expect(
      parsed.some((entry) => entry.req?.url === '/api/webhooks/registry/private?token=[REDACTED]'),
    ).toBe(true);
  });

  it('writes readable text lines with TIDEWATCH_LOG_FORMAT=text, still without secrets', async () => {
    await server.kill();
    const before = server.output().length;
    await server.restart({ TIDEWATCH_LOG_FORMAT: 'text' });
    await api(server, '/metrics', { headers: { authorization: `Bearer ${SECRETS.metricsToken}` } });
    await api(server, '/api/containers/watch', { method: 'POST', headers: ADMIN });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const text = server.output().slice(before);
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(5);
    expect(
      lines.some((line) =>
        /^\[\d{4}-\d{2}-\d{2} [\d:.]+\] INFO: \[NestApplication\] Nest application successfully started/.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });
});
