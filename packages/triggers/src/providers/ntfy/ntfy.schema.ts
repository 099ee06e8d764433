import { z } from 'zod';
import { defaultedUrl, integerField, optionalString, requiredString } from '../../schema/fields';

export const ntfySchema = z
  .object({
    url: defaultedUrl('https://ntfy.sh', {
      schemes: ['https', 'http'],
      help: 'ntfy server URL.',
      example: 'https://ntfy.example.com',
    }),
    topic: requiredString({
      help: 'Topic to publish to (letters, digits, - and _).',
      example: 'tidewatch-updates',
      max: 64,
    }).refine((value) => /^[-_A-Za-z0-9]{1,64}$/.test(value), {
      error: 'may only contain letters, digits, - and _',
    }),
    token: optionalString({ help: 'Access token (tk_…) for protected topics.' }),
    user: optionalString({ help: 'User for basic authentication (instead of a token).' }),
    password: optionalString({ help: 'Password for basic authentication.' }),
    priority: integerField(3, {
      help: 'Message priority: 1 (min) to 5 (max); 3 is the default.',
      min: 1,
      max: 5,
      example: '4',
    }),
    tags: optionalString({
      help: 'Comma-separated tags or emoji short codes shown with the message.',
      example: 'whale,arrow_up',
      max: 200,
    }),
    timeout: integerField(10000, {
      help: 'Milliseconds to wait for the server.',
      min: 100,
      max: 120000,
    }),
  })
  .superRefine((config, ctx) => {
    if (config.token && config.user)
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'set either TOKEN or USER/PASSWORD, not both',
      });
    if (config.user && config.password === undefined)
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'is required with USER' });
  });

export type NtfyConfig = z.infer<typeof ntfySchema>;
