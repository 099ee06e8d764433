#!/usr/bin/env node
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type TidewatchConfig } from './config/config';

async function bootstrap(): Promise<void> {
  let config: TidewatchConfig;
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    config = loadConfig(process.env);
    app = await createApp(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Tidewatch configuration error: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new Logger('Tidewatch');
  for (const warning of config.warnings) logger.warn(warning);
  await app.listen(config.server.port, config.server.host);
  logger.log(`Listening on http://${config.server.host}:${config.server.port} (data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Tidewatch failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
