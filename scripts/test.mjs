// `npm test`: installs what the tests need (Debian packages and npm modules), builds, then runs
// every suite and prints the total on the last line: `N passed, N failed`.
// `npm test -- unit integration` runs only the named suites (lint, typecheck, unit, integration, e2e).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureNodeModules, root, run } from './lib.mjs';

const SYSTEM_PACKAGES = [
  { command: 'dockerd', pkg: 'docker.io' },
  { command: 'docker', pkg: 'docker.io' },
  { command: 'docker-registry', pkg: 'docker-registry' },
  { file: '/bin/busybox', pkg: 'busybox-static' },
  { command: 'htpasswd', pkg: 'apache2-utils' },
  { command: 'chromium', pkg: 'chromium' },
  { command: 'mosquitto', pkg: 'mosquitto' },
  { command: 'openssl', pkg: 'openssl' },
  { command: 'git', pkg: 'git' },
  { command: 'docker-compose', pkg: 'docker-compose' },
];

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureSystemPackages() {
  const missing = [...new Set(SYSTEM_PACKAGES.filter((p) => (p.command ? !hasCommand(p.command) : !existsSync(p.file))).map((p) => p.pkg))];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`Missing system packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing system packages: ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], { env }) !== 0 || run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env }) !== 0) {
    console.error('apt-get failed');
    process.exit(1);
  }
}

function leftoverMounts(dir) {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((mount) => mount && (mount === dir || mount.startsWith(`${dir}/`)));
}

const SUITES = {
  lint: { kind: 'check', command: ['npx', 'nx', 'run-many', '-t', 'lint', '--output-style=stream'] },
  typecheck: { kind: 'check', command: ['npx', 'nx', 'run-many', '-t', 'typecheck', '--output-style=stream'] },
  // --forceExit: a leaked handle must fail a test, never hang CI (the global teardown still runs).
  unit: { kind: 'jest', config: 'jest.config.cjs', args: ['--maxWorkers=2', '--forceExit'] },
  integration: { kind: 'jest', config: 'jest.integration.config.cjs', args: ['--runInBand', '--forceExit'] },
  e2e: { kind: 'jest', config: 'test/jest.e2e.config.cjs', args: ['--runInBand', '--forceExit'] },
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
for (const name of requested) {
  if (!SUITES[name]) {
    console.error(`Unknown suite "${name}". Suites: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
}
const selected = requested.length > 0 ? requested : Object.keys(SUITES);

ensureSystemPackages();
ensureNodeModules();
build();

// Every temporary file of the run lives under one directory that is removed at the end, so a
// test that forgets its clean-up cannot litter the machine (its own teardown still runs first).
const runTmp = mkdtempSync(join(tmpdir(), 'twrun-'));
// Traversable by the unprivileged account PostgreSQL runs as (mkdtemp makes it 0700).
chmodSync(runTmp, 0o755);
process.env.TMPDIR = runTmp;

const reports = join(root, 'test', 'artifacts', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];
for (const name of selected) {
  const suite = SUITES[name];
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  if (suite.kind === 'check') {
    const status = run(suite.command[0], suite.command.slice(1));
    results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, seconds: (Date.now() - started) / 1000 });
    continue;
  }
  const output = join(reports, `${name}.json`);
  const status = run('npx', ['jest', '-c', suite.config, ...suite.args, '--json', `--outputFile=${output}`]);
  let passed = 0;
  let failed = 0;
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
    if (status !== 0 && failed === 0) failed = 1; // e.g. a global setup or teardown failure
  } else {
    failed = 1;
  }
  results.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

const leftovers = leftoverMounts(runTmp);
if (leftovers.length > 0) {
  console.error(`Mounts left under ${runTmp}: ${leftovers.join(', ')}`);
  for (const mount of leftovers.reverse()) spawnSync('umount', ['-l', mount], { stdio: 'ignore' });
  results.push({ name: 'cleanup', passed: 0, failed: 1, seconds: 0 });
}
rmSync(runTmp, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds.toFixed(1)}s`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
