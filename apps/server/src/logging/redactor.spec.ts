import { SecretRedactor, redactingDestination, scrubUrl } from './redactor';

describe('SecretRedactor', () => {
  const redactor = new SecretRedactor([
    's3cr3t-pass',
    'with "quotes" \\ and',
    'pa ss@word/1',
    'ab',
  ]);

  it.each([
    ['plain', 'password is s3cr3t-pass!', 'password is [REDACTED]!'],
    ['JSON-escaped', JSON.stringify({ msg: 'with "quotes" \\ and' }), '{"msg":"[REDACTED]"}'],
    [
      'percent-encoded in a URL',
      `postgres://u:${encodeURIComponent('pa ss@word/1')}@db/x`,
      'postgres://u:[REDACTED]@db/x',
    ],
    ['form-encoded', 'pass=pa+ss%40word%2F1', 'pass=[REDACTED]'],
    ['several times', 's3cr3t-pass s3cr3t-pass', '[REDACTED] [REDACTED]'],
    ['nothing secret', 'hello world', 'hello world'],
  ])('%s', (_name, input, expected) => {
    expect(redactor.redact(input)).toBe(expected);
  });

  it('masks the longest secret first', () => {
    const nested = new SecretRedactor(['token', 'token-extended-value']);
    expect(nested.redact('x token-extended-value y token')).toBe('x [REDACTED] y [REDACTED]');
  });

  it('learns secrets later', () => {
    const later = new SecretRedactor();
    expect(later.redact('new-secret-1')).toBe('new-secret-1');
    later.add(['new-secret-1', undefined, null, '']);
    expect(later.redact('a new-secret-1')).toBe('a [REDACTED]');
    expect(later.size).toBe(1);
  });

  it('scrubs what goes through a destination', () => {
    const lines: string[] = [];
    redactingDestination(redactor, { write: (line) => lines.push(line) }).write(
      '{"msg":"s3cr3t-pass"}\n',
    );
    expect(lines).toEqual(['{"msg":"[REDACTED]"}\n']);
  });
});

describe('scrubUrl', () => {
  it.each([
    ['/api/webhooks/registry/hub?token=abc', '/api/webhooks/registry/hub?token=[REDACTED]'],
    ['/x?a=1&access_token=zz&b=2', '/x?a=1&access_token=[REDACTED]&b=2'],
    ['/x?limit=10', '/x?limit=10'],
    ['/x', '/x'],
  ])('%s', (input, expected) => {
    expect(scrubUrl(input)).toBe(expected);
  });
});
