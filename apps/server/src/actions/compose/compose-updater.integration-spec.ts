// The compose trigger's action against the real engine and registry: a real compose file with
// comments and anchors, containers carrying compose's labels, git mode in a temporary repository
// with a local bare remote, failure → file restored byte for byte, variable substitution refused.
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pushImage, sharedEnvHandles, type PushedImage } from '../../../../../test/env';
import { DockerRepository } from '../../docker/docker.repository';
import { silentActionLogger } from '../common/action-logger';
import { ContainerUpdater } from '../recreate/container-updater';
import { InMemoryUpdateJournal } from '../recreate/update-journal';
import { ComposeFileUpdater } from './compose-file-updater';
import { ComposeUpdater } from './compose-updater';

const { engine, registry } = sharedEnvHandles();
const docker = new DockerRepository({ socketPath: engine.socketPath });
const run = crypto.randomBytes(3).toString('hex');
const repo = `actions/compose-${run}`;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-compose-'));
const SERVICE_CMD = ['sh', '-c', 'trap "exit 0" TERM INT; sleep 100000 & wait'];
const created: string[] = [];
let v1: PushedImage;
let v2: PushedImage;
let unhealthy: PushedImage;

const byDigest = (image: PushedImage) => `${registry.host}/${image.repository}@${image.digest}`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Dev',
      '-c',
      'user.email=dev@example.test',
      '-c',
      'init.defaultBranch=main',
      ...args,
    ],
    { cwd, encoding: 'utf8' },
  ).trim();
}

function composeFile(image: string): string {
  return `# Shop stack — edited by people and by Tidewatch
x-common: &common
  restart: "no"        # tests only
  network_mode: none
  labels:
    - "tier=backend"

services:
  web:
    <<: *common
    image: "${image}"   # the storefront

  api:
    <<: *common
    image: ${image}
    command: ["sh", "-c", "sleep 1000"]

  # not running here; must stay as it is
  docs:
    image: '${image}'
`;
}

/** A container as `docker compose up` would have made it (compose's labels, network none). */
async function composeContainer(
  dir: string,
  file: string,
  service: string,
  image: string,
): Promise<string> {
  const name = `shop-${path.basename(dir)}-${service}-${run}`;
  created.push(name);
  const labels = {
    'com.docker.compose.project': `shop${run}`,
    'com.docker.compose.service': service,
    'com.docker.compose.project.working_dir': dir,
    'com.docker.compose.project.config_files': file,
    'com.docker.compose.container-number': '1',
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.config-hash': crypto.randomBytes(32).toString('hex'),
    tier: 'backend',
  };
  const flags = Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  return (
    await engine.docker([
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      name,
      ...flags,
      image,
      ...SERVICE_CMD,
    ])
  ).trim();
}

/** A git work tree with the compose file committed, and a local bare repository as origin. */
function stack(name: string, text: string): { dir: string; file: string; remote: string } {
  const dir = path.join(root, name);
  const remote = path.join(root, `${name}-remote.git`);
  fs.mkdirSync(dir, { recursive: true });
  git(root, 'init', '-q', '--bare', remote);
  git(dir, 'init', '-q');
  const file = path.join(dir, 'compose.yml');
  fs.writeFileSync(file, text);
  fs.chmodSync(file, 0o640);
  git(dir, 'add', 'compose.yml');
  git(dir, 'commit', '-q', '-m', 'initial stack');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  return { dir, file, remote };
}

function subject(gitMode: boolean): ComposeUpdater {
  const updater = new ContainerUpdater(docker, new InMemoryUpdateJournal(), silentActionLogger, {
    stableSeconds: 1,
    healthTimeoutMs: 20_000,
  });
  const files = new ComposeFileUpdater({
    git: gitMode
      ? { push: true, author: { name: 'Tidewatch Bot', email: 'bot@tidewatch.test' } }
      : false,
  });
  return new ComposeUpdater(docker, files, updater);
}

beforeAll(async () => {
  v1 = await pushImage(engine, registry, repo, '1.0.0', { cmd: SERVICE_CMD });
  v2 = await pushImage(engine, registry, repo, '1.1.0', { cmd: SERVICE_CMD });
  unhealthy = await pushImage(engine, registry, repo, '2.0.0-unhealthy', {
    cmd: SERVICE_CMD,
    healthcheck: { cmd: ['false'], interval: '1s', retries: 1 },
  });
  for (const image of [v2, unhealthy]) await engine.docker(['rmi', image.reference]);
});

afterAll(async () => {
  const names = (await engine.docker(['ps', '-a', '--format', '{{.Names}}']))
    .split('\n')
    .filter((name) => created.some((prefix) => name.startsWith(prefix)));
  if (names.length > 0)
    await engine.docker(['rm', '-f', '-v', ...names], undefined, { allowFail: true });
  fs.rmSync(root, { recursive: true, force: true });
});

