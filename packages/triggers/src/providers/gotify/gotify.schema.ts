import { z } from 'zod';
import { integerField, requiredString, requiredUrl } from '../../schema/fields';

export const gotifySchema = z.object({
  url: requiredUrl({
    schemes: ['https', 'http'],
    help: 'Gotify server URL.',
    example: 'https://gotify.example.com',
  }),
  token: requiredString({ help: 'Application token (Apps → create application).', max: 200 }),
  priority: integerField(5, {
    help: 'Message priority 0–10 (clients usually alert from 4 up, popup from 8).',
    min: 0,
    max: 10,
    example: '8',
  }),
  timeout: integerField(10000, {
    help: 'Milliseconds to wait for the server.',
    min: 100,
    max: 120000,
  }),
});

export type GotifyConfig = z.infer<typeof gotifySchema>;
