import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testContext } from '../../testing/test-context';
import { sampleContainer, sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import type { TriggerEvent } from '../../trigger';
import { commandSchema } from './command.schema';
import { commandEnvironment, commandTriggerType } from './command.trigger';
import { splitArgs } from './split-args';

async function failure(promise: Promise<unknown>): Promise<TriggerDeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TriggerDeliveryError) return error;
    throw error;
  }
  throw new Error('expected a TriggerDeliveryError');
}

/** Alive = exists and is not a zombie (an orphan may wait for a reaper in a container). */
function isAlive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.charAt(0);
  return state !== 'Z' && state !== 'X';
}

describe('splitArgs', () => {
  it.each([
    ['', []],
    ['a b  c', ['a', 'b', 'c']],
    ['"two words" three', ['two words', 'three']],
    ['\'$HOME\' "$HOME" $HOME', ['$HOME', '$HOME', '$HOME']],
    ['"a \\"quoted\\" word"', ['a "quoted" word']],
    ['a\\ b', ['a b']],
    ['x\'y\'"z"', ['xyz']],
    ['$(rm -rf /) `id` ; | &&', ['$(rm', '-rf', '/)', '`id`', ';', '|', '&&']],
    ['""', ['']],
  ])('%s', (text, expected) => {
    expect(splitArgs(text)).toEqual(expected);
  });

  it.each(['"open', "'open", 'end\\'])('rejects %s', (text) => {
    expect(() => splitArgs(text)).toThrow();
  });
});

describe('command schema', () => {
  it('defaults the timeout and validates arguments', () => {
    expect(commandSchema.parse({ cmd: '/bin/true' })).toMatchObject({ timeout: 60000 });
    expect(
      commandSchema.safeParse({ cmd: '/bin/echo', args: '"unclosed' }).error?.issues[0]?.path,
    ).toEqual(['args']);
    expect(
      commandSchema.safeParse({ cmd: 'curl -X POST http://x' }).error?.issues[0]?.message,
    ).toMatch(/no SHELL/);
    expect(
      commandSchema.safeParse({ cmd: 'curl -X POST http://x', shell: '/bin/sh' }).success,
    ).toBe(true);
  });
});

