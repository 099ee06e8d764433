import { z } from 'zod';
import {
  enumField,
  integerField,
  optionalEnumField,
  optionalString,
  requiredUrl,
} from '../../schema/fields';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers Tidewatch sets itself; configuring them is a mistake worth reporting at boot. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'idempotency-key',
  'user-agent',
  'x-tidewatch-signature',
  'x-tidewatch-event',
  'transfer-encoding',
  'connection',
]);

/**
 * Parses `Name: value; Name2: value2` (`;` or line breaks between headers).
 * @throws Error naming the bad entry.
 */
export function parseHeaders(text: string | undefined): [string, string][] {
  if (text === undefined || text.trim() === '') return [];
  const headers: [string, string][] = [];
  for (const entry of text.split(/[;\n]/)) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    const name = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    if (colon === -1 || !HEADER_NAME.test(name))
      throw new Error(`"${entry.trim().slice(0, 40)}" is not "Name: value"`);
    const value = entry.slice(colon + 1).trim();
    if (/[\r\0]/.test(value) || /[^\u0000-\u00ff]/.test(value))
      throw new Error(`header ${name} has characters HTTP headers cannot carry`);
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      throw new Error(`header ${name} is set by Tidewatch and cannot be configured`);
    headers.push([name, value]);
  }
  return headers;
}

export const webhookSchema = z
  .object({
    url: requiredUrl({
      schemes: ['http', 'https'],
      help: 'Receiver URL (http or https).',
      example: 'https://hooks.example.com/tidewatch',
    }),
    method: enumField(['POST', 'GET'], 'POST', {
      help: 'POST sends the JSON body; GET sends the flattened container as query parameters.',
    }),
    headers: optionalString({
      help: 'Extra headers as "Name: value; Name2: value2". Treated as secret (they often carry API keys).',
      example: 'X-Api-Key: abc123; X-Env: prod',
      max: 8192,
    }),
    auth_type: optionalEnumField(['basic', 'bearer'], {
      help: 'Authentication: basic (AUTH_USER + AUTH_PASSWORD) or bearer (AUTH_BEARER). Empty = none.',
    }),
    auth_user: optionalString({
      help: 'User name for basic authentication.',
      example: 'tidewatch',
    }),
    auth_password: optionalString({ help: 'Password for basic authentication.' }),
    auth_bearer: optionalString({
      help: 'Token for bearer authentication (sent as "Authorization: Bearer <token>").',
    }),
    secret: optionalString({
      help: 'Shared secret: each request carries X-Tidewatch-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes> (GET: of the query string).',
    }),
    format: enumField(['json', 'cloudevents'], 'json', {
      help: 'json: the container object (array in batch mode); cloudevents: a CloudEvents 1.0 structured envelope (batch: a CloudEvents batch).',
    }),
    payload: enumField(['container', 'event'], 'container', {
      help: "container: WUD's body, the container object; event: {id, kind, occurredAt, message, container} (carries failure messages).",
    }),
    source: optionalString({
      help: 'CloudEvents "source" attribute (a URI reference).',
      example: 'https://tidewatch.example.com',
      max: 512,
    }),
    timeout: integerField(10000, {
      help: 'Milliseconds to wait for the answer.',
      min: 100,
      max: 300000,
      example: '5000',
    }),
  })
  .superRefine((config, ctx) => {
    try {
      const headers = parseHeaders(config.headers);
      if (config.auth_type && headers.some(([name]) => name.toLowerCase() === 'authorization')) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers'],
          message: 'sets Authorization while AUTH_TYPE is set; use one or the other',
        });
      }
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['headers'], message: (error as Error).message });
    }
    if (config.auth_type === 'basic' && (!config.auth_user || config.auth_password === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [config.auth_user ? 'auth_password' : 'auth_user'],
        message: 'is required when AUTH_TYPE is basic',
      });
    }
    if (config.auth_type === 'bearer' && !config.auth_bearer) {
      ctx.addIssue({
        code: 'custom',
        path: ['auth_bearer'],
        message: 'is required when AUTH_TYPE is bearer',
      });
    }
  });

export type WebhookConfig = z.infer<typeof webhookSchema>;
