import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleTriggerEvent } from '../../sample-event';
import { discordSchema } from './discord.schema';
import { discordTriggerType } from './discord.trigger';

describe('discord trigger (local receiver)', () => {
  let receiver: HttpReceiver;
  beforeEach(async () => {
    receiver = await startHttpReceiver(() => ({ status: 204, body: '' }));
  });
  afterEach(() => receiver.close());

  it('posts one embed with fields, link and mentions disabled', async () => {
    const trigger = discordTriggerType.create(
      discordSchema.parse({
        url: `${receiver.url}/api/webhooks/123/tok-abc`,
        username: 'Tidewatch',
      }),
    );
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'New tag for nginx', body: '@everyone nginx can be updated' }),
    );
    const [request] = receiver.requests;
    expect(request.url).toBe('/api/webhooks/123/tok-abc');
    expect(JSON.parse(request.text)).toEqual({
      username: 'Tidewatch',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'New tag for nginx',
          description: '@everyone nginx can be updated',
          url: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
          color: 0x2f81f7,
          timestamp: '2024-06-01T12:00:00.000Z',
          footer: { text: 'Tidewatch' },
          fields: [
            { name: 'Current', value: '1.25.3', inline: true },
            { name: 'Available', value: '1.27.0', inline: true },
            { name: 'Host', value: 'local', inline: true },
          ],
        },
      ],
    });
    expect(outcome.summary).toBe(`POST ${receiver.url}/api/webhooks/123/**** → 204`);
  });

  it('colours failures red and clips long text to Discord limits', async () => {
    const trigger = discordTriggerType.create(
      discordSchema.parse({ url: `${receiver.url}/api/webhooks/1/t` }),
    );
    await trigger.notifyBatch(
      [sampleTriggerEvent('update-failed'), sampleTriggerEvent('update-failed')],
      testContext({ title: 'x'.repeat(300), body: 'y'.repeat(5000) }),
    );
    const embed = (
      JSON.parse(receiver.requests[0].text) as {
        embeds: { title: string; description: string; color: number; fields?: unknown }[];
      }
    ).embeds[0];
    expect(embed.color).toBe(0xcf222e);
    expect(embed.title).toHaveLength(256);
    expect(embed.description).toHaveLength(4096);
    expect(embed.fields).toBeUndefined();
  });
});
