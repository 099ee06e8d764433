import { z } from 'zod';
import {
  defaultedUrl,
  enumField,
  integerField,
  listField,
  optionalString,
  requiredString,
} from '../../schema/fields';

const E164 = /^\+[1-9][0-9]{6,14}$/;

export const smsSchema = z
  .object({
    provider: enumField(['twilio'], 'twilio', { help: "SMS API. Only Twilio's REST API for now." }),
    accountsid: requiredString({
      help: 'Twilio Account SID (AC followed by 32 hex digits).',
      example: 'AC0123456789abcdef0123456789abcdef',
      max: 34,
    }).refine((value) => /^AC[0-9a-fA-F]{32}$/.test(value), {
      error: 'must be AC followed by 32 hex digits',
    }),
    authtoken: optionalString({ help: 'Twilio Auth Token (or use APIKEY + APISECRET).' }),
    apikey: optionalString({
      help: 'Twilio API key SID (SK…), used with APISECRET instead of the auth token.',
      example: 'SK0123456789abcdef0123456789abcdef',
    }),
    apisecret: optionalString({ help: 'Secret of the Twilio API key.' }),
    from: requiredString({
      help: 'Sender: an E.164 number, an alphanumeric sender ID, or a Messaging Service SID (MG…).',
      example: '+15005550006',
      max: 34,
    }),
    to: listField({
      item: z.string().regex(E164, { error: 'recipients must be E.164 numbers like +41791234567' }),
      help: 'Recipients, comma-separated E.164 numbers. One message is sent per recipient.',
      example: '+41791234567,+33612345678',
    }),
    url: defaultedUrl('https://api.twilio.com', {
      schemes: ['https', 'http'],
      help: "API base URL (Twilio's by default; change it for a proxy or a test server).",
    }),
    max_segments: integerField(2, {
      help: 'Longest message in SMS segments (1–3): 160/306/459 GSM-7 characters, or 70/134/201 when the text needs Unicode. Longer text is cut with an ellipsis.',
      min: 1,
      max: 3,
    }),
    timeout: integerField(10000, {
      help: 'Milliseconds to wait for each API call.',
      min: 100,
      max: 120000,
    }),
  })
  .superRefine((config, ctx) => {
    if (!config.authtoken && !(config.apikey && config.apisecret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['authtoken'],
        message: 'is required (or set APIKEY and APISECRET)',
      });
    }
    if (config.apikey && !config.apisecret)
      ctx.addIssue({ code: 'custom', path: ['apisecret'], message: 'is required with APIKEY' });
  });

export type SmsConfig = z.infer<typeof smsSchema>;
