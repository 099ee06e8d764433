/** The small logger the registry code receives (the Nest wrapper passes its own `Logger`). */
export interface RegistryLogger {
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: RegistryLogger = {
  debug: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