describe('command trigger (real processes)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tidewatch-command-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const recorder = () => {
    const script = join(dir, 'record.js');
    writeFileSync(
      script,
      `let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  require('fs').writeFileSync(${JSON.stringify(join(dir, 'out.json'))}, JSON.stringify({ argv: process.argv.slice(2), env: process.env, stdin: input }));
});`,
    );
    return script;
  };
  const recorded = () =>
    JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      argv: string[];
      env: Record<string, string>;
      stdin: string;
    };

  it('passes the flattened container as env, the event as stdin JSON, and arguments verbatim', async () => {
    const previous = process.env.TIDEWATCH_TRIGGER_SMTP_X_PASS;
    process.env.TIDEWATCH_TRIGGER_SMTP_X_PASS = 'must-not-leak';
    try {
      const trigger = commandTriggerType.create(
        commandSchema.parse({
          cmd: process.execPath,
          args: `${recorder()} "two words" '$HOME' \`id\``,
        }),
      );
      const event = sampleTriggerEvent('update-available', { id: 'evt-cmd-1' });
      const outcome = await trigger.notify(event, testContext({ title: 'T!', body: 'B?' }));
      const { argv, env, stdin } = recorded();
      expect(argv).toEqual(['two words', '$HOME', '`id`']);
      expect(env).toMatchObject({
        image_tag_value: '1.25.3',
        update_kind_remote_value: '1.27.0',
        update_kind_kind: 'tag',
        update_available: 'true',
        result_link: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
        image_variant: '',
        labels_com_docker_compose_project: 'web',
        TIDEWATCH_EVENT_KIND: 'update-available',
        TIDEWATCH_EVENT_ID: 'evt-cmd-1',
        TIDEWATCH_EVENT_COUNT: '1',
        TIDEWATCH_TITLE: 'T!',
        TIDEWATCH_BODY: 'B?',
      });
      expect(JSON.parse(env.container_json)).toEqual(sampleContainer());
      expect(env.PATH).toBe(process.env.PATH);
      expect(env).not.toHaveProperty('TIDEWATCH_TRIGGER_SMTP_X_PASS');
      expect(JSON.parse(stdin)).toEqual(event);
      expect(outcome.summary).toMatch(
        new RegExp(`^${process.execPath.replace(/[/.]/g, '\\$&')} → exit 0 in \\d+ ms$`),
      );
    } finally {
      if (previous === undefined) delete process.env.TIDEWATCH_TRIGGER_SMTP_X_PASS;
      else process.env.TIDEWATCH_TRIGGER_SMTP_X_PASS = previous;
    }
  });

  it('sends a batch as an array on stdin and containers_json', async () => {
    const trigger = commandTriggerType.create(
      commandSchema.parse({ cmd: process.execPath, args: recorder() }),
    );
    const events: TriggerEvent[] = [
      sampleTriggerEvent('update-available', { id: 'a' }),
      sampleTriggerEvent('update-failed', {
        id: 'b',
        container: sampleContainer({ name: 'redis' }),
      }),
    ];
    await trigger.notifyBatch(events, testContext());
    const { env, stdin } = recorded();
    expect(JSON.parse(stdin)).toEqual(events);
    expect(
      (JSON.parse(env.containers_json) as { name: string }[]).map((container) => container.name),
    ).toEqual(['nginx', 'redis']);
    expect(env).toMatchObject({
      TIDEWATCH_EVENT_KIND: 'update-available,update-failed',
      TIDEWATCH_EVENT_COUNT: '2',
    });
    expect(env.TIDEWATCH_EVENT_ID).toMatch(/^batch-[0-9a-f]{64}$/);
  });

  it('runs through a shell only when SHELL is set, with ARGS as positional parameters', async () => {
    const trigger = commandTriggerType.create(
      commandSchema.parse({
        cmd: 'echo "$1|$2|$image_tag_value"',
        shell: '/bin/sh',
        args: 'a "b c"',
      }),
    );
    const outcome = await trigger.notify(sampleTriggerEvent(), testContext());
    expect(outcome.details?.stdout).toBe('a|b c|1.25.3\n');
    expect(outcome.summary).toMatch(/^\/bin\/sh -c … → exit 0/);
  });

  it('fails on a non-zero exit with the redacted stderr tail', async () => {
    const previous = process.env.MY_API_TOKEN;
    process.env.MY_API_TOKEN = 'inherited-token-value';
    try {
      const trigger = commandTriggerType.create(
        commandSchema.parse({
          cmd: 'echo "using $MY_API_TOKEN and registry-pass" >&2; exit 3',
          shell: '/bin/sh',
        }),
        {
          secrets: ['registry-pass'],
        },
      );
      const error = await failure(trigger.notify(sampleTriggerEvent(), testContext()));
      expect(error).toMatchObject({ retryable: true, code: 'exit-code', status: 3 });
      expect(error.message).toBe('/bin/sh -c … → exit 3: using **** and ****');
      expect(JSON.stringify(error.details)).not.toContain('inherited-token-value');
    } finally {
      if (previous === undefined) delete process.env.MY_API_TOKEN;
      else process.env.MY_API_TOKEN = previous;
    }
  });

  it('does not retry when the program cannot be found or run', async () => {
    const missing = await failure(
      commandTriggerType
        .create(commandSchema.parse({ cmd: join(dir, 'nope') }))
        .notify(sampleTriggerEvent(), testContext()),
    );
    expect(missing).toMatchObject({ retryable: false, code: 'config' });
    expect(missing.message).toContain('ENOENT');
    const viaShell = await failure(
      commandTriggerType
        .create(commandSchema.parse({ cmd: 'no-such-command-tidewatch', shell: '/bin/sh' }))
        .notify(sampleTriggerEvent(), testContext()),
    );
    expect(viaShell).toMatchObject({ retryable: false, status: 127 });
  });

  it('kills the process and its children on timeout', async () => {
    const pidFile = join(dir, 'pids');
    const trigger = commandTriggerType.create(
      commandSchema.parse({
        cmd: `sleep 30 & echo "$$ $!" > ${pidFile}; wait`,
        shell: '/bin/sh',
        timeout: '300',
      }),
    );
    const started = Date.now();
    const error = await failure(trigger.notify(sampleTriggerEvent(), testContext()));
    expect(Date.now() - started).toBeLessThan(2500);
    expect(error).toMatchObject({ retryable: true, code: 'timeout' });
    expect(error.message).toContain('killed after 300 ms (timeout)');
    const pids = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it('stops the process when the engine aborts', async () => {
    const controller = new AbortController();
    const trigger = commandTriggerType.create(
      commandSchema.parse({ cmd: 'sleep 30', shell: '/bin/sh' }),
    );
    const pending = trigger.notify(
      sampleTriggerEvent(),
      testContext({ signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 100);
    expect(await failure(pending)).toMatchObject({ retryable: true, code: 'aborted' });
  });

  it('builds the environment without Tidewatch variables', () => {
    const env = commandEnvironment(
      [sampleTriggerEvent('check-error')],
      { title: 't', body: 'b' },
      { HOME: '/root', WUD_TRIGGER_X: 'y', TIDEWATCH_SECRET_KEY: 'k' },
    );
    expect(env.HOME).toBe('/root');
    expect(env).not.toHaveProperty('WUD_TRIGGER_X');
    expect(env).not.toHaveProperty('TIDEWATCH_SECRET_KEY');
    expect(env.TIDEWATCH_EVENT_MESSAGE).toBe('registry answered 503');
  });
});
