// The deployment files users run: docker-compose.yml (and each commented example in it) must be
// valid for Compose, checked with Debian's docker-compose (`config` needs no engine); the
// Dockerfile must stay in step with the repository layout. The image itself cannot be built here
// (no Docker Hub for the node base image).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const COMPOSE = join(ROOT, 'docker-compose.yml');

function compose(
  files: string[],
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const result = spawnSync(
    'docker-compose',
    [...files.flatMap((file) => ['-f', file]), 'config', '-q'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TIDEWATCH_ADMIN_PASSWORD: 'change-me-please',
        POSTGRES_PASSWORD: 'pg-password',
        ...env,
      },
    },
  );
  if (result.error)
    throw new Error(
      `docker-compose is not installed (apt-get install docker-compose): ${result.error.message}`,
    );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The commented examples after the service definition, each uncommented into its own file. */
function commentedExamples(): Array<{ title: string; yaml: string }> {
  const text = readFileSync(COMPOSE, 'utf8');
  const blocks = text.split(/^# -{20,}\n/m).slice(1);
  return blocks.map((block) => {
    const lines = block.split('\n').filter((line) => line.startsWith('#'));
    const title = lines.find((line) => !line.startsWith('#  '))?.replace(/^#\s*/, '') ?? 'example';
    const yaml = lines
      .filter((line) => line.startsWith('#   '))
      .map((line) => line.slice(4))
      .join('\n');
    return { title, yaml: `${yaml}\n` };
  });
}

describe('deployment files', () => {
  it('docker-compose.yml is valid', () => {
    const result = compose([COMPOSE]);
    expect(result).toEqual({ status: 0, output: '' });
  });

  it('docker-compose.yml requires an admin password', () => {
    const result = compose([COMPOSE], { TIDEWATCH_ADMIN_PASSWORD: '' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('TIDEWATCH_ADMIN_PASSWORD');
  });

  it('the read-only socket, data volume, port, group and healthcheck are there', () => {
    const text = readFileSync(COMPOSE, 'utf8');
    expect(text).toContain('- /var/run/docker.sock:/var/run/docker.sock:ro');
    expect(text).toContain('- tidewatch-data:/data');
    expect(text).toMatch(/- ["']3000:3000["']/);
    expect(text).toContain('group_add:');
    expect(text).toMatch(
      /healthcheck:\n\s+test:[\s[]+["']CMD["'],\s*["']node["'],\s*["']-e["'],[^\n]*\n?[^\n]*\/health/,
    );
  });

  const examples = commentedExamples();
  it('has the commented examples (updates, PostgreSQL, remote hosts)', () => {
    expect(examples.map((example) => example.title)).toEqual([
      expect.stringMatching(/^Updates/),
      expect.stringMatching(/^PostgreSQL/),
      expect.stringMatching(/^Remote Docker hosts/),
    ]);
  });

  it.each(examples.map((example) => [example.title, example.yaml]))(
    'example "%s" is valid on top of the file',
    (_title, yaml) => {
      const file = join(mkdtempSync(join(tmpdir(), 'tw-compose-')), 'override.yml');
      writeFileSync(file, yaml);
      expect(compose([COMPOSE, file])).toEqual({ status: 0, output: '' });
    },
  );

  it('a broken file is reported (the check can fail)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tw-compose-')), 'broken.yml');
    writeFileSync(
      file,
      'services:\n  tidewatch:\n    ports: 3000\n    healthcheck:\n      interval: soon\n',
    );
    expect(compose([COMPOSE, file]).status).not.toBe(0);
  });

  describe('Dockerfile', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

    it('copies only paths that exist', () => {
      const sources = [...dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)]
        .map((match) => match[1])
        .filter((source) => source !== '.');
      expect(sources.length).toBeGreaterThan(5);
      for (const source of sources)
        expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({
          source,
          exists: true,
        });
      // Every workspace's manifest is copied before `npm ci`, or npm ci refuses the lock file.
      const workspaces = (
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }
      ).workspaces;
      for (const workspace of workspaces)
        expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    });

    it('runs the server entry point as an unprivileged user with a health check', () => {
      const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
      const main = (
        JSON.parse(readFileSync(join(ROOT, 'apps', 'server', 'package.json'), 'utf8')) as {
          main: string;
        }
      ).main;
      expect(runtime).toContain(`ENTRYPOINT ["node", "/app/apps/server/${main}"]`);
      expect(runtime).toMatch(/^USER node$/m);
      expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/health/m);
      expect(runtime).toContain('COPY --from=build /src/apps/web/dist apps/web/dist');
      expect(runtime).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
    });

    it('keeps dependencies and build output out of the build context', () => {
      const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
      expect(ignore).toEqual(
        expect.arrayContaining(['**/node_modules', '**/dist', '.git', 'data']),
      );
    });
  });
});
