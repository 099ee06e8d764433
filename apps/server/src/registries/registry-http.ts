import { Agent, Dispatcher } from 'undici';
import { RateLimit, parseRateLimit, parseRetryAfter } from './rate-limit';
import { RegistryError } from './registry-error';
import { RegistryLogger } from './registry-logger';
import { Semaphore } from './semaphore';

/** What a request is for; the first label of the request counters. */
export type RequestKind = 'ping' | 'token' | 'tags' | 'manifest-head' | 'manifest-get' | 'blob';

export interface RequestCount {
  kind: RequestKind;
  /** HTTP status, or `error` / `timeout` when no response came back. */
  status: string;
  count: number;
}

export interface HttpOptions {
  /** Requests in flight at once for one registry instance. */
  concurrency: number;
  /** TCP + TLS connect timeout per attempt. */
  connectTimeoutMs: number;
  /** Whole-request timeout per attempt (connect, headers and body). */
  requestTimeoutMs: number;
  /** Retries after the first attempt on 5xx, 429 and connection errors. */
  retries: number;
  /** First back-off delay; doubled per retry, with jitter. */
  retryBaseDelayMs: number;
  /** Longest single wait, back-off or `Retry-After`; a longer `Retry-After` fails at once. */
  retryMaxDelayMs: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  concurrency: 8,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  retries: 3,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 30_000,
};

export interface HttpRequest {
  kind: RequestKind;
  method: 'GET' | 'HEAD';
  url: URL;
  headers: Record<string, string>;
  /** Larger bodies fail with `too-large`. */
  maxBodyBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** URL of the final response, after redirects. */
  url: URL;
}

