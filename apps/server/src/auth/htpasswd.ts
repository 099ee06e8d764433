import { createHash } from 'node:crypto';

/** htpasswd formats accepted from WUD's `AUTH_BASIC_{name}_HASH` (verify only; never produced). */
export function isSupportedHtpasswdHash(hashed: string): boolean {
  return /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hashed) || /^\$apr1\$[^$]{1,8}\$[./0-9A-Za-z]{22}$/.test(hashed) || /^\{SHA\}[A-Za-z0-9+/]{27}=$/.test(hashed);
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function to64(value: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += ITOA64[value & 0x3f];
    value >>= 6;
  }
  return out;
}

/** Apache's MD5-crypt variant (`htpasswd -m`), for verifying migrated WUD users only. */
export function apr1(password: string, saltText: string): string {
  const magic = '$apr1$';
  const pw = Buffer.from(password, 'utf8');
  const salt = Buffer.from(saltText.slice(0, 8), 'utf8');
  const md5 = (...parts: Buffer[]) => {
    const hash = createHash('md5');
    for (const part of parts) hash.update(part);
    return hash.digest();
  };
  let final = md5(pw, salt, pw);
  const context = createHash('md5');
  context.update(pw);
  context.update(magic);
  context.update(salt);
  for (let left = pw.length; left > 0; left -= 16) context.update(final.subarray(0, Math.min(left, 16)));
  for (let i = pw.length; i > 0; i >>= 1) context.update(i & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  final = context.digest();
  for (let i = 0; i < 1000; i++) {
    const parts: Buffer[] = [i & 1 ? pw : final];
    if (i % 3) parts.push(salt);
    if (i % 7) parts.push(pw);
    parts.push(i & 1 ? final : pw);
    final = md5(...parts);
  }
  const f = final;
  const encoded =
    to64((f[0] << 16) | (f[6] << 8) | f[12], 4) +
    to64((f[1] << 16) | (f[7] << 8) | f[13], 4) +
    to64((f[2] << 16) | (f[8] << 8) | f[14], 4) +
    to64((f[3] << 16) | (f[9] << 8) | f[15], 4) +
    to64((f[4] << 16) | (f[10] << 8) | f[5], 4) +
    to64(f[11], 2);
  return `${magic}${salt.toString('utf8')}$${encoded}`;
}
