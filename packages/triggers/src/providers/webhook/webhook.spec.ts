import { createHmac } from 'node:crypto';
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleContainer, sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import { idempotencyKey } from '../../idempotency';
import { parseHeaders, webhookSchema } from './webhook.schema';
import { webhookTriggerType } from './webhook.trigger';

function create(raw: Record<string, unknown>) {
  return webhookTriggerType.create(webhookSchema.parse(raw));
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

describe('webhook schema', () => {
  it('applies defaults and coerces strings', () => {
    const config = webhookSchema.parse({
      url: 'http://127.0.0.1:1/hook',
      timeout: '2500',
      method: 'get',
      format: 'CloudEvents',
    });
    expect(config).toMatchObject({
      method: 'GET',
      timeout: 2500,
      format: 'cloudevents',
      payload: 'container',
    });
    expect(webhookSchema.parse({ url: 'https://x.example/h' })).toMatchObject({
      method: 'POST',
      timeout: 10000,
      format: 'json',
    });
  });

  it.each([
    [{ url: 'ftp://example.com/x' }, 'url', /http:\/\/ or https:\/\//],
    [{ url: 'file:///etc/passwd' }, 'url', /http/],
    [{ url: 'javascript:alert(1)' }, 'url', /http/],
    [{ url: 'not a url' }, 'url', /http/],
    [{}, 'url', /required/],
    [{ url: 'http://h/x', method: 'DELETE' }, 'method', /POST, GET/],
    [
      { url: 'http://h/x', auth_type: 'basic', auth_user: 'u' },
      'auth_password',
      /required when AUTH_TYPE is basic/,
    ],
    [{ url: 'http://h/x', auth_type: 'bearer' }, 'auth_bearer', /required/],
    [{ url: 'http://h/x', auth_type: 'digest' }, 'auth_type', /basic, bearer/],
    [{ url: 'http://h/x', timeout: 'soon' }, 'timeout', /number/],
    [{ url: 'http://h/x', timeout: '10' }, 'timeout', /at least 100/],
    [{ url: 'http://h/x', headers: 'NoColon' }, 'headers', /Name: value/],
    [{ url: 'http://h/x', headers: 'Idempotency-Key: x' }, 'headers', /set by Tidewatch/],
    [
      { url: 'http://h/x', headers: 'Authorization: x', auth_type: 'bearer', auth_bearer: 't' },
      'headers',
      /AUTH_TYPE/,
    ],
  ])('rejects %j at %s', (raw, key, message) => {
    const result = webhookSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === key);
    expect(issue?.message).toMatch(message);
  });

  it('parses headers', () => {
    expect(parseHeaders('X-Api-Key: abc:def; X-Env: prod\nX-Empty:')).toEqual([
      ['X-Api-Key', 'abc:def'],
      ['X-Env', 'prod'],
      ['X-Empty', ''],
    ]);
    expect(parseHeaders(undefined)).toEqual([]);
  });
});

describe('webhook trigger (local receiver)', () => {
  let receiver: HttpReceiver;

  beforeEach(async () => {
    receiver = await startHttpReceiver();
  });
  afterEach(() => receiver.close());

  it('POSTs the container object with idempotency key, user agent and custom headers', async () => {
    const trigger = create({
      url: `${receiver.url}/hook?team=ops`,
      headers: 'X-Env: prod; X-Api-Key: k-123',
    });
    const event = sampleTriggerEvent();
    const ctx = testContext();
    const outcome = await trigger.notify(event, ctx);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hook?team=ops');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['idempotency-key']).toBe(event.id);
    expect(request.headers['user-agent']).toBe('Tidewatch');
    expect(request.headers['x-env']).toBe('prod');
    expect(request.headers['x-api-key']).toBe('k-123');
    expect(request.headers['x-tidewatch-event']).toBe('update-available');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['x-tidewatch-signature']).toBeUndefined();
    expect(JSON.parse(request.text)).toEqual(sampleContainer());
    expect(outcome.summary).toBe(`POST ${receiver.url}/hook?team=ops → 200`);
    expect(JSON.stringify(outcome)).not.toContain('k-123');
  });

  it('sends an array in batch mode with a stable idempotency key', async () => {
    const trigger = create({ url: `${receiver.url}/hook` });
    const a = sampleTriggerEvent('update-available', { id: 'evt-a' });
    const b = sampleTriggerEvent('update-available', {
      id: 'evt-b',
      container: sampleContainer({ name: 'redis' }),
    });
    await trigger.notifyBatch([a, b], testContext());
    await trigger.notifyBatch([b, a], testContext());
    const [first, second] = receiver.requests;
    const body = JSON.parse(first.text) as { name: string }[];
    expect(body.map((container) => container.name)).toEqual(['nginx', 'redis']);
    expect(first.headers['idempotency-key']).toMatch(/^batch-[0-9a-f]{64}$/);
    expect(first.headers['idempotency-key']).toBe(second.headers['idempotency-key']);
    expect(first.headers['idempotency-key']).toBe(idempotencyKey([a, b]));
    expect(idempotencyKey([a])).toBe('evt-a');
  });

  it('uses basic authentication', async () => {
    const trigger = create({
      url: `${receiver.url}/hook`,
      auth_type: 'BASIC',
      auth_user: 'alice',
      auth_password: 'p@ss:word',
    });
    await trigger.notify(sampleTriggerEvent(), testContext());
    expect(receiver.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('alice:p@ss:word').toString('base64')}`,
    );
  });

  it('moves credentials from the URL into basic authentication and keeps them out of the summary', async () => {
    const trigger = create({
      url: `${receiver.url.replace('http://', 'http://bob:s3cr%2Ft@')}/hook`,
    });
    const outcome = await trigger.notify(sampleTriggerEvent(), testContext());
    expect(receiver.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('bob:s3cr/t').toString('base64')}`,
    );
    expect(outcome.summary).toBe(`POST ${receiver.url}/hook → 200`);
  });

  it('uses bearer authentication', async () => {
    const trigger = create({
      url: `${receiver.url}/hook`,
      auth_type: 'bearer',
      auth_bearer: 'tok-987',
    });
    await trigger.notify(sampleTriggerEvent(), testContext());
    expect(receiver.requests[0].headers.authorization).toBe('Bearer tok-987');
  });

  it('signs the exact body bytes with HMAC-SHA256', async () => {
    const secret = 'shh-its-a-secret';
    const trigger = create({ url: `${receiver.url}/hook`, secret });
    // Non-ASCII content makes sure the signature covers bytes, not characters.
    const event = sampleTriggerEvent('update-available', {
      container: sampleContainer({ displayName: 'nginx – café ☕' }),
    });
    await trigger.notify(event, testContext());
    const [request] = receiver.requests;
    const expected = `sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`;
    expect(request.headers['x-tidewatch-signature']).toBe(expected);
    const wrong = `sha256=${createHmac('sha256', 'other').update(request.body).digest('hex')}`;
    expect(request.headers['x-tidewatch-signature']).not.toBe(wrong);
  });

  it('wraps the event in a CloudEvents 1.0 envelope', async () => {
    const trigger = create({
      url: `${receiver.url}/ce`,
      format: 'cloudevents',
      source: 'https://tidewatch.example.com',
    });
    const event = sampleTriggerEvent('update-failed');
    await trigger.notify(event, testContext());
    const [request] = receiver.requests;
    expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(JSON.parse(request.text)).toEqual({
      specversion: '1.0',
      id: event.id,
      source: 'https://tidewatch.example.com',
      type: 'dev.tidewatch.update-failed',
      subject: 'local/nginx',
      time: event.occurredAt,
      datacontenttype: 'application/json',
      data: sampleContainer(),
    });
  });

  it('sends a CloudEvents batch and the event payload when asked', async () => {
    const trigger = create({ url: `${receiver.url}/ce`, format: 'cloudevents', payload: 'event' });
    const a = sampleTriggerEvent('check-error', { id: 'e1' });
    const b = sampleTriggerEvent('update-available', { id: 'e2' });
    await trigger.notifyBatch([a, b], testContext());
    const [request] = receiver.requests;
    expect(request.headers['content-type']).toBe(
      'application/cloudevents-batch+json; charset=utf-8',
    );
    expect(request.headers['x-tidewatch-event']).toBe('check-error,update-available');
    const body = JSON.parse(request.text) as {
      id: string;
      type: string;
      source: string;
      data: { kind: string; message: string | null };
    }[];
    expect(body.map((envelope) => [envelope.id, envelope.type, envelope.source])).toEqual([
      ['e1', 'dev.tidewatch.check-error', '/tidewatch'],
      ['e2', 'dev.tidewatch.update-available', '/tidewatch'],
    ]);
    expect(body[0].data).toMatchObject({ kind: 'check-error', message: 'registry answered 503' });
  });

  it('GET sends the flattened container as query parameters and signs the query', async () => {
    const trigger = create({ url: `${receiver.url}/get?fixed=1`, method: 'GET', secret: 'k' });
    await trigger.notify(sampleTriggerEvent(), testContext());
    const [request] = receiver.requests;
    expect(request.method).toBe('GET');
    expect(request.body).toHaveLength(0);
    const url = new URL(request.url, receiver.url);
    expect(url.searchParams.get('fixed')).toBe('1');
    expect(url.searchParams.get('image_tag_value')).toBe('1.25.3');
    expect(url.searchParams.get('update_kind_remote_value')).toBe('1.27.0');
    expect(url.searchParams.get('event_kind')).toBe('update-available');
    const query = request.url.slice(request.url.indexOf('?') + 1);
    expect(request.headers['x-tidewatch-signature']).toBe(
      `sha256=${createHmac('sha256', 'k').update(query).digest('hex')}`,
    );
  });

  it('maps 500 to a retryable error and 400 to a non-retryable one', async () => {
    const trigger = create({
      url: `${receiver.url}/hook`,
      auth_type: 'bearer',
      auth_bearer: 'tok-secret',
    });
    receiver.reply(() => ({ status: 500, body: 'database down, token tok-secret' }));
    const serverError = await failure(trigger.notify(sampleTriggerEvent(), testContext()));
    expect(serverError).toMatchObject({ retryable: true, status: 500, code: 'http-status' });
    expect(serverError.message).toContain('→ 500: database down');
    expect(serverError.message).not.toContain('tok-secret');

    receiver.reply(() => ({ status: 400, body: 'bad payload' }));
    expect(await failure(trigger.notify(sampleTriggerEvent(), testContext()))).toMatchObject({
      retryable: false,
      status: 400,
    });
  });

  it.each([
    [408, true],
    [429, true],
    [404, false],
    [410, false],
    [503, true],
  ])('status %i retryable=%s', async (status, retryable) => {
    receiver.reply(() => ({ status, headers: { 'retry-after': '7' } }));
    const error = await failure(
      create({ url: `${receiver.url}/h` }).notify(sampleTriggerEvent(), testContext()),
    );
    expect(error).toMatchObject({ retryable, status });
    expect(error.retryAfterMs).toBe(7000);
  });

  it('does not follow redirects', async () => {
    receiver.reply(() => ({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }));
    const error = await failure(
      create({ url: `${receiver.url}/h`, auth_type: 'bearer', auth_bearer: 'x' }).notify(
        sampleTriggerEvent(),
        testContext(),
      ),
    );
    expect(error).toMatchObject({ retryable: false, status: 302 });
    expect(error.message).toContain('redirect to http://127.0.0.1:1/elsewhere not followed');
    expect(receiver.requests).toHaveLength(1);
  });

  it('times out on a slow receiver with a retryable error', async () => {
    receiver.reply(() => ({ delayMs: 2000 }));
    const started = Date.now();
    const error = await failure(
      create({ url: `${receiver.url}/slow`, timeout: '150' }).notify(
        sampleTriggerEvent(),
        testContext(),
      ),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toMatchObject({ retryable: true, code: 'timeout' });
    expect(error.message).toContain('no answer within 150 ms');
  });

  it('reports a refused connection as a retryable network error', async () => {
    const url = `${receiver.url}/gone`;
    await receiver.close();
    const error = await failure(create({ url }).notify(sampleTriggerEvent(), testContext()));
    expect(error).toMatchObject({ retryable: true, code: 'network' });
    expect(error.message).toContain('ECONNREFUSED');
    receiver = await startHttpReceiver();
  });

  it('stops when the engine aborts', async () => {
    receiver.reply(() => ({ delayMs: 2000 }));
    const controller = new AbortController();
    const pending = create({ url: `${receiver.url}/slow` }).notify(
      sampleTriggerEvent(),
      testContext({ signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toMatchObject({ retryable: true, code: 'aborted' });
  });
});
