import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BadRequestException, type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ValidationError } from 'class-validator';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { applyHttpHardening, limitBodyDepth } from './auth/http-hardening';
import { HttpExceptionFilter } from './common/http-exception.filter';
import type { TidewatchConfig } from './config/config';
import { setupOpenApi } from './openapi';
import { createRegistryResolver } from './registries/registries.service';
import { createLogger } from './logging/logger';
import { buildTriggerPlugins } from './triggers/triggers.service';
import { useRawWebhookBodies } from './webhooks/webhook-body';

/** The built web UI, next to the server's package in the monorepo. */
export const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? message.replace(error.property, path) : `${path}: ${message}`));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

export async function createApp(config: TidewatchConfig): Promise<INestApplication> {
  // Plug-ins are built before Nest so that their configuration errors name the variable.
  const registries = createRegistryResolver(config.registries);
  const triggers = buildTriggerPlugins(config.triggers);
  const logger = createLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, registries, triggers, { logger }), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.disable('x-powered-by');
  applyHttpHardening(app, config);
  useRawWebhookBodies(app);
  app.use(express.json({ limit: '1mb' }));
  app.use(limitBodyDepth);
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(flattenValidationErrors(errors).join('; ')),
    }),
  );
  setupOpenApi(app);
  serveWebUi(app);
  app.enableShutdownHooks();
  return app;
}

/** Serves the dashboard's static build, with the SPA's index.html for client-side routes. */
function serveWebUi(app: NestExpressApplication): void {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return;
  // No directory redirects: `/x/../..` must not answer 301 to a normalised path.
  app.use(express.static(WEB_DIST, { index: false, maxAge: '1h', redirect: false }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const apiPath = /^\/(api|health|metrics)(\/|$)/.test(request.path);
    if (request.method !== 'GET' || apiPath) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
