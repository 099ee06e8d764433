import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/config';
import { buildOpenApiDocument } from '../openapi';

/**
 * Builds the OpenAPI document from the controllers without starting watchers or listening,
 * on a throwaway SQLite file. Used to (re)generate packages/api-client.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidewatch-openapi-'));
  try {
    const config = loadConfig({ TIDEWATCH_DATA_DIR: dataDir, TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false', TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false' });
    const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
    try {
      return buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
