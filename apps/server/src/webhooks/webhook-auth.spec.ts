import { createHmac } from 'node:crypto';
import { authenticateWebhook, bearerToken, safeEqual } from './webhook-auth';

const TOKEN = 'wh-secret-0123456789';
const body = Buffer.from('{"events":[]}');
const sign = (secret: string, raw: Buffer = body) =>
  createHmac('sha256', secret).update(raw).digest('hex');

describe('authenticateWebhook', () => {
  it.each([
    ['bearer', { authorization: `Bearer ${TOKEN}` }, undefined, 'bearer'],
    [
      'bearer, lower-case scheme and extra spaces',
      { authorization: `bearer   ${TOKEN} ` },
      undefined,
      'bearer',
    ],
    ['query token', {}, TOKEN, 'query-token'],
    [
      'GitHub X-Hub-Signature-256',
      { 'x-hub-signature-256': `sha256=${sign(TOKEN)}` },
      undefined,
      'hmac',
    ],
    ['Gitea X-Gitea-Signature (bare hex)', { 'x-gitea-signature': sign(TOKEN) }, undefined, 'hmac'],
    [
      'Forgejo X-Forgejo-Signature',
      { 'x-forgejo-signature': sign(TOKEN).toUpperCase() },
      undefined,
      'hmac',
    ],
    [
      'a wrong bearer, then a good signature',
      { authorization: 'Bearer nope', 'x-hub-signature-256': `sha256=${sign(TOKEN)}` },
      undefined,
      'hmac',
    ],
  ] as const)('accepts %s', (_name, headers, queryToken, method) => {
    expect(authenticateWebhook(TOKEN, { headers, queryToken, rawBody: body })).toBe(method);
  });

  it.each([
    ['no credentials', {}, undefined],
    ['a wrong bearer', { authorization: 'Bearer wh-secret-0123456788' }, undefined],
    ['a bearer prefix of the token', { authorization: 'Bearer wh-secret' }, undefined],
    ['the token with another scheme', { authorization: `Basic ${TOKEN}` }, undefined],
    ['a wrong query token', {}, 'x'],
    ['an empty query token', {}, ''],
    [
      'a signature with another secret',
      { 'x-hub-signature-256': `sha256=${sign('other')}` },
      undefined,
    ],
    [
      'a signature of another body',
      { 'x-hub-signature-256': `sha256=${sign(TOKEN, Buffer.from('{}'))}` },
      undefined,
    ],
    [
      'a SHA-1 signature header',
      { 'x-hub-signature': `sha1=${createHmac('sha1', TOKEN).update(body).digest('hex')}` },
      undefined,
    ],
  ] as const)('refuses %s', (_name, headers, queryToken) => {
    expect(authenticateWebhook(TOKEN, { headers, queryToken, rawBody: body })).toBeUndefined();
  });

  it('refuses everything when the registry has no token', () => {
    expect(
      authenticateWebhook(undefined, { headers: { authorization: 'Bearer ' }, rawBody: body }),
    ).toBeUndefined();
    expect(
      authenticateWebhook('', {
        headers: { authorization: 'Bearer ' },
        queryToken: '',
        rawBody: body,
      }),
    ).toBeUndefined();
  });
});

describe('helpers', () => {
  it('compares strings', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer x.y.z')).toBe('x.y.z');
    expect(bearerToken('Token x')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
  });
});
