import { z } from 'zod';
import { integerField, requiredUrl } from '../../schema/fields';

export const slackSchema = z.object({
  url: requiredUrl({
    schemes: ['https', 'http'],
    help: 'Incoming webhook URL (Slack app → Incoming Webhooks). Secret: it is the credential.',
    example: 'https://hooks.slack.com/services/T000/B000/XXXX',
  }),
  timeout: integerField(10000, { help: 'Milliseconds to wait for Slack.', min: 100, max: 120000 }),
});

export type SlackConfig = z.infer<typeof slackSchema>;
