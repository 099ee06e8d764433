import { z } from 'zod';
import { integerField, optionalString, optionalUrl, requiredUrl } from '../../schema/fields';

export const discordSchema = z.object({
  url: requiredUrl({
    schemes: ['https', 'http'],
    help: 'Webhook URL (channel settings → Integrations → Webhooks). Secret: it is the credential.',
    example: 'https://discord.com/api/webhooks/123/abc',
  }),
  username: optionalString({
    help: 'Name shown as the message author (default: the webhook name).',
    example: 'Tidewatch',
    max: 80,
  }),
  avatar_url: optionalUrl({
    schemes: ['https', 'http'],
    help: 'Avatar image URL for the message author.',
  }),
  timeout: integerField(10000, {
    help: 'Milliseconds to wait for Discord.',
    min: 100,
    max: 120000,
  }),
});

export type DiscordConfig = z.infer<typeof discordSchema>;
