// A signed-in API caller for auth tests: a cookie jar session (with its CSRF token), an API token,
// HTTP Basic, or nobody. Sends JSON; returns status, headers and parsed body.
export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type Credentials =
  | { kind: 'anonymous' }
  | { kind: 'session'; cookies: Map<string, string>; csrf: boolean }
  | { kind: 'token'; token: string }
  | { kind: 'basic'; username: string; password: string };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Applies Set-Cookie headers to a jar (an empty value or a past expiry removes the cookie). */
export function storeCookies(jar: Map<string, string>, headers: Headers): void {
  for (const line of headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = decodeURIComponent(pair.slice(eq + 1).trim());
    const expired = attributes.some((attribute) => /^\s*expires=/i.test(attribute) && new Date(attribute.split('=')[1]).getTime() < Date.now());
    if (!value || expired) jar.delete(name);
    else jar.set(name, value);
  }
}

export async function call<T = unknown>(baseUrl: string, credentials: Credentials, method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (body !== undefined && typeof body !== 'string') headers['content-type'] = 'application/json';
  if (typeof body === 'string') headers['content-type'] ??= 'application/json';
  switch (credentials.kind) {
    case 'session':
      headers.cookie = cookieHeader(credentials.cookies);
      if (credentials.csrf && !SAFE.has(method) && credentials.cookies.has('tidewatch_csrf')) headers['x-csrf-token'] = credentials.cookies.get('tidewatch_csrf') ?? '';
      break;
    case 'token':
      headers.authorization = `Bearer ${credentials.token}`;
      break;
    case 'basic':
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
      break;
    case 'anonymous':
      break;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 15_000);
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
      signal: controller.signal,
    });
    if (credentials.kind === 'session') storeCookies(credentials.cookies, response.headers);
    // Event streams never end: the status is all we need.
    if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      controller.abort();
      return { status: response.status, body: undefined as T, headers: response.headers };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  } finally {
    clearTimeout(timer);
  }
}

/** Signs in with a password; returns a session caller (cookie jar, CSRF on). */
export async function login(baseUrl: string, username: string, password: string): Promise<Extract<Credentials, { kind: 'session' }>> {
  const session: Extract<Credentials, { kind: 'session' }> = { kind: 'session', cookies: new Map(), csrf: true };
  const result = await call<{ message?: string }>(baseUrl, session, 'POST', '/api/auth/login', { username, password });
  if (result.status !== 200) throw new Error(`login ${username}: ${result.status} ${JSON.stringify(result.body)}`);
  return session;
}
