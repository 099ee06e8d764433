/** An API call that did not succeed: the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The `message` of the server's `{statusCode, error, message}` body, or a sensible fallback. */
export function errorMessage(body: unknown, status: number, statusText = ''): string {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body;
    if (typeof message === 'string' && message) return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  if (status === 401) return 'Sign-in required';
  return `The server answered ${status}${statusText ? ` ${statusText}` : ''}`;
}

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** Turns an openapi-fetch result into its data, or throws an ApiError with the server's message. */
export async function unwrap<T>(request: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await request;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(`Cannot reach the Tidewatch server (${message})`, 0);
  }
  if (!result.response.ok)
    throw new ApiError(
      errorMessage(result.error, result.response.status, result.response.statusText),
      result.response.status,
    );
  // A 204 has no body: callers of such endpoints ask for `void`.
  return result.data as T;
}
