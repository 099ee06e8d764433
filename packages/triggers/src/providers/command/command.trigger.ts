import { spawn } from 'node:child_process';
import type {
  TriggerContext,
  TriggerDeps,
  TriggerEvent,
  TriggerOutcome,
  TriggerProvider,
  TriggerType,
} from '../../trigger';
import { TriggerDeliveryError, errorCode, errorMessage } from '../../errors';
import { flatten } from '../../flatten';
import { idempotencyKey } from '../../idempotency';
import { redact } from '../../redact';
import { commandSchema, type CommandConfig } from './command.schema';
import { splitArgs } from './split-args';

/** Output kept per stream (the tail): enough to explain a failure, bounded for the history. */
const OUTPUT_TAIL = 2048;
const KILL_GRACE_MS = 2000;
/** Tidewatch's own configuration (and its WUD twin) carries secrets a script must not see. */
const PRIVATE_ENV = /^(TIDEWATCH|WUD)_/;
const SENSITIVE_ENV_NAME = /pass|secret|token|key|credential|auth/i;

/** Environment for one run: inherited variables minus Tidewatch's own, plus the event. */
export function commandEnvironment(
  events: readonly TriggerEvent[],
  ctx: Pick<TriggerContext, 'title' | 'body'>,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !PRIVATE_ENV.test(name)) env[name] = value;
  }
  const clean = (value: string) => value.replace(/\0/g, '');
  if (events.length === 1) {
    const event = events[0];
    // WUD's variables: the flattened container and container_json.
    for (const [name, value] of Object.entries(flatten(event.container)))
      env[name] = value === null ? '' : clean(String(value));
    env.container_json = clean(JSON.stringify(event.container));
    env.TIDEWATCH_EVENT_ID = event.id;
    env.TIDEWATCH_EVENT_KIND = event.kind;
    env.TIDEWATCH_EVENT_TIME = event.occurredAt;
    if (event.message) env.TIDEWATCH_EVENT_MESSAGE = clean(event.message);
  } else {
    env.containers_json = clean(JSON.stringify(events.map((event) => event.container)));
    env.TIDEWATCH_EVENT_ID = idempotencyKey(events);
    env.TIDEWATCH_EVENT_KIND = [...new Set(events.map((event) => event.kind))].join(',');
  }
  env.TIDEWATCH_EVENT_COUNT = String(events.length);
  env.TIDEWATCH_TITLE = clean(ctx.title);
  env.TIDEWATCH_BODY = clean(ctx.body);
  return env;
}

/** Values of inherited variables that look secret, to redact from the captured output. */
function inheritedSecrets(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SENSITIVE_ENV_NAME.test(name) && value.length >= 4)
    .map(([, value]) => value);
}

class Tail {
  private text = '';
  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  }
  toString(): string {
    return this.text;
  }
}

/** Runs a configured executable with the event in its environment and as JSON on stdin. */
export class CommandTrigger implements TriggerProvider {
  private readonly file: string;
  private readonly argv: string[];
  private readonly shown: string;

  constructor(
    private readonly config: CommandConfig,
    private readonly deps: TriggerDeps = {},
  ) {
    const args = splitArgs(config.args);
    if (config.shell) {
      this.file = config.shell;
      this.argv = ['-c', config.cmd, 'tidewatch', ...args];
      this.shown = `${config.shell} -c …`;
    } else {
      this.file = config.cmd;
      this.argv = args;
      this.shown = config.cmd;
    }
  }

  notify(event: TriggerEvent, ctx: TriggerContext): Promise<TriggerOutcome> {
    return this.run([event], JSON.stringify(event), ctx);
  }

  notifyBatch(events: readonly TriggerEvent[], ctx: TriggerContext): Promise<TriggerOutcome> {
    if (events.length === 0) return Promise.resolve({ summary: 'nothing to send (empty batch)' });
    return this.run(events, JSON.stringify(events), ctx);
  }

