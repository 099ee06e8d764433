import { z } from 'zod';
import { booleanField, defaultedUrl, integerField, requiredString } from '../../schema/fields';

export const telegramSchema = z.object({
  bottoken: requiredString({
    help: 'Bot token from @BotFather.',
    example: '123456789:AAHk…',
    max: 200,
  }).refine((value) => /^\d+:[A-Za-z0-9_-]+$/.test(value), {
    error: 'must look like 123456789:ABC… (from @BotFather)',
  }),
  chatid: requiredString({
    help: 'Chat ID (number, negative for groups) or @channelusername.',
    example: '-1001234567890',
    max: 100,
  }).refine((value) => /^-?\d+$/.test(value) || /^@[A-Za-z0-9_]{4,}$/.test(value), {
    error: 'must be a number or @channelusername',
  }),
  url: defaultedUrl('https://api.telegram.org', {
    schemes: ['https', 'http'],
    help: 'Bot API base URL (change it for a local Bot API server or a test server).',
  }),
  disable_notification: booleanField(false, { help: 'Send silently (no sound on the phone).' }),
  timeout: integerField(10000, {
    help: 'Milliseconds to wait for Telegram.',
    min: 100,
    max: 120000,
  }),
});

export type TelegramConfig = z.infer<typeof telegramSchema>;
