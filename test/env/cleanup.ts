// Process-wide registry of started resources (engines, registries, databases, servers) and the
// safety nets that stop them however the process ends.
//
// Three layers:
//  1. stopAll(): the normal, async path — every resource's own stop(), newest first.
//  2. Handlers on `exit` (synchronous), SIGINT, SIGTERM and uncaughtException in the real process.
//  3. A reaper: a tiny detached node process holding a pipe from this process. When the pipe
//     closes (this process exited, even by SIGKILL or a jest worker being torn down, where
//     `process.on` of the sandboxed `process` object never fires) it replays the recorded
//     cleanup steps. It exits as soon as nothing is registered any more.
// The cleanup steps are plain data (kill this PID if its command line still names our temp dir,
// remove containers on this socket, unmount and delete this dir), so a separate process can run them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type CleanupStep =
  /** `docker rm -f` every container of the engine listening on this unix socket (if it answers). */
  | { op: 'docker-rm-all'; socket: string }
  /** Signal a PID (only if its /proc cmdline contains `match`), wait up to graceMs, then SIGKILL. */
  | {
      op: 'kill';
      pid: number;
      match: string;
      signal?: 'SIGTERM' | 'SIGINT' | 'SIGQUIT';
      graceMs?: number;
    }
  /** SIGKILL every process whose command line contains `match`, with all its descendants. */
  | { op: 'kill-tree-matching'; match: string }
  /** `umount -l` every mount point at or below path. */
  | { op: 'umount-under'; path: string }
  /** rm -rf. */
  | { op: 'rm'; path: string };

interface Entry {
  id: number;
  name: string;
  stop: () => Promise<void>;
  steps: CleanupStep[];
}

export interface ResourceHandle {
  readonly id: number;
  readonly name: string;
  /** Replace the recorded emergency steps (e.g. after a restart changed the PID). */
  setSteps(steps: CleanupStep[]): void;
  /** Forget the resource (call at the end of its stop()). */
  unregister(): void;
}

// The reaper: plain JavaScript run by `node -e`, argv: manifestPath [--now].
const REAPER_JS = String.raw`
'use strict';
const fs = require('fs');
const cp = require('child_process');
const manifestPath = process.argv[1];
const now = process.argv[2] === '--now';
function sleepSync(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }
function stat(pid) {
  try {
    const s = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], ppid: Number(rest[1]) };
  } catch (e) { return null; }
}
function alive(pid) { const s = stat(pid); return !!s && s.state !== 'Z' && s.state !== 'X'; }
function cmdline(pid) { try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').split('\0').join(' '); } catch (e) { return ''; } }
function pids() { return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number); }
function kill(pid, sig) { try { process.kill(pid, sig); } catch (e) { /* gone */ } }
function waitGone(pid, ms) { const end = Date.now() + ms; while (Date.now() < end) { if (!alive(pid)) return true; sleepSync(50); } return !alive(pid); }
function mountsUnder(dir) {
  let t = '';
  try { t = fs.readFileSync('/proc/self/mounts', 'utf8'); } catch (e) { return []; }
  const out = new Set();
  for (const line of t.split('\n')) {
    const f = line.split(' ')[1];
    if (!f) continue;
    const p = f.replace(/\\([0-7]{3})/g, (m, o) => String.fromCharCode(parseInt(o, 8)));
    if (p === dir || p.startsWith(dir + '/')) out.add(p);
  }
  return Array.from(out).sort((a, b) => b.length - a.length);
}
function step(s) {
  switch (s.op) {
    case 'docker-rm-all': {
      if (!fs.existsSync(s.socket)) return;
      const env = Object.assign({}, process.env);
      delete env.DOCKER_HOST; delete env.DOCKER_CONTEXT;
      const ls = cp.spawnSync('docker', ['-H', 'unix://' + s.socket, 'ps', '-aq'], { encoding: 'utf8', timeout: 10000, env });
      const ids = (ls.stdout || '').split('\n').map((x) => x.trim()).filter(Boolean);
      if (ids.length) cp.spawnSync('docker', ['-H', 'unix://' + s.socket, 'rm', '-f'].concat(ids), { timeout: 30000, env, stdio: 'ignore' });
      return;
    }
    case 'kill': {
      if (!alive(s.pid) || !cmdline(s.pid).includes(s.match)) return;
      kill(s.pid, s.signal || 'SIGTERM');
      if (!waitGone(s.pid, s.graceMs == null ? 10000 : s.graceMs)) { kill(s.pid, 'SIGKILL'); waitGone(s.pid, 5000); }
      return;
    }
    case 'kill-tree-matching': {
      const all = pids();
      const children = new Map();
      for (const p of all) { const st = stat(p); if (st) { if (!children.has(st.ppid)) children.set(st.ppid, []); children.get(st.ppid).push(p); } }
      const victims = new Set();
      const visit = (p) => { if (victims.has(p) || p === process.pid || p === process.ppid || p <= 1) return; victims.add(p); for (const c of children.get(p) || []) visit(c); };
      for (const p of all) if (p !== process.pid && cmdline(p).includes(s.match)) visit(p);
      for (const p of victims) kill(p, 'SIGKILL');
      for (const p of victims) waitGone(p, 2000);
      return;
    }
    case 'umount-under': {
      for (let i = 0; i < 3; i++) {
        const ms = mountsUnder(s.path);
        if (!ms.length) return;
        for (const m of ms) cp.spawnSync('umount', ['-l', m], { stdio: 'ignore', timeout: 10000 });
      }
      return;
    }
    case 'rm': {
      try { fs.rmSync(s.path, { recursive: true, force: true, maxRetries: 3 }); } catch (e) {
        for (const m of mountsUnder(s.path)) cp.spawnSync('umount', ['-l', m], { stdio: 'ignore', timeout: 10000 });
        try { fs.rmSync(s.path, { recursive: true, force: true, maxRetries: 3 }); } catch (e2) { /* best effort */ }
      }
      return;
    }
  }
}
function reap() {
  let m = null;
  try { m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')); } catch (e) { m = null; }
  if (m && Array.isArray(m.resources)) {
    for (const r of m.resources.slice().reverse()) {
      for (const s of r.steps) { try { step(s); } catch (e) { /* keep going */ } }
    }
  }
  try { fs.rmSync(manifestPath, { force: true }); } catch (e) { /* ignore */ }
}
if (now) { reap(); process.exit(0); }
process.stdin.on('data', () => undefined);
process.stdin.on('close', () => { reap(); process.exit(0); });
process.stdin.on('end', () => { reap(); process.exit(0); });
process.stdin.resume();
`;