  private run(
    events: readonly TriggerEvent[],
    stdin: string,
    ctx: TriggerContext,
  ): Promise<TriggerOutcome> {
    const env = commandEnvironment(events, ctx);
    const secrets = [...inheritedSecrets(env), ...(this.deps.secrets ?? [])];
    const started = Date.now();
    return new Promise<TriggerOutcome>((resolve, reject) => {
      if (ctx.signal?.aborted) {
        reject(
          new TriggerDeliveryError(`${this.shown}: cancelled`, {
            retryable: true,
            code: 'aborted',
          }),
        );
        return;
      }
      const child = spawn(this.file, this.argv, {
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
        shell: false,
      });
      const stdout = new Tail();
      const stderr = new Tail();
      let stopReason: 'timeout' | 'aborted' | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      // detached = own process group: killing -pid also stops what a script started.
      const stop = (reason: 'timeout' | 'aborted') => {
        if (stopReason || child.pid === undefined) return;
        stopReason = reason;
        const pid = child.pid;
        const signalGroup = (signal: NodeJS.Signals) => {
          try {
            process.kill(-pid, signal);
          } catch {
            // Already gone.
          }
        };
        signalGroup('SIGTERM');
        killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
      };
      const timer = setTimeout(() => stop('timeout'), this.config.timeout);
      const onAbort = () => stop('aborted');
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        clearTimeout(timer);
        if (killTimer) clearTimeout(killTimer);
        ctx.signal?.removeEventListener('abort', onAbort);
      };

      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      // A command that does not read stdin closes it early: that is fine.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);

      child.on('error', (error) => {
        cleanup();
        const code = errorCode(error);
        reject(
          new TriggerDeliveryError(
            `${this.shown}: cannot start: ${redact(errorMessage(error), secrets)}`,
            {
              retryable: !(code === 'ENOENT' || code === 'EACCES' || code === 'ENOEXEC'),
              code: 'config',
              cause: error,
            },
          ),
        );
      });
      child.on('close', (exitCode, signal) => {
        cleanup();
        const elapsedMs = Date.now() - started;
        const details = {
          exitCode,
          signal,
          elapsedMs,
          stdout: redact(stdout.toString(), secrets),
          stderr: redact(stderr.toString(), secrets),
        };
        const stderrTail = details.stderr.trim().split('\n').slice(-5).join(' | ').slice(-500);
        if (stopReason === 'timeout') {
          reject(
            new TriggerDeliveryError(
              `${this.shown}: killed after ${this.config.timeout} ms (timeout)${stderrTail ? `: ${stderrTail}` : ''}`,
              { retryable: true, code: 'timeout', details },
            ),
          );
        } else if (stopReason === 'aborted') {
          reject(
            new TriggerDeliveryError(`${this.shown}: cancelled`, {
              retryable: true,
              code: 'aborted',
              details,
            }),
          );
        } else if (exitCode === 0) {
          resolve({ summary: `${this.shown} → exit 0 in ${elapsedMs} ms`, details });
        } else {
          const status = exitCode ?? -1;
          // 126/127: the shell could not execute or find the program; retrying will not help.
          reject(
            new TriggerDeliveryError(
              `${this.shown} → ${exitCode === null ? `killed by ${signal ?? 'a signal'}` : `exit ${status}`}${stderrTail ? `: ${stderrTail}` : ''}`,
              {
                retryable: status !== 126 && status !== 127,
                code: 'exit-code',
                status,
                details,
              },
            ),
          );
        }
      });
    });
  }
}

/** `command`. */
export const commandTriggerType = {
  type: 'command',
  description:
    'Runs an executable with the container as environment variables and the event as JSON on stdin.',
  schema: commandSchema,
  secretKeys: [],
  create: (config: CommandConfig, deps?: TriggerDeps) => new CommandTrigger(config, deps),
} satisfies TriggerType<typeof commandSchema>;
