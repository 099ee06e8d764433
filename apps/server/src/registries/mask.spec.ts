import { maskConfiguration, maskSecret } from './mask';

describe('maskSecret', () => {
  it.each([
    [undefined, undefined],
    ['', ''],
    ['a', '****'],
    ['short123', '****'],
    ['123456789', '****'],
    ['abcdefghyz', 'ab****yz'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'gh****yz'],
  ])('%j → %j', (value, expected) => {
    expect(maskSecret(value)).toBe(expected);
  });
});

describe('maskConfiguration', () => {
  it('masks only secret keys and drops undefined values', () => {
    expect(
      maskConfiguration({ login: 'alice', password: 'correct-horse-battery', token: undefined }, [
        'password',
        'token',
      ]),
    ).toEqual({
      login: 'alice',
      password: 'co****ry',
    });
  });
});