const entries: Entry[] = [];
let nextId = 1;
let reaper: ChildProcess | undefined;
let manifestPath: string | undefined;
let handlersInstalled = false;
let stopping: Promise<void> | undefined;

function writeManifest(): void {
  if (entries.length === 0) {
    // Nothing left: let the reaper go (it finds no manifest and exits).
    if (manifestPath) fs.rmSync(manifestPath, { force: true });
    if (reaper) {
      reaper.stdin?.end();
      reaper = undefined;
    }
    manifestPath = undefined;
    return;
  }
  if (!manifestPath) {
    manifestPath = path.join(
      os.tmpdir(),
      `tw-reaper-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`,
    );
  }
  const data = {
    pid: process.pid,
    resources: entries.map((e) => ({ name: e.name, steps: e.steps })),
  };
  const tmp = `${manifestPath}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data));
  fs.renameSync(tmp, manifestPath);
  if (!reaper) {
    const child = spawn(process.execPath, ['-e', REAPER_JS, manifestPath], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', () => undefined);
    child.unref();
    // The pipe must not keep this process alive either.
    const stdin = child.stdin as unknown as { unref?: () => void } | null;
    stdin?.unref?.();
    child.stdin?.on('error', () => undefined);
    reaper = child;
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => stopAllSync());
  // Graceful first; if that takes too long (or hangs), the synchronous steps, then exit.
  const stopThenExit = (code: number): void => {
    const timer = setTimeout(() => {
      stopAllSync();
      process.exit(code);
    }, 30_000);
    void stopAll()
      .catch(() => stopAllSync())
      .finally(() => {
        clearTimeout(timer);
        process.exit(code);
      });
  };
  const onSignal = (signal: NodeJS.Signals, code: number): void => {
    process.once(signal, () => stopThenExit(code));
  };
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  process.on('uncaughtException', (err) => {
    process.stderr.write(
      `uncaught exception, stopping test environment: ${err.stack ?? String(err)}\n`,
    );
    stopThenExit(1);
  });
}

/** Register a started resource. `stop` is the graceful path; `steps` the emergency one. */
export function registerResource(
  name: string,
  stop: () => Promise<void>,
  steps: CleanupStep[],
): ResourceHandle {
  installHandlers();
  const entry: Entry = { id: nextId++, name, stop, steps };
  entries.push(entry);
  writeManifest();
  return {
    id: entry.id,
    name,
    setSteps(s: CleanupStep[]): void {
      entry.steps = s;
      if (entries.includes(entry)) writeManifest();
    },
    unregister(): void {
      const i = entries.indexOf(entry);
      if (i >= 0) {
        entries.splice(i, 1);
        writeManifest();
      }
    },
  };
}

/** Names of resources still registered (for assertions and diagnostics). */
export function registeredResources(): string[] {
  return entries.map((e) => e.name);
}

/** Stops every registered resource, newest first. Errors are collected, not thrown early. */
export function stopAll(): Promise<void> {
  if (stopping) return stopping;
  stopping = (async () => {
    const errors: string[] = [];
    while (entries.length > 0) {
      const e = entries[entries.length - 1];
      try {
        await e.stop();
      } catch (err) {
        errors.push(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      // A stop() that failed before unregistering: fall back to its emergency steps.
      const i = entries.indexOf(e);
      if (i >= 0) {
        runStepsSync([e]);
        entries.splice(i, 1);
        writeManifest();
      }
    }
    if (errors.length > 0) throw new Error(`stopAll: ${errors.join('; ')}`);
  })().finally(() => {
    stopping = undefined;
  });
  return stopping;
}

function runStepsSync(list: Entry[]): void {
  const file = path.join(
    os.tmpdir(),
    `tw-reap-now-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`,
  );
  fs.writeFileSync(
    file,
    JSON.stringify({
      pid: process.pid,
      resources: list.map((e) => ({ name: e.name, steps: e.steps })),
    }),
  );
  spawnSync(process.execPath, ['-e', REAPER_JS, file, '--now'], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  fs.rmSync(file, { force: true });
}

/** Synchronous best effort (for `exit`): runs every recorded emergency step in a child node, blocking. */
export function stopAllSync(): void {
  if (entries.length === 0) return;
  runStepsSync([...entries]);
  entries.splice(0, entries.length);
  writeManifest();
}
