import { createHash, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { apr1 } from './htpasswd';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** New passwords: argon2id only. */
export async function hashPassword(password: string): Promise<string> {
  const hashed = await argon2Hash(password, ARGON2_OPTIONS);
  if (!hashed.startsWith('$argon2id$')) throw new Error('argon2 did not produce an argon2id hash');
  return hashed;
}

function equalText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a password against a stored hash: argon2id (Tidewatch's own), or one of the htpasswd
 * formats WUD users bring (bcrypt, Apache MD5 `$apr1$`, `{SHA}`). Anything else never matches.
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    if (stored.startsWith('$argon2')) return await argon2Verify(stored, password);
    if (/^\$2[aby]\$/.test(stored)) return await bcrypt.compare(password, stored.replace(/^\$2y\$/, '$2b$'));
    if (stored.startsWith('$apr1$')) return equalText(apr1(password, stored.split('$')[2] ?? ''), stored);
    if (stored.startsWith('{SHA}')) return equalText(`{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}`, stored);
  } catch {
    return false;
  }
  return false;
}

/** A fixed argon2id hash, verified when a user does not exist so the answer takes as long. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('tidewatch-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
