// Shared by start.mjs and test.mjs: no dependencies, so they run on a fresh clone before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function mustRun(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed with exit code ${status}`);
    process.exit(status);
  }
}

/** Installs npm dependencies when they are missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional binaries
  // (@swc/core-darwin-*, …) out of the lock file and then refuses it in `npm ci`. With a lock
  // file that matches package.json, `npm install` installs exactly the locked versions.
  console.log('Installing npm dependencies (npm install from package-lock.json)…');
  mustRun('npm', ['install', '--no-audit', '--no-fund']);
}

/** Builds what is missing or stale; Nx's cache makes this a quick no-op on a built tree. */
export function build(projects) {
  const args = ['nx', 'run-many', '-t', 'build', '--output-style=stream'];
  if (projects) args.push(`--projects=${projects.join(',')}`);
  mustRun('npx', args);
}
