import { isSupportedHtpasswdHash } from './htpasswd';
import { hashPassword, verifyPassword } from './password-hasher';

// Made with Apache's htpasswd for the password "wud-secret" (-B bcrypt, -m apr1, -s SHA, -d crypt, -p plain).
const HTPASSWD = {
  bcrypt: '$2y$05$8g3yftVxTmswRpdmUBdoae8s4L.0GxA3wkRXC6rmvT1fSHsc2rAXy',
  apr1: '$apr1$H2zTzqBY$gf/4BzU2qTfmzGrOphZjd/',
  sha: '{SHA}nPsg70A3NtQqN+ZX2UubRmqy2j0=',
  crypt: 'kKjGTn0S/uoMM',
  plain: 'wud-secret',
};

describe('password hashing', () => {
  it('hashes new passwords with argon2id, salted', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword(first, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(first, 'correct horse batter')).resolves.toBe(false);
  });

  it.each(['bcrypt', 'apr1', 'sha'] as const)('verifies WUD htpasswd %s hashes', async (kind) => {
    expect(isSupportedHtpasswdHash(HTPASSWD[kind])).toBe(true);
    await expect(verifyPassword(HTPASSWD[kind], 'wud-secret')).resolves.toBe(true);
    await expect(verifyPassword(HTPASSWD[kind], 'wud-secreT')).resolves.toBe(false);
    await expect(verifyPassword(HTPASSWD[kind], '')).resolves.toBe(false);
  });

  it.each(['crypt', 'plain'] as const)('refuses weak htpasswd formats (%s)', async (kind) => {
    expect(isSupportedHtpasswdHash(HTPASSWD[kind])).toBe(false);
    await expect(verifyPassword(HTPASSWD[kind], 'wud-secret')).resolves.toBe(false);
  });

  it('never matches garbage or truncated hashes', async () => {
    for (const stored of ['', '$argon2id$', '$2y$05$short', '$apr1$$', '{SHA}', '$1$abc$def']) {
      await expect(verifyPassword(stored, '')).resolves.toBe(false);
    }
  });
});
