import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleTriggerEvent } from '../../sample-event';
import { ntfySchema } from './ntfy.schema';
import { encodeHeader, ntfyTriggerType } from './ntfy.trigger';

describe('ntfy trigger (local server)', () => {
  let server: HttpReceiver;
  beforeEach(async () => {
    server = await startHttpReceiver(() => ({
      status: 200,
      body: JSON.stringify({ id: 'msg1', event: 'message' }),
    }));
  });
  afterEach(() => server.close());

  it('publishes the body with Title, Priority, Tags, Click and bearer token', async () => {
    const trigger = ntfyTriggerType.create(
      ntfySchema.parse({
        url: server.url,
        topic: 'tidewatch-ops',
        token: 'tk_secret',
        priority: '4',
        tags: 'whale,arrow_up',
      }),
    );
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'New tag for nginx', body: 'nginx 1.25.3 → 1.27.0' }),
    );
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/tidewatch-ops');
    expect(request.text).toBe('nginx 1.25.3 → 1.27.0');
    expect(request.headers).toMatchObject({
      title: 'New tag for nginx',
      priority: '4',
      tags: 'whale,arrow_up',
      click: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
      authorization: 'Bearer tk_secret',
    });
    expect(outcome).toEqual({
      summary: `POST ${server.url}/tidewatch-ops → 200`,
      details: { status: 200, id: 'msg1', events: 1 },
    });
  });

  it('encodes a non-ASCII title (RFC 2047) and supports basic auth', async () => {
    const trigger = ntfyTriggerType.create(
      ntfySchema.parse({ url: `${server.url}/base/`, topic: 't', user: 'u', password: 'p' }),
    );
    await trigger.notify(sampleTriggerEvent(), testContext({ title: 'Mise à jour 🚀' }));
    const [request] = server.requests;
    expect(request.url).toBe('/base/t');
    expect(request.headers.title).toBe(
      `=?UTF-8?B?${Buffer.from('Mise à jour 🚀').toString('base64')}?=`,
    );
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(request.headers.priority).toBe('3');
  });

  it('validates the config', () => {
    expect(ntfySchema.parse({ topic: 'x' }).url).toBe('https://ntfy.sh');
    expect(ntfySchema.safeParse({ topic: 'a/b' }).success).toBe(false);
    expect(ntfySchema.safeParse({ topic: 'a', priority: '6' }).success).toBe(false);
    expect(ntfySchema.safeParse({ topic: 'a', token: 't', user: 'u', password: 'p' }).success).toBe(
      false,
    );
    expect(encodeHeader('plain\r\nInjected: yes')).toBe('plain Injected: yes');
  });
});
