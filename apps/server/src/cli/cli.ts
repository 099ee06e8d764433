import { tmpdir } from 'node:os';
import { APP_VERSION } from '../common/version';
import { ConfigError } from '../config/config';
import { secretsFromEnv } from '../logging/secrets';
import { SecretRedactor } from '../logging/redactor';
import { UsageError } from './args';
import { BACKUP_USAGE, backupCommand } from './backup.command';
import { CHECK_USAGE, checkCommand } from './check.command';
import type { CliIo } from './io';
import { MIGRATE_USAGE, migrateFromWudCommand } from './migrate-from-wud.command';

export const USAGE = `Usage: tidewatch [command]

Without a command (or with "serve"), runs the server.

Commands:
  check               one check of every watcher; prints updates (--json, --fail-on-update, --notify)
  migrate-from-wud    prints the Tidewatch configuration for a WUD environment
  backup <file>       consistent snapshot of the SQLite database
  version             prints the version

"tidewatch <command> --help" describes a command.`;

interface Command {
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: { usage: CHECK_USAGE, run: checkCommand },
  'migrate-from-wud': {
    usage: MIGRATE_USAGE,
    run: (argv, io) => migrateFromWudCommand(argv, io, tmpdir()),
  },
  backup: { usage: BACKUP_USAGE, run: backupCommand },
};

/** True when the arguments name a CLI command rather than the server. */
export function isCliInvocation(argv: readonly string[]): boolean {
  return argv.length > 0 && argv[0] !== 'serve';
}

/** Runs a command and returns its exit code (2 for usage and configuration errors). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (name === 'version' || name === '--version' || name === '-v') {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tidewatch: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tidewatch ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    // Configuration errors name the variable and may quote its value: scrub what looks secret.
    const redactor = new SecretRedactor(secretsFromEnv(io.env));
    const message =
      error instanceof ConfigError
        ? `configuration error: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    io.err(`tidewatch ${name}: ${redactor.redact(message)}\n`);
    return 2;
  }
}
