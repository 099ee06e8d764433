// A minimal ustar writer (directories, regular files, symlinks) — enough for image layers, and
// independent of files changing on disk while another build reads them.

export type TarEntry =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; data: Buffer; mode?: number }
  | { type: 'symlink'; path: string; target: string };

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(
  name: string,
  size: number,
  mode: number,
  typeflag: string,
  linkname: string,
  mtime: number,
): Buffer {
  if (Buffer.byteLength(name) > 100 || Buffer.byteLength(linkname) > 100)
    throw new Error(`tar path too long: ${name}`);
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 8, 'ascii');
  h.write(octal(0, 8), 108, 8, 'ascii');
  h.write(octal(0, 8), 116, 8, 'ascii');
  h.write(octal(size, 12), 124, 12, 'ascii');
  h.write(octal(mtime, 12), 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii');
  h.write(typeflag, 156, 1, 'ascii');
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write('root', 265, 32, 'ascii');
  h.write('root', 297, 32, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 8, 'ascii');
  return h;
}

/** Builds an uncompressed tar archive (paths relative, e.g. "bin/sh"; "./" prefixes added). */
export function makeTar(entries: TarEntry[], mtime = 0): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = `./${e.path.replace(/^\.?\//, '')}${e.type === 'dir' && !e.path.endsWith('/') ? '/' : ''}`;
    if (e.type === 'dir') parts.push(header(name, 0, e.mode ?? 0o755, '5', '', mtime));
    else if (e.type === 'symlink') parts.push(header(name, 0, 0o777, '2', e.target, mtime));
    else {
      parts.push(header(name, e.data.length, e.mode ?? 0o644, '0', '', mtime));
      parts.push(e.data);
      const pad = (512 - (e.data.length % 512)) % 512;
      if (pad) parts.push(Buffer.alloc(pad, 0));
    }
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}
