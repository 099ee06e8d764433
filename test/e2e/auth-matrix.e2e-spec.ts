// Route-by-route authorization, generated from the running server's OpenAPI document: every
// operation is called as anonymous, viewer, operator, admin, API tokens (read / write) and HTTP
// Basic, and must answer exactly as the central route-policy table says.
import { policyFor, SAFE_METHODS } from '../../apps/server/src/auth/route-policy';
import { roleAllows, type Role } from '../../apps/server/src/auth/roles';
import { buildImage, type DockerEngine, runContainer, startDockerEngine } from '../env';
import { call, type Credentials, login } from '../support/auth-client';
import { type ServerProcess, startServer } from '../support/server-process';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

interface Principal {
  name: string;
  credentials: Credentials;
  role?: Role;
  scope?: 'read' | 'write';
}

const ADMIN = { username: 'admin', password: 'admin-password-1' };
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
// Public routes that check a credential of their own (so 401 from them is the route, not the guard).
const OWN_CREDENTIAL = new Set(['/metrics', '/api/webhooks/registry/{name}']);
const GUARD_MESSAGES = /^(Sign-in required|Missing or invalid CSRF token|API tokens cannot be used here|This API token has the read scope|Requires the \w+ role|Invalid, expired or revoked API token|Invalid user name or password)/;

/** A concrete URL for an OpenAPI path, with parameters that pass validation but name nothing. */
function concrete(path: string): string {
  return path
    .replace(/\/containers\/\{id\}/, `/containers/${'0'.repeat(64)}`)
    .replace('{id}', ZERO_UUID)
    .replace('{type}', 'webhook')
    .replace('{name}', 'nope');
}

type Expectation = 'allow' | 401 | 403;

function expectation(principal: Principal, operation: Operation): Expectation {
  const policy = policyFor(operation.method, operation.path);
  if (policy.access === 'public') return 'allow';
  if (!principal.role) return 401;
  if (principal.scope) {
    if (policy.tokens === false) return 403;
    if (principal.scope === 'read' && !SAFE_METHODS.has(operation.method)) return 403;
  }
  return roleAllows(principal.role, policy.access) ? 'allow' : 403;
}

describe('authorization matrix (every route of the OpenAPI document)', () => {
  let engine: DockerEngine;
  let server: ServerProcess;
  let operations: Operation[];
  const principals: Principal[] = [];

  beforeAll(async () => {
    engine = await startDockerEngine();
    await buildImage(engine, 'acme/matrix:1.0.0');
    await runContainer(engine, 'acme/matrix:1.0.0', { name: 'matrix' });
    server = await startServer({
      env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_AUTH_ADMIN_USER: ADMIN.username, TIDEWATCH_AUTH_ADMIN_PASSWORD: ADMIN.password },
    });
    const admin = await login(server.url, ADMIN.username, ADMIN.password);
    for (const role of ['viewer', 'operator'] as const) {
      const created = await call(server.url, admin, 'POST', '/api/users', { username: role, password: `${role}-password-1`, role });
      expect(created.status).toBe(201);
    }
    const token = async (owner: Credentials, scope: 'read' | 'write') => {
      const result = await call<{ token: string }>(server.url, owner, 'POST', '/api/auth/tokens', { name: `matrix ${scope}`, scope });
      expect(result.status).toBe(201);
      return result.body.token;
    };
    const viewer = await login(server.url, 'viewer', 'viewer-password-1');
    const operator = await login(server.url, 'operator', 'operator-password-1');
    principals.push(
      { name: 'anonymous', credentials: { kind: 'anonymous' } },
      { name: 'viewer (session)', credentials: viewer, role: 'viewer' },
      { name: 'operator (session)', credentials: operator, role: 'operator' },
      { name: 'admin (session)', credentials: admin, role: 'admin' },
      { name: 'admin token, read scope', credentials: { kind: 'token', token: await token(admin, 'read') }, role: 'admin', scope: 'read' },
      { name: 'admin token, write scope', credentials: { kind: 'token', token: await token(admin, 'write') }, role: 'admin', scope: 'write' },
      { name: 'viewer token, write scope', credentials: { kind: 'token', token: await token(viewer, 'write') }, role: 'viewer', scope: 'write' },
      { name: 'operator (HTTP Basic)', credentials: { kind: 'basic', username: 'operator', password: 'operator-password-1' }, role: 'operator' },
    );
    const document = await call<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>(server.url, { kind: 'anonymous' }, 'GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    operations = Object.entries(document.body.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, hasBody: operation.requestBody !== undefined })),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await engine?.stop();
  });

  it('covers every kind of route', () => {
    expect(operations.length).toBeGreaterThanOrEqual(35);
    const access = new Set(operations.map((operation) => policyFor(operation.method, operation.path).access));
    expect([...access].sort()).toEqual(['admin', 'operator', 'public', 'viewer']);
    // Nothing state-changing is open by accident: the public ones are exactly these.
    const publicWrites = operations.filter((op) => !SAFE_METHODS.has(op.method) && policyFor(op.method, op.path).access === 'public').map((op) => `${op.method} ${op.path}`);
    expect(publicWrites.sort()).toEqual(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/setup', 'POST /api/webhooks/registry/{name}']);
  });

  const NAMES = ['anonymous', 'viewer (session)', 'operator (session)', 'admin (session)', 'admin token, read scope', 'admin token, write scope', 'viewer token, write scope', 'operator (HTTP Basic)'];
  it.each(NAMES)('%s gets exactly what the policy allows on every route', async (name) => {
    const principal = principals.find((candidate) => candidate.name === name);
    if (!principal) throw new Error(`no principal ${name}`);
    const wrong: string[] = [];
    for (const operation of operations) {
      // Signing out would end the session the rest of the matrix uses (logout has its own tests).
      if (operation.path === '/api/auth/logout' && principal.credentials.kind === 'session') continue;
      const result = await call<{ message?: string }>(server.url, principal.credentials, operation.method, concrete(operation.path), operation.hasBody ? {} : undefined);
      const want = expectation(principal, operation);
      const message = typeof result.body === 'object' && result.body ? (result.body.message ?? '') : '';
      const guardRefused = (result.status === 401 || result.status === 403) && GUARD_MESSAGES.test(message);
      const ok =
        want === 'allow'
          ? !guardRefused && result.status !== 403 && (result.status !== 401 || OWN_CREDENTIAL.has(operation.path)) && result.status < 500
          : result.status === want && message.length > 0;
      if (!ok) wrong.push(`${operation.method} ${operation.path}: expected ${want}, got ${result.status} ${message}`);
    }
    expect({ principal: principal.name, wrong }).toEqual({ principal: principal.name, wrong: [] });
  });

  it('refuses anonymous callers on every non-public route and viewers on every state-changing one', async () => {
    const viewer = principals[1].credentials;
    for (const operation of operations) {
      const policy = policyFor(operation.method, operation.path);
      if (policy.access === 'public') continue;
      const anonymous = await call(server.url, { kind: 'anonymous' }, operation.method, concrete(operation.path), operation.hasBody ? {} : undefined);
      expect(`${operation.method} ${operation.path} → ${anonymous.status}`).toBe(`${operation.method} ${operation.path} → 401`);
      if (!SAFE_METHODS.has(operation.method) && policy.access !== 'viewer') {
        const refused = await call(server.url, viewer, operation.method, concrete(operation.path), operation.hasBody ? {} : undefined);
        expect(`${operation.method} ${operation.path} → ${refused.status}`).toBe(`${operation.method} ${operation.path} → 403`);
      }
    }
  });
});
