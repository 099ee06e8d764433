import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAuthConfig, readCorsConfig } from '../auth/auth-config';
import { ConfigError, loadConfig } from '../config/config';
import { createRegistryResolver } from '../registries/registries.service';
import { buildTriggerPlugins } from '../triggers/triggers.service';
import { UsageError, parseArgs } from './args';
import type { CliIo } from './io';
import {
  type EnvEntry,
  type MigrationResult,
  migrateWudEnv,
  parseDockerInspect,
  parseEnvFile,
  rejectSetting,
  renderMigration,
} from './wud-migration';

export const MIGRATE_USAGE = `Usage: tidewatch migrate-from-wud [--env-file FILE | --inspect FILE | -]

Reads a What's Up Docker environment and prints the equivalent Tidewatch configuration
(TIDEWATCH_* variables, env-file format), with comments for anything that has no equivalent.

  --env-file FILE   KEY=value lines (docker --env-file, compose .env)
  --inspect FILE    output of \`docker inspect <wud container>\`
  (none, or -)      standard input: docker inspect JSON or KEY=value lines, detected

Example: docker inspect wud | tidewatch migrate-from-wud > tidewatch.env`;

const MAX_REJECTIONS = 200;

/**
 * Loads the converted settings with the real configuration code (registries and triggers
 * included) and comments out whatever it rejects, until the rest loads. Secret files
 * (`__FILE`) are not read here: they usually live on another machine.
 */
export function validateMigration(result: MigrationResult, dataDir: string): string | null {
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const env: NodeJS.ProcessEnv = { TIDEWATCH_DATA_DIR: dataDir };
    for (const line of result.lines) {
      if (line.kind !== 'setting' || !line.name.startsWith('TIDEWATCH_')) continue;
      if (line.name.endsWith('__FILE'))
        env[line.name.slice(0, -'__FILE'.length)] = 'placeholder-from-a-secret-file';
      else env[line.name] = line.value;
    }
    try {
      const config = loadConfig(env);
      const resolver = createRegistryResolver(config.registries);
      void resolver.close();
      buildTriggerPlugins(config.triggers);
      readAuthConfig(config.raw);
      readCorsConfig(config.raw);
      return null;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const variable = /^(TIDEWATCH_[A-Z0-9_]+)/.exec(error.message)?.[1];
      const reason = variable
        ? error.message.slice(variable.length).replace(/^:\s*/, '')
        : error.message;
      const fileVariable = variable ? `${variable}__FILE` : undefined;
      if (
        !variable ||
        !(
          rejectSetting(result, variable, reason) ||
          (fileVariable !== undefined && rejectSetting(result, fileVariable, reason))
        )
      ) {
        return `Tidewatch would not start with this configuration: ${error.message}`;
      }
    }
  }
  return 'too many settings were rejected; check the input';
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '[' || start === '{';
}

async function readInput(
  argv: readonly string[],
  io: CliIo,
): Promise<{ entries: EnvEntry[]; notes: string[] }> {
  const args = parseArgs(argv, { options: ['env-file', 'inspect'], maxPositionals: 1 });
  const envFile = args.options.get('env-file');
  const inspect = args.options.get('inspect');
  if (envFile !== undefined && inspect !== undefined)
    throw new UsageError('use either --env-file or --inspect');
  if (
    args.positionals.length > 0 &&
    (args.positionals[0] !== '-' || envFile !== undefined || inspect !== undefined)
  )
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const read = (file: string) =>
    file === '-' ? io.readStdin() : Promise.resolve(readFileSync(resolve(io.cwd, file), 'utf8'));
  if (inspect !== undefined) return parseDockerInspect(await read(inspect));
  const text = await read(envFile ?? '-');
  if (envFile === undefined && looksLikeJson(text)) return parseDockerInspect(text);
  const parsed = parseEnvFile(text);
  return {
    entries: parsed.entries,
    notes:
      parsed.skipped.length > 0
        ? [`Lines without a value were skipped: ${parsed.skipped.join(', ')}`]
        : [],
  };
}

export async function migrateFromWudCommand(
  argv: readonly string[],
  io: CliIo,
  scratchDir: string,
): Promise<number> {
  const input = await readInput(argv, io);
  if (
    !input.entries.some(
      (entry) => entry.name.startsWith('WUD_') || entry.name.startsWith('TIDEWATCH_'),
    )
  ) {
    io.err('tidewatch migrate-from-wud: no WUD_* variables in the input\n');
    return 2;
  }
  const result = migrateWudEnv(input.entries);
  result.notes.unshift(...input.notes);
  const validation = validateMigration(result, scratchDir);
  io.out(renderMigration(result, validation));
  const unsupported = result.lines.filter((line) => line.kind === 'unsupported').length;
  io.err(
    `${result.lines.length - unsupported} setting(s) converted, ${unsupported} not converted${validation ? ` — ${validation}` : ''}\n`,
  );
  return validation ? 2 : 0;
}
