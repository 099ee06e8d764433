import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleContainer, sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import { slackSchema } from './slack.schema';
import { escapeSlack, slackTriggerType } from './slack.trigger';

describe('slack trigger (local receiver)', () => {
  let receiver: HttpReceiver;
  beforeEach(async () => {
    receiver = await startHttpReceiver();
  });
  afterEach(() => receiver.close());

  it('posts text and blocks with an escaped body and a release button', async () => {
    const trigger = slackTriggerType.create(
      slackSchema.parse({ url: `${receiver.url}/services/T1/B2/secret-xyz` }),
    );
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'New tag for nginx', body: 'nginx <1.25.3> & co' }),
    );
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/services/T1/B2/secret-xyz');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.text)).toEqual({
      text: 'New tag for nginx\nnginx &lt;1.25.3&gt; &amp; co',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'New tag for nginx', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'nginx &lt;1.25.3&gt; &amp; co' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Release notes' },
              url: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
            },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Tidewatch · update-available' }] },
      ],
    });
    expect(outcome.summary).toBe(`POST ${receiver.url}/**** → 200`);
  });

  it('omits the button for a batch and for non-http links', async () => {
    const trigger = slackTriggerType.create(slackSchema.parse({ url: `${receiver.url}/hook` }));
    await trigger.notifyBatch([sampleTriggerEvent(), sampleTriggerEvent()], testContext());
    const hostile = sampleTriggerEvent('update-available', {
      container: sampleContainer({
        result: { tag: '2', digest: null, created: null, link: 'javascript:alert(1)' },
      }),
    });
    await trigger.notify(hostile, testContext());
    for (const request of receiver.requests) {
      const blocks = (JSON.parse(request.text) as { blocks: { type: string }[] }).blocks;
      expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    }
  });

  it('maps Slack errors', async () => {
    receiver.reply(() => ({ status: 404, body: 'no_service' }));
    const trigger = slackTriggerType.create(slackSchema.parse({ url: `${receiver.url}/hook` }));
    await expect(trigger.notify(sampleTriggerEvent(), testContext())).rejects.toMatchObject({
      retryable: false,
      status: 404,
      message: expect.stringContaining('no_service'),
    });
    receiver.reply(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    const error: unknown = await trigger
      .notify(sampleTriggerEvent(), testContext())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TriggerDeliveryError);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 30000 });
  });

  it('escapes mrkdwn control characters', () => {
    expect(escapeSlack('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });
});
