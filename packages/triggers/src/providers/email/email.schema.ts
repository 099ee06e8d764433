import { z } from 'zod';
import {
  booleanField,
  emailAddress,
  emailListField,
  integerField,
  optionalString,
  requiredString,
} from '../../schema/fields';

export const emailSchema = z.object({
  host: requiredString({
    help: 'SMTP server host name or IP.',
    example: 'smtp.gmail.com',
    max: 255,
  }),
  port: integerField(587, {
    help: 'SMTP port: 587 (submission, STARTTLS), 465 (implicit TLS), 25.',
    min: 1,
    max: 65535,
    example: '465',
  }),
  user: optionalString({
    help: 'SMTP user (empty = no authentication).',
    example: 'alerts@example.com',
  }),
  pass: optionalString({ help: 'SMTP password.' }),
  from: requiredString({
    help: 'Sender address ("Name <addr>" allowed).',
    example: 'Tidewatch <tidewatch@example.com>',
    max: 320,
  }).refine((value) => emailAddress(value) !== null, { error: 'is not an e-mail address' }),
  to: emailListField({
    help: 'Recipients, comma-separated.',
    example: 'ops@example.com, me@example.com',
  }),
  tls_enabled: booleanField(false, {
    help: 'true: implicit TLS from the first byte (port 465); false: plain connection upgraded with STARTTLS when the server offers it.',
  }),
  tls_verify: booleanField(true, {
    help: "Verify the server's certificate. false only for self-signed test servers.",
  }),
  timeout: integerField(30000, {
    help: 'Milliseconds allowed for connecting, greeting and each SMTP step.',
    min: 1000,
    max: 300000,
    example: '10000',
  }),
});

export type EmailConfig = z.infer<typeof emailSchema>;
