#!/usr/bin/env node
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { isCliInvocation, runCli } from './cli/cli';
import { processIo } from './cli/io';
import { ConfigError, loadConfig, type TidewatchConfig } from './config/config';
import { logRedactor } from './logging/logger';
import { SecretRedactor } from './logging/redactor';
import { secretsFromEnv } from './logging/secrets';

/** Scrubs secret values from text printed before the logger exists (a bad value is quoted in config errors). */
function scrub(text: string): string {
  return logRedactor.redact(new SecretRedactor(secretsFromEnv(process.env)).redact(text));
}

async function bootstrap(): Promise<void> {
  let config: TidewatchConfig;
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    config = loadConfig(process.env);
    app = await createApp(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Tidewatch configuration error: ${scrub(error.message)}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new Logger('Tidewatch');
  for (const warning of config.warnings) logger.warn(warning);
  if (config.metrics.enabled && config.metrics.auth && !config.metrics.token) logger.warn('GET /metrics answers 401 until TIDEWATCH_METRICS_TOKEN is set (or TIDEWATCH_METRICS_AUTH=false)');
  await app.listen(config.server.port, config.server.host);
  logger.log(`Listening on http://${config.server.host}:${config.server.port} (data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
}

/** `tidewatch check|migrate-from-wud|backup …`: the same binary, without the HTTP server. */
async function cli(argv: string[]): Promise<void> {
  const code = await runCli(argv, processIo());
  // Output to a pipe is asynchronous: let it drain before exiting.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exit(code);
}

const argv = process.argv.slice(2);
(isCliInvocation(argv) ? cli(argv) : bootstrap()).catch((error: unknown) => {
  process.stderr.write(`Tidewatch failed to start: ${scrub(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  process.exit(1);
});
