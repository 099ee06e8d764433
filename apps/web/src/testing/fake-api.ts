/**
 * An in-memory stand-in for the Tidewatch server in component tests. The app's real API client
 * (openapi-fetch) sends real Request objects here; a test lists the routes it expects, and any
 * other request fails the test loudly instead of returning undefined.
 */
/** Returns a Response, or a JSON body for a 200 (or a promise of either). */
export type FakeRoute = (request: Request, params: Record<string, string>) => unknown;

type Entry = { method: string; pattern: RegExp; keys: string[]; handler: FakeRoute };

let routes: Entry[] = [];
export const requests: Array<{ method: string; path: string; body: unknown }> = [];
const unexpected: string[] = [];

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_match, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), keys };
}

/** Serves `'METHOD /path/{param}'` routes; a handler returns a Response or a JSON body (200). */
export function serveApi(table: Record<string, FakeRoute>): void {
  for (const [route, handler] of Object.entries(table)) {
    const [method, path] = route.split(' ');
    routes.push({ method, ...compile(path), handler });
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A promise the test resolves when it wants the server to answer (to see progress states). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

export async function handleFetch(input: Request | string, init?: RequestInit): Promise<Response> {
  const request = typeof input === 'string' ? new Request(input, init) : input;
  const url = new URL(request.url);
  const text =
    request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
  requests.push({
    method: request.method,
    path: `${url.pathname}${url.search}`,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  });
  for (const route of routes) {
    const match = route.method === request.method ? route.pattern.exec(url.pathname) : null;
    if (!match) continue;
    const params = Object.fromEntries(
      route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1])]),
    );
    const result = await route.handler(request, params);
    return result instanceof Response ? result : json(result);
  }
  const message = `Unexpected API request in a test: ${request.method} ${url.pathname}${url.search}`;
  unexpected.push(message);
  throw new Error(message);
}

/** Called after each test: forgets routes and requests, and fails if a request was unexpected. */
export function resetApi(): void {
  routes = [];
  requests.length = 0;
  const found = unexpected.splice(0);
  if (found.length > 0) throw new Error(found.join('\n'));
}
