/** What went wrong talking to a registry; stable values for UI, metrics and retry decisions. */
export type RegistryErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'timeout'
  | 'unavailable'
  | 'bad-response'
  | 'too-large'
  | 'unsupported';

export interface RegistryErrorDetails {
  /** Registry instance id, e.g. `hub.public`. */
  registry?: string;
  /** HTTP status of the failing response, when there was one. */
  status?: number;
  /** Seconds the registry asked us to wait (429 `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A registry call failed. The message is meant for people (shown on the container) and never
 * carries credentials, tokens or Authorization headers.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly registry?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    details: RegistryErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.registry = details.registry;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** A registry instance's configuration is invalid; `key` is the upper-case config key (`PASSWORD`). */
export class RegistryConfigError extends Error {
  override readonly name = 'RegistryConfigError';

  constructor(
    readonly registry: string,
    readonly key: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
