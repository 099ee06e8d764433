import { needsCsrf, readCookie, safeNext } from './csrf';

describe('CSRF helpers', () => {
  it('reads a cookie among others', () => {
    expect(readCookie('a=1; tidewatch_csrf=abc%2Bdef; b=2', 'tidewatch_csrf')).toBe('abc+def');
    expect(readCookie('tidewatch_csrf_other=1', 'tidewatch_csrf')).toBeUndefined();
    expect(readCookie('', 'tidewatch_csrf')).toBeUndefined();
  });

  it.each([
    ['GET', '/api/containers', false],
    ['HEAD', '/api/containers', false],
    ['POST', '/api/containers/watch', true],
    ['DELETE', 'http://tw.local/api/containers/x', true],
    ['POST', 'https://elsewhere.example/api', false],
  ])('%s %s needs the header: %s', (method, url, expected) => {
    expect(needsCsrf(method, url, 'http://tw.local')).toBe(expected);
  });

  it.each([
    ['/containers?x=1', '/containers?x=1'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login?next=/x', '/'],
    [null, '/'],
  ])('next %s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
