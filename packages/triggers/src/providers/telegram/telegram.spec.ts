import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleTriggerEvent } from '../../sample-event';
import { telegramSchema } from './telegram.schema';
import { telegramTriggerType } from './telegram.trigger';

const TOKEN = '123456789:AAHk-secret_Token';

describe('telegram trigger (local Bot API)', () => {
  let api: HttpReceiver;
  beforeEach(async () => {
    api = await startHttpReceiver(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true, result: { message_id: 77 } }),
    }));
  });
  afterEach(() => api.close());

  it('calls sendMessage with escaped HTML and keeps the token out of the summary', async () => {
    const trigger = telegramTriggerType.create(
      telegramSchema.parse({ bottoken: TOKEN, chatid: '-1001234567890', url: api.url }),
    );
    const ctx = testContext({ title: 'New tag for <nginx>', body: 'a & b' });
    const outcome = await trigger.notify(sampleTriggerEvent(), ctx);
    const [request] = api.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/bot${TOKEN}/sendMessage`);
    expect(JSON.parse(request.text)).toEqual({
      chat_id: '-1001234567890',
      text: '<b>New tag for &lt;nginx&gt;</b>\n\na &amp; b\n\n<a href="https://github.com/nginx/nginx/releases/tag/release-1.27.0">Release notes</a>',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      disable_notification: false,
    });
    expect(outcome.summary).toBe(`POST ${api.url}/bot****/sendMessage → 200`);
    expect(outcome.details).toMatchObject({ messageId: 77 });
    expect(ctx.logger.lines.join('\n')).not.toContain('AAHk');
  });

  it('reports a wrong chat as not retryable without leaking the token', async () => {
    api.reply(() => ({
      status: 400,
      body: JSON.stringify({
        ok: false,
        error_code: 400,
        description: 'Bad Request: chat not found',
      }),
    }));
    const trigger = telegramTriggerType.create(
      telegramSchema.parse({ bottoken: TOKEN, chatid: '@my_channel', url: api.url }),
    );
    const error: unknown = await trigger
      .notify(sampleTriggerEvent(), testContext())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect((error as Error).message).toContain('chat not found');
    expect((error as Error).message).not.toContain('AAHk');
  });

  it.each([
    [{ bottoken: 'nope', chatid: '1' }, 'bottoken'],
    [{ bottoken: TOKEN, chatid: 'general' }, 'chatid'],
  ])('rejects %j', (raw, key) => {
    const result = telegramSchema.safeParse(raw);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([key]);
  });
});
