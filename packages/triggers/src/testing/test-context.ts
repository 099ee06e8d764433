import type { TriggerContext, TriggerLogger } from '../trigger';

/** A logger that keeps every line, to assert that no secret was logged. */
export interface RecordingLogger extends TriggerLogger {
  readonly lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
  };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** A delivery context with a recording logger (test helper). */
export function testContext(
  overrides: Partial<TriggerContext> = {},
): TriggerContext & { logger: RecordingLogger } {
  return {
    logger: recordingLogger(),
    title: 'New tag found for container nginx',
    body: 'Container nginx running with tag 1.25.3 can be updated to tag 1.27.0',
    ...overrides,
  } as TriggerContext & {
    logger: RecordingLogger;
  };
}
