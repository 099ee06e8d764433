import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger as PinoLogger, type LevelWithSilent } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import pretty from 'pino-pretty';
import type { TidewatchConfig } from '../config/config';
import { SecretRedactor, redactingDestination, scrubUrl } from './redactor';
import { configSecrets } from './secrets';

const PINO_LEVELS: Record<TidewatchConfig['log']['level'], LevelWithSilent> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Scrubs every log line of the process. One instance, so that secrets learnt after boot (e.g. of
 * a trigger created in the UI) can be added with `logRedactor.add([...])`.
 */
export const logRedactor = new SecretRedactor();

export interface LoggerOptions {
  /** 1 = stdout (the server), 2 = stderr (CLI commands, whose stdout is their output). */
  fd?: 1 | 2;
  level?: TidewatchConfig['log']['level'];
}

/**
 * The process's pino logger: JSON lines (`TIDEWATCH_LOG_FORMAT=json`) or one readable line per
 * entry (`text`), written synchronously so nothing is lost on exit, with every secret value of
 * the configuration scrubbed from every line.
 */
export function createLogger(config: TidewatchConfig, options: LoggerOptions = {}): PinoLogger {
  logRedactor.add(configSecrets(config));
  const fd = options.fd ?? 1;
  const sink =
    config.log.format === 'json'
      ? pino.destination({ fd, sync: true })
      : pretty({
          destination: fd,
          sync: true,
          colorize: false,
          singleLine: true,
          translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
          ignore: 'pid,hostname,context,req,res,responseTime',
          messageFormat: '{if context}[{context}] {end}{msg}',
        });
  return pino(
    {
      level: PINO_LEVELS[options.level ?? config.log.level],
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: headers never reach a line, whatever a caller logs.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
        ],
        censor: '[REDACTED]',
      },
    },
    redactingDestination(logRedactor, sink),
  );
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's `X-Request-Id` when it looks like one, otherwise makes one; echoes it back. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/** pino-http: one line per request (GET successes at debug), a request id on every line logged during it. */
export function httpLoggingOptions(logger: PinoLogger): PinoHttpOptions {
  return {
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    autoLogging: { ignore: (request) => /^\/health(\/|$)/.test(pathOf(request.url)) },
    customLogLevel: (request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return request.method === 'GET' || request.method === 'HEAD' ? 'debug' : 'info';
    },
    customSuccessMessage: (request, response, responseTime) =>
      `${request.method ?? ''} ${scrubUrl(request.url) ?? ''} ${response.statusCode} ${Math.round(responseTime)}ms`,
    customErrorMessage: (request, response, error) =>
      `${request.method ?? ''} ${scrubUrl(request.url) ?? ''} ${response.statusCode} failed: ${error.message}`,
    // Only what helps to follow a request: never headers, bodies or cookies.
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: scrubUrl(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
  };
}

/** nestjs-pino's module over the process logger (Nest's own logs and request logs). */
export function loggerModule(logger: PinoLogger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: httpLoggingOptions(logger) });
}
