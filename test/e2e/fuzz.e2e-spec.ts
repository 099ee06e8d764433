// Hostile input against every endpoint of the OpenAPI document, signed in as an admin (and
// anonymously): malformed JSON, wrong types in every field, huge bodies, path traversal in every
// path parameter, hostile regexes and templates in trigger configurations. Every answer must be a
// 4xx with a message (or a success for input that is merely odd), never a 500, never a hang; the
// server must be healthy afterwards.
import { request as httpRequest } from 'node:http';
import { type ServerProcess, startServer } from '../support/server-process';

interface Operation {
  method: string;
  path: string;
  schema?: Schema;
}

interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  $ref?: string;
  additionalProperties?: unknown;
  items?: Schema;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

const ADMIN = { username: 'admin', password: 'fuzz admin password' };
const BASIC = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
const TIMEOUT_MS = 10_000;
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const MALFORMED_JSON = ['{', '{"a":', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '\u0000', '{"a":"\\ud800"}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"admin":true}}', '[]', '"just a string"', '12'];
const WRONG_VALUES: unknown[] = [123, -1, 1e308, true, null, [], [1, 2], {}, { $gt: '' }, 'x'.repeat(100_000), '../../../../etc/passwd', '\u0000', '${process.exit(1)}', '(a+)+$'];
const PATH_VALUES = ['..', '../..', '..%2f..%2fetc%2fpasswd', '%2e%2e', '%2e%2e%2f%2e%2e%2f', '....%2f%2f', '%00', '%ff%fe', `${'a'.repeat(4000)}`, '%3Cscript%3Ealert(1)%3C%2Fscript%3E', "'%20OR%201%3D1%20--", '%24%7Bprocess.exit()%7D', '(a%2B)%2B%24'];
const HOSTILE_TEMPLATES = [
  '${container.constructor.constructor("return process")().exit(1)}',
  '${this.constructor.constructor("return process")().mainModule}',
  '{{constructor.constructor("return process")().exit(1)}}',
  '${' + 'container.name'.repeat(5000) + '}',
  '<%= process.exit(1) %>',
  '${(function f(){ f() })()}',
  '${'.repeat(10_000),
];
const HOSTILE_REGEXES = ['(a+)+$', '^(a|a)*$', '(x+x+)+y', '(.*a){25}', '[', '(?<=a', '\\'];

/** Exact request (raw path: no normalisation of `..`), with a hard timeout. */
function send(baseUrl: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...headers }, timeout: TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: '', ms: Date.now() - started });
          return;
        }
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path.slice(0, 120)} hung for ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function sample(schema: Schema | undefined, components: Record<string, Schema>): unknown {
  if (!schema) return {};
  if (schema.$ref) return sample(components[schema.$ref.split('/').pop() ?? ''], components);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'sample-value';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(schema.items, components)];
    case 'object':
    case undefined:
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sample(property, components)]));
  }
}

