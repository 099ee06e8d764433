import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it.each(['', 'hunter2', 'ünïcødé 🔑', 'x'.repeat(10_000)])('round-trips %j without storing it in clear', (secret) => {
    const box = new SecretBox('configured key');
    const sealed = box.encrypt(secret);
    if (secret) expect(sealed).not.toContain(secret);
    expect(box.decrypt(sealed)).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox('k');
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = new SecretBox('k1').encrypt('secret');
    expect(() => new SecretBox('k2').decrypt(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => new SecretBox('k1').decrypt([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => new SecretBox('k1').decrypt('garbage')).toThrow('Unreadable encrypted secret');
  });

  it('generates a key file once (0600) when no key is configured, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-secret-'));
    const sealed = SecretBox.fromConfig(undefined, dir).encrypt('token');
    const keyFile = join(dir, 'secret.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    expect(SecretBox.fromConfig(undefined, dir).decrypt(sealed)).toBe('token');
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    rmSync(dir, { recursive: true, force: true });
  });
});