/** Creates the keep-alive connection pool (one pool per origin inside an undici Agent). */
export function createRegistryAgent(
  options: Pick<HttpOptions, 'connectTimeoutMs'> & {
    connectionsPerOrigin?: number;
  } = DEFAULT_HTTP_OPTIONS,
): Agent {
  return new Agent({
    connections: options.connectionsPerOrigin ?? 8,
    keepAliveTimeout: 30_000,
    connect: { timeout: options.connectTimeoutMs },
  });
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * The HTTP layer of one registry instance: keep-alive pool, concurrency cap, per-attempt
 * timeouts, retries with back-off (5xx, connection errors, 429 + Retry-After), redirects
 * without leaking `Authorization` to another origin, request counters and rate-limit headers.
 * Returns every final response, whatever its status; status → error mapping is the caller's.
 */
export class RegistryHttp {
  private readonly semaphore: Semaphore;
  private readonly counts = new Map<string, number>();
  private lastRateLimit: RateLimit | undefined;

  constructor(
    private readonly registryId: string,
    private readonly dispatcher: Dispatcher,
    private readonly options: HttpOptions,
    private readonly logger: RegistryLogger,
    /** Whether a redirect may lead from https to http (insecure registries only). */
    private readonly allowHttp: (url: URL) => boolean,
  ) {
    this.semaphore = new Semaphore(options.concurrency);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const isLast = attempt >= this.options.retries;
      let response: HttpResponse;
      try {
        response = await this.semaphore.run(() => this.followRedirects(request));
      } catch (error) {
        if (!(error instanceof TransientError) || isLast)
          throw this.toRegistryError(error, request);
        const delay = this.backoff(attempt);
        this.logger.debug(
          `${this.registryId}: ${request.method} ${describeUrl(request.url)} failed (${error.reason}); retrying in ${delay} ms`,
        );
        await sleep(delay);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status) || isLast) return response;
      const delay = this.retryDelay(response, attempt);
      if (delay === undefined) return response;
      this.logger.debug(
        `${this.registryId}: ${request.method} ${describeUrl(request.url)} answered ${response.status}; retrying in ${delay} ms`,
      );
      await sleep(delay);
    }
  }

  counters(): RequestCount[] {
    return [...this.counts.entries()].map(([key, count]) => {
      const [kind, status] = key.split(' ') as [RequestKind, string];
      return { kind, status, count };
    });
  }

  /** Counts a request made outside this class (e.g. ECR's GetAuthorizationToken through the AWS SDK). */
  record(kind: RequestKind, status: string): void {
    const key = `${kind} ${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  rateLimit(): RateLimit | undefined {
    return this.lastRateLimit ? { ...this.lastRateLimit } : undefined;
  }

  /** Delay before retrying a 429/5xx response, or undefined to give up now. */
  private retryDelay(response: HttpResponse, attempt: number): number | undefined {
    if (response.status !== 429) return this.backoff(attempt);
    // Docker Hub's pull limit: retrying cannot help until the window moves.
    if (header(response.headers, 'ratelimit-remaining')?.trim().startsWith('0')) return undefined;
    const retryAfter = parseRetryAfter(header(response.headers, 'retry-after'));
    if (retryAfter === undefined) return this.backoff(attempt);
    return retryAfter <= this.options.retryMaxDelayMs ? retryAfter : undefined;
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseDelayMs * 2 ** attempt;
    const jittered = base / 2 + Math.random() * (base / 2);
    return Math.round(Math.min(this.options.retryMaxDelayMs, jittered));
  }

  private async followRedirects(request: HttpRequest): Promise<HttpResponse> {
    let url = request.url;
    let headers = request.headers;
    for (let redirects = 0; ; redirects++) {
      const response = await this.attempt(request, url, headers);
      if (!REDIRECT_STATUSES.has(response.status)) return response;
      const location = header(response.headers, 'location');
      if (!location || redirects >= MAX_REDIRECTS) return response;
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') return response;
      if (next.protocol === 'http:' && url.protocol === 'https:' && !this.allowHttp(next)) {
        throw new RegistryError(
          'bad-response',
          `registry ${url.host} redirected to an insecure http:// URL`,
          { registry: this.registryId },
        );
      }
      if (next.origin !== url.origin) {
        // Blob redirects go to CDNs: never hand them the registry's credentials.
        const { authorization: _dropped, ...rest } = headers;
        headers = rest;
      }
      url = next;
    }
  }

  /** One HTTP exchange with the whole-request timeout; the body is read here, with a cap. */
  private async attempt(
    request: HttpRequest,
    url: URL,
    headers: Record<string, string>,
  ): Promise<HttpResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.requestTimeoutMs);
    try {
      const response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: { 'user-agent': 'tidewatch', ...headers },
        signal: controller.signal,
        headersTimeout: this.options.requestTimeoutMs,
        bodyTimeout: this.options.requestTimeoutMs,
      });
      const body = await readBody(response.body, request.maxBodyBytes, () => controller.abort());
      if (body === undefined) {
        this.record(request.kind, String(response.statusCode));
        throw new RegistryError(
          'too-large',
          `registry ${url.host} sent more than ${request.maxBodyBytes} bytes for ${describeUrl(url)}`,
          { registry: this.registryId, status: response.statusCode },
        );
      }
      this.record(request.kind, String(response.statusCode));
      this.noteRateLimit(response.headers);
      return { status: response.statusCode, headers: response.headers, body, url };
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      if (timedOut || isTimeoutError(error)) {
        this.record(request.kind, 'timeout');
        // A hung registry is not retried: retries would multiply the wait.
        throw new RegistryError(
          'timeout',
          `registry ${url.host} did not answer ${request.method} ${describeUrl(url)} within ${this.options.requestTimeoutMs} ms`,
          {
            registry: this.registryId,
            cause: error,
          },
        );
      }
      this.record(request.kind, 'error');
      const code = errorCode(error);
      if (code !== undefined && RETRYABLE_ERROR_CODES.has(code))
        throw new TransientError(code, error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private noteRateLimit(headers: HttpResponse['headers']): void {
    const rateLimit = parseRateLimit(
      header(headers, 'ratelimit-limit'),
      header(headers, 'ratelimit-remaining'),
    );
    if (rateLimit) this.lastRateLimit = rateLimit;
  }

  private toRegistryError(error: unknown, request: HttpRequest): RegistryError {
    if (error instanceof RegistryError) return error;
    const reason =
      error instanceof TransientError
        ? error.reason
        : (errorCode(error) ?? (error instanceof Error ? error.message : String(error)));
    const cause = error instanceof TransientError ? error.cause : error;
    if (reason === 'UND_ERR_CONNECT_TIMEOUT') {
      return new RegistryError(
        'timeout',
        `could not connect to registry ${request.url.host} within ${this.options.connectTimeoutMs} ms`,
        {
          registry: this.registryId,
          cause,
        },
      );
    }
    return new RegistryError(
      'unavailable',
      `registry ${request.url.host} is unreachable (${reason})`,
      { registry: this.registryId, cause },
    );
  }
}

/** A connection-level failure worth retrying. */
class TransientError extends Error {
  constructor(
    readonly reason: string,
    override readonly cause: unknown,
  ) {
    super(reason);
  }
}

/** Reads the body up to `max` bytes; undefined (and the stream destroyed) when it is larger. */
async function readBody(
  body: Dispatcher.ResponseData['body'],
  max: number,
  abort: () => void,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > max) {
      abort();
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

export function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined || cause === error ? undefined : errorCode(cause);
}

function isTimeoutError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/** URL without query string, for messages (queries can be long and hold opaque page tokens). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