describe('fuzzing every endpoint', () => {
  let server: ServerProcess;
  let operations: Operation[];
  let components: Record<string, Schema>;
  let problems: string[] = [];
  let requests = 0;

  beforeEach(() => {
    problems = [];
  });

  /** Sends, and records anything that is not a clean answer. */
  async function probe(label: string, method: string, path: string, body?: string, headers: Record<string, string> = { authorization: BASIC }): Promise<Answer | undefined> {
    requests++;
    try {
      const answer = await send(server.url, method, path, body, headers);
      if (answer.status >= 500) problems.push(`${label}: ${method} ${path.slice(0, 100)} → ${answer.status} ${answer.body.slice(0, 200)}`);
      if (answer.status >= 400 && answer.status < 500) {
        let message: unknown;
        try {
          message = (JSON.parse(answer.body) as { message?: unknown }).message;
        } catch {
          message = undefined;
        }
        if (typeof message !== 'string' || message.length === 0) problems.push(`${label}: ${method} ${path.slice(0, 100)} → ${answer.status} without a message: ${answer.body.slice(0, 200)}`);
      }
      return answer;
    } catch (error) {
      problems.push(`${label}: ${method} ${path.slice(0, 100)} → ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  beforeAll(async () => {
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: '/nonexistent/docker.sock',
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false',
        TIDEWATCH_AUTH_ADMIN_USER: ADMIN.username,
        TIDEWATCH_AUTH_ADMIN_PASSWORD: ADMIN.password,
        // The fuzzer signs in wrongly on purpose, many times: no lockout here (it has its own tests).
        TIDEWATCH_AUTH_LOCKOUT_ATTEMPTS: '1000',
        TIDEWATCH_AUTH_LOCKOUT_IPATTEMPTS: '100000',
        TIDEWATCH_DELIVERY_RETRIES: '0',
        TIDEWATCH_DELIVERY_TIMEOUT: '2000',
      },
    });
    const document = JSON.parse((await send(server.url, 'GET', '/api/openapi.json')).body) as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    components = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, schema: operation.requestBody?.content?.['application/json']?.schema })),
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  const concrete = (path: string) => path.replace(/\/containers\/\{id\}/, `/containers/${'0'.repeat(64)}`).replace('{id}', '00000000-0000-4000-8000-000000000000').replace('{type}', 'webhook').replace('{name}', 'nope');
  const writes = () => operations.filter((operation) => operation.method !== 'GET' && operation.path !== '/api/auth/logout');

  it('answers malformed JSON with 400 on every endpoint that takes a body (signed in and anonymous)', async () => {
    for (const operation of writes()) {
      for (const text of MALFORMED_JSON) {
        await probe('malformed', operation.method, concrete(operation.path), text);
        await probe('malformed, anonymous', operation.method, concrete(operation.path), text, {});
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers wrong types in every field with 4xx naming the problem', async () => {
    for (const operation of writes()) {
      const base = sample(operation.schema, components);
      const fields = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
      for (const field of fields.length > 0 ? fields : ['unexpected']) {
        for (const value of WRONG_VALUES) {
          await probe(`field ${field}`, operation.method, concrete(operation.path), JSON.stringify({ ...(base as object), [field]: value }));
        }
      }
      await probe('unknown field', operation.method, concrete(operation.path), JSON.stringify({ ...(base as object), isAdmin: true }));
    }
    expect(problems).toEqual([]);
  });

  it('refuses huge bodies with 413', async () => {
    const huge = JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) });
    for (const operation of writes()) {
      const answer = await probe('huge', operation.method, concrete(operation.path), huge);
      if (answer && answer.status !== 413) problems.push(`huge: ${operation.method} ${operation.path} → ${answer.status}, expected 413`);
    }
    expect(problems).toEqual([]);
  });

  it('answers path traversal and junk in every path parameter with 4xx', async () => {
    for (const operation of operations) {
      const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const name of names) {
        for (const value of PATH_VALUES) {
          const path = concrete(operation.path.replace(`{${name}}`, value));
          const answer = await probe(`param ${name}`, operation.method, path, operation.method === 'GET' ? undefined : '{}');
          // Traversal must never reach something else: only a refusal, or the public login redirect of OIDC.
          if (answer && answer.status < 400 && !(answer.status === 302 && operation.path.includes('/oidc/'))) problems.push(`param ${name}: ${operation.method} ${path.slice(0, 100)} → ${answer.status}`);
        }
      }
    }
    // Raw traversal outside any route parameter lands nowhere private either.
    for (const path of ['/api/../api/users', '/api/containers/../users', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fpackage.json', '/api/users/%2e%2e', '/api%2fusers']) {
      const anonymous = await probe('raw path', 'GET', path, undefined, {});
      if (anonymous && anonymous.status === 200 && /"username"|"name":\s*"tidewatch"|"workspaces"/.test(anonymous.body) && !/^\{"name":"tidewatch","version"/.test(anonymous.body)) problems.push(`raw path ${path} leaked: ${anonymous.body.slice(0, 100)}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps hostile templates and regexes in trigger configurations inert', async () => {
    const create = (name: string, configuration: Record<string, string>) => probe('trigger', 'POST', '/api/triggers', JSON.stringify({ type: 'webhook', name, configuration }));
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'gopher://127.0.0.1:70/', 'ftp://127.0.0.1/', '//127.0.0.1/x', 'http://']) {
      const answer = await create(`bad-url-${Math.random().toString(36).slice(2, 8)}`, { url });
      if (answer?.status !== 400) problems.push(`url ${url} → ${answer?.status}, expected 400`);
    }
    let index = 0;
    let accepted = 0;
    for (const template of [...HOSTILE_TEMPLATES, ...HOSTILE_REGEXES]) {
      const name = `hostile-${index++}`;
      const created = await create(name, { url: 'http://127.0.0.1:9/unreachable', title: template, body: template });
      if (created?.status === 201) {
        accepted++;
        const started = Date.now();
        await probe('trigger test', 'POST', `/api/triggers/webhook/${name}/test`, '{}');
        if (Date.now() - started > TIMEOUT_MS) problems.push(`template ${template.slice(0, 40)} took ${Date.now() - started} ms`);
        await probe('trigger delete', 'DELETE', `/api/triggers/webhook/${name}`);
      }
    }
    // Templates are plain strings to the API (the engine renders them without evaluating code).
    expect(accepted).toBeGreaterThan(0);
    for (const value of HOSTILE_REGEXES) {
      await probe('regex query', 'GET', `/api/containers?name=${encodeURIComponent(value)}`);
      await probe('regex query', 'GET', `/api/history?container=${encodeURIComponent(value)}`);
    }
    expect(problems).toEqual([]);
  });

  it('is healthy afterwards, every answer came in time, and nothing crashed', async () => {
    expect(requests).toBeGreaterThan(1000);
    const health = await send(server.url, 'GET', '/health');
    expect(health.status).toBe(200);
    const me = await send(server.url, 'GET', '/api/auth/me', undefined, { authorization: BASIC });
    expect(JSON.parse(me.body)).toMatchObject({ username: 'admin', role: 'admin' });
    expect(server.output()).not.toMatch(/Internal server error|UnhandledPromiseRejection|FATAL/i);
  });
});
