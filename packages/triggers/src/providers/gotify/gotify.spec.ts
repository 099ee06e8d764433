import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleTriggerEvent } from '../../sample-event';
import { gotifySchema } from './gotify.schema';
import { gotifyTriggerType } from './gotify.trigger';

describe('gotify trigger (local server)', () => {
  let server: HttpReceiver;
  beforeEach(async () => {
    server = await startHttpReceiver(() => ({ status: 200, body: JSON.stringify({ id: 12 }) }));
  });
  afterEach(() => server.close());

  it('POSTs /message?token= with title, message and priority, token masked in the summary', async () => {
    const trigger = gotifyTriggerType.create(
      gotifySchema.parse({ url: `${server.url}/gotify/`, token: 'AppTok.123', priority: '8' }),
    );
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'T', body: 'B' }),
    );
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/gotify/message?token=AppTok.123');
    expect(JSON.parse(request.text)).toEqual({
      title: 'T',
      message: 'B',
      priority: 8,
      extras: {
        'client::display': { contentType: 'text/plain' },
        'client::notification': {
          click: { url: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0' },
        },
      },
    });
    expect(outcome.summary).toBe(`POST ${server.url}/gotify/message?token=**** → 200`);
    expect(outcome.details).toMatchObject({ id: 12 });
  });

  it('maps 401 to not retryable', async () => {
    server.reply(() => ({
      status: 401,
      body: JSON.stringify({ error: 'Unauthorized', errorCode: 401 }),
    }));
    const trigger = gotifyTriggerType.create(gotifySchema.parse({ url: server.url, token: 'bad' }));
    await expect(trigger.notify(sampleTriggerEvent(), testContext())).rejects.toMatchObject({
      retryable: false,
      status: 401,
    });
  });

  it('defaults priority to 5 and requires url and token', () => {
    expect(gotifySchema.parse({ url: 'https://g.example', token: 't' }).priority).toBe(5);
    expect(gotifySchema.safeParse({ url: 'https://g.example' }).success).toBe(false);
  });
});
