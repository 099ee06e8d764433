/** The small logger the actions receive (the Nest wiring passes its own `Logger`). */
export interface ActionLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentActionLogger: ActionLogger = {
  debug: () => undefined,
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
