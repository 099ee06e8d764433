import { redact, redactValue, secretValues, stripUrlCredentials } from './redact';
import { displayUrl } from './http/send-http';

describe('redact', () => {
  it.each([
    ['password is hunter2', ['hunter2'], 'password is ****'],
    ['a=p@ss w0rd&b=p%40ss%20w0rd&c=p%40ss+w0rd', ['p@ss w0rd'], 'a=****&b=****&c=****'],
    ['token abc and abcdef', ['abc', 'abcdef'], 'token **** and ****'],
    ['nothing here', ['', undefined, null], 'nothing here'],
    ['x.y+z', ['x.y+z'], '****'],
    ['repeat s s s', ['s'], 'repeat **** **** ****'],
  ])('%s', (text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });

  it('redacts nested details', () => {
    expect(redactValue({ a: ['tok', { b: 'my tok' }], n: 1 }, ['tok'])).toEqual({
      a: ['****', { b: 'my ****' }],
      n: 1,
    });
  });

  it('collects secret values from a config', () => {
    expect(
      secretValues({ pass: 'p', user: 'u', token: '', other: 3 }, ['pass', 'token', 'other']),
    ).toEqual(['p']);
  });

  it('strips credentials from URLs and masks sensitive query values', () => {
    expect(stripUrlCredentials('https://u:p@host/x')).toBe('https://host/x');
    expect(stripUrlCredentials('not a url')).toBe('not a url');
    expect(displayUrl('https://u:p@host/hook?token=abc&team=ops&api_key=k', [])).toBe(
      'https://host/hook?token=****&team=ops&api_key=****',
    );
    expect(displayUrl('https://api.telegram.org/bot123:SECRET/sendMessage', ['123:SECRET'])).toBe(
      'https://api.telegram.org/bot****/sendMessage',
    );
  });
});