describe('ComposeUpdater: rewrite, redeploy, git', () => {
  it('rewrites only the tag bytes of both services in one write, backs up, redeploys, commits and pushes', async () => {
    const original = composeFile(v1.reference);
    const { dir, file, remote } = stack('happy', original);
    const web = await composeContainer(dir, file, 'web', v1.reference);
    const api = await composeContainer(dir, file, 'api', v1.reference);
    const labelsBefore = JSON.parse(
      await engine.docker(['inspect', '--format', '{{json .Config.Labels}}', web]),
    ) as Record<string, string>;

    const [report] = await subject(true).update({
      items: [
        { containerId: web, tag: '1.1.0', targetImage: byDigest(v2) },
        { containerId: api, tag: '1.1.0', targetImage: byDigest(v2) },
      ],
    });

    expect(report.reason).toBeUndefined();
    expect(report).toMatchObject({ file, outcome: 'updated', reverted: false });
    expect(report.services.map((service) => [service.service, service.report?.outcome])).toEqual([
      ['web', 'updated'],
      ['api', 'updated'],
    ]);
    // Byte level: the file is the original with "1.0.0" → "1.1.0" in the web and api image values only.
    const after = fs.readFileSync(file);
    const at = (needle: string, from = 0) => original.indexOf(needle, from);
    const webTag = at('1.0.0"   # the storefront');
    const apiTag = at('1.0.0\n    command');
    const expected = `${original.slice(0, webTag)}1.1.0${original.slice(webTag + 5, apiTag)}1.1.0${original.slice(apiTag + 5)}`;
    expect(after.equals(Buffer.from(expected))).toBe(true);
    expect(after.toString()).toContain(`docs:\n    image: '${v1.reference}'`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    // Backup of the previous bytes.
    expect(report.backupFile).toMatch(/compose\.yml\.\d{8}T\d{9}Z\.bak$/);
    expect(fs.readFileSync(report.backupFile ?? '').equals(Buffer.from(original))).toBe(true);
    // Redeployed with compose's labels kept and Config.Image as compose would write it.
    const inspected = JSON.parse(
      await engine.docker(['inspect', '--format', '{{json .Config}}', `shop-happy-web-${run}`]),
    ) as { Image: string; Labels: Record<string, string> };
    expect(inspected.Image).toBe(v2.reference);
    expect(inspected.Labels).toEqual(labelsBefore);
    // One commit with a clear message, by the configured author, pushed to the bare remote.
    expect(git(dir, 'log', '-1', '--format=%s%n%an <%ae>')).toBe(
      `chore(tidewatch): update images of web, api\nTidewatch Bot <bot@tidewatch.test>`,
    );
    expect(git(dir, 'show', '--stat', '--format=', 'HEAD')).toMatch(/compose\.yml \| 4 \+\+--/);
    expect(report.commit).toMatchObject({ pushed: true, commit: git(dir, 'rev-parse', 'HEAD') });
    expect(git(remote, 'rev-parse', 'main')).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(git(dir, 'status', '--porcelain', '--', 'compose.yml')).toBe('');
  });

  it('restores the file byte for byte and commits nothing when the redeploy fails', async () => {
    const original = composeFile(v1.reference).replace(/\n/g, '\r\n');
    const { dir, file } = stack('failing', original);
    const head = git(dir, 'rev-parse', 'HEAD');
    const web = await composeContainer(dir, file, 'web', v1.reference);

    const [report] = await subject(true).update({
      items: [{ containerId: web, tag: '2.0.0-unhealthy', targetImage: byDigest(unhealthy) }],
    });

    expect(report).toMatchObject({ outcome: 'rolled-back', reverted: true });
    expect(report.reason).toMatch(/web: .*healthcheck reported unhealthy/);
    expect(fs.readFileSync(file).equals(Buffer.from(original))).toBe(true);
    expect(fs.existsSync(report.backupFile ?? '')).toBe(true);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(report.commit).toBeUndefined();
    const state = JSON.parse(
      await engine.docker(['inspect', '--format', '{{json .State}}', web]),
    ) as { Running: boolean };
    expect(state.Running).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((entry) => entry.includes('.tmp'))).toEqual(
      [],
    );
  });

  it('refuses an image from variable substitution and touches nothing', async () => {
    const original =
      'services:\n  web:\n    image: ${REGISTRY}/acme/web:${TAG:-1.0.0} # from .env\n    network_mode: none\n';
    const { dir, file } = stack('variables', original);
    const web = await composeContainer(dir, file, 'web', v1.reference);
    const before = await engine.docker(['inspect', '--format', '{{.State.StartedAt}}', web]);

    const [report] = await subject(false).update({
      items: [{ containerId: web, tag: '1.1.0', targetImage: byDigest(v2) }],
    });

    expect(report.outcome).toBe('failed');
    expect(report.reason).toMatch(
      /variable substitution .*change the variable \(e\.g\. in \.env\) instead/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expect(fs.readdirSync(path.dirname(file)).filter((entry) => entry.endsWith('.bak'))).toEqual(
      [],
    );
    expect(await engine.docker(['inspect', '--format', '{{.State.StartedAt}}', web])).toBe(before);
  });

  it('dry-run shows the rewritten file and the recreate plan without writing', async () => {
    const original = composeFile(v1.reference);
    const { dir, file } = stack('dry', original);
    const web = await composeContainer(dir, file, 'web', v1.reference);
    const [report] = await subject(false).update({
      items: [{ containerId: web, tag: '1.1.0', targetImage: byDigest(v2) }],
      dryRun: true,
    });
    expect(report.outcome).toBe('dry-run');
    expect(report.preview).toBe(original.replace(`${repo}:1.0.0"`, `${repo}:1.1.0"`));
    expect(report.services[0].report?.outcome).toBe('dry-run');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });
});
