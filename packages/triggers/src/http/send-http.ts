import {
  TriggerDeliveryError,
  errorCode,
  errorMessage,
  isRetryableStatus,
  parseRetryAfter,
} from '../errors';
import { redact, stripUrlCredentials } from '../redact';

/** Largest response body kept for error messages and details. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs: number;
  /** Cancellation from the engine. */
  signal?: AbortSignal;
  /** Values to mask in the summary and in error messages. */
  secrets: readonly string[];
  fetch?: typeof fetch;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Body text (first 64 KiB). */
  text: string;
  /** Redacted `POST https://host/path → 200`. */
  summary: string;
}

const SENSITIVE_QUERY = /token|key|secret|pass|sig|auth|code|session|credential/i;

/**
 * The URL as it may appear in logs and history: no user-info, values of query parameters whose
 * names look sensitive (`token`, `api_key`, `sig`, …) masked, configured secrets masked.
 */
export function displayUrl(url: string, secrets: readonly string[]): string {
  let shown = stripUrlCredentials(url);
  try {
    const parsed = new URL(shown);
    let changed = false;
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (SENSITIVE_QUERY.test(name)) {
        parsed.searchParams.set(name, 'MASKED');
        changed = true;
      }
    }
    if (changed) shown = parsed.toString().replace(/=MASKED/g, '=****');
  } catch {
    // Not a URL: only the secret masking below applies.
  }
  return redact(shown, secrets);
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  // Node's web ReadableStream is async-iterable; leaving the loop early cancels the stream.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    size += chunk.byteLength;
    if (size >= MAX_RESPONSE_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

/**
 * One HTTP request with a timeout, no redirects followed (they could carry credentials elsewhere),
 * and failures mapped to {@link TriggerDeliveryError}: 5xx/408/429, timeouts and network errors
 * are retryable, other statuses are not. Resolves only for 2xx.
 */
export async function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  const shownUrl = displayUrl(request.url, request.secrets);
  const line = `${request.method} ${shownUrl}`;
  for (const [name, value] of Object.entries(request.headers)) {
    // fetch rejects such values with a TypeError that would look like a network failure.
    if (/[\r\n\0]/.test(value) || /[^\u0000-\u00ff]/.test(value)) {
      throw new TriggerDeliveryError(
        `${line}: header ${name} has characters HTTP headers cannot carry`,
        { retryable: false, code: 'config' },
      );
    }
  }
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const doFetch = request.fetch ?? fetch;
  const started = Date.now();
  let response: Response;
  let text: string;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal,
    });
    text = await readLimited(response);
  } catch (error) {
    if (request.signal?.aborted) {
      throw new TriggerDeliveryError(`${line}: cancelled`, {
        retryable: true,
        code: 'aborted',
        cause: error,
      });
    }
    if (timeout.aborted) {
      throw new TriggerDeliveryError(`${line}: no answer within ${request.timeoutMs} ms`, {
        retryable: true,
        code: 'timeout',
        cause: error,
      });
    }
    const code = errorCode(error);
    const reason = redact(code ?? errorMessage(error), request.secrets);
    throw new TriggerDeliveryError(`${line}: ${reason}`, {
      retryable: true,
      code: 'network',
      cause: error,
    });
  }
  const summary = `${line} → ${response.status}`;
  if (response.status >= 200 && response.status < 300) {
    return { status: response.status, headers: response.headers, text, summary };
  }
  const elapsed = Date.now() - started;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    throw new TriggerDeliveryError(
      `${summary}: redirect${location ? ` to ${displayUrl(location, request.secrets)}` : ''} not followed; configure the final URL`,
      {
        retryable: false,
        code: 'http-status',
        status: response.status,
      },
    );
  }
  const excerpt = redact(text.replace(/\s+/g, ' ').trim().slice(0, 300), request.secrets);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  throw new TriggerDeliveryError(`${summary}${excerpt ? `: ${excerpt}` : ''}`, {
    retryable: isRetryableStatus(response.status),
    code: 'http-status',
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    details: { elapsedMs: elapsed },
  });
}

/** `User-Agent` value: `Tidewatch` or `Tidewatch/<version>`. */
export function userAgent(appVersion: string | undefined): string {
  return appVersion ? `Tidewatch/${appVersion}` : 'Tidewatch';
}

/** Joins an API base URL (with or without trailing slash or base path) and a path. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A provider's JSON POST: the JSON content type, Tidewatch's User-Agent, the engine's
 * cancellation and the injected `fetch`, around {@link sendHttp}.
 */
export function postJson(
  url: string,
  payload: unknown,
  options: {
    timeoutMs: number;
    secrets: readonly string[];
    signal?: AbortSignal;
    deps: { appVersion?: string; fetch?: typeof fetch };
  },
): Promise<HttpResponse> {
  return sendHttp({
    method: 'POST',
    url,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': userAgent(options.deps.appVersion),
    },
    body: JSON.stringify(payload),
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    secrets: options.secrets,
    ...(options.deps.fetch ? { fetch: options.deps.fetch } : {}),
  });
}
