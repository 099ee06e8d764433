import type { Role } from './roles';

/**
 * Who may call what: ONE table, read top to bottom, first match wins. Enforced by AuthGuard on
 * every route of the app, so a route added later is covered without touching its controller:
 * an unknown GET needs a viewer, an unknown state-changing route an admin.
 *
 * - `public`: no sign-in (the route may check its own credential, like the registry webhook's token).
 * - a role: signed in with at least that role (session, API token, or HTTP Basic).
 * - `tokens: false`: API tokens are refused (account management needs the user's own sign-in).
 * Paths are Nest route patterns: `:param` matches one segment, `**` the rest of the path.
 */
export type Access = 'public' | Role;

export interface RoutePolicy {
  methods: readonly string[] | '*';
  path: string;
  access: Access;
  tokens?: false;
  why?: string;
}

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const ROUTE_POLICY: readonly RoutePolicy[] = [
  // Probes, app identity and the API description carry nothing private.
  { methods: ['GET', 'HEAD'], path: '/health', access: 'public' },
  { methods: ['GET', 'HEAD'], path: '/health/**', access: 'public' },
  { methods: ['GET', 'HEAD'], path: '/api/app', access: 'public' },
  { methods: ['GET', 'HEAD'], path: '/api/openapi.json', access: 'public', why: 'the API description is public (it is in the source)' },
  { methods: ['GET', 'HEAD'], path: '/api/openapi.yaml', access: 'public' },
  { methods: ['GET', 'HEAD'], path: '/api/docs', access: 'public' },
  { methods: ['GET', 'HEAD'], path: '/api/docs/**', access: 'public' },
  // Own credentials: TIDEWATCH_METRICS_TOKEN, the registry's WEBHOOK_TOKEN.
  { methods: ['GET', 'HEAD'], path: '/metrics', access: 'public', why: 'Bearer TIDEWATCH_METRICS_TOKEN, checked by the controller' },
  { methods: ['POST'], path: '/api/webhooks/registry/:name', access: 'public', why: "the registry's WEBHOOK_TOKEN, checked by the controller" },

  // Signing in and out.
  { methods: ['GET'], path: '/api/auth/status', access: 'public' },
  { methods: ['POST'], path: '/api/auth/login', access: 'public' },
  { methods: ['POST'], path: '/api/auth/setup', access: 'public', why: 'the one-time setup token printed in the log' },
  { methods: ['POST'], path: '/api/auth/logout', access: 'public', why: 'ends the caller’s own session, if any (CSRF-checked when there is one)' },
  { methods: ['GET'], path: '/api/auth/oidc/:name/login', access: 'public' },
  { methods: ['GET'], path: '/api/auth/oidc/:name/cb', access: 'public' },
  { methods: ['GET'], path: '/auth/oidc/:name/cb', access: 'public', why: 'WUD’s callback path, so a provider registration can be kept' },
  // The caller's own account: any role, not with an API token.
  { methods: ['GET'], path: '/api/auth/me', access: 'viewer' },
  { methods: '*', path: '/api/auth/password', access: 'viewer', tokens: false },
  { methods: '*', path: '/api/auth/sessions', access: 'viewer', tokens: false },
  { methods: '*', path: '/api/auth/sessions/**', access: 'viewer', tokens: false },
  { methods: '*', path: '/api/auth/tokens', access: 'viewer', tokens: false },
  { methods: '*', path: '/api/auth/tokens/**', access: 'viewer', tokens: false },

  // Administration: users and the audit log (reads included).
  { methods: '*', path: '/api/users', access: 'admin', tokens: false },
  { methods: '*', path: '/api/users/**', access: 'admin', tokens: false },
  { methods: ['GET'], path: '/api/audit', access: 'admin' },

  // Operators act on containers: checks, updates, running triggers, forgetting a record.
  { methods: ['POST', 'PUT', 'PATCH', 'DELETE'], path: '/api/containers/**', access: 'operator' },
  { methods: ['POST'], path: '/api/triggers/:type/:name/test', access: 'operator' },
  { methods: ['POST'], path: '/api/history/:id/retry', access: 'operator' },
  // Trigger configuration is an admin's (POST/PUT/DELETE /api/triggers… fall through to the default).

  // Defaults: reading needs a viewer, anything else an admin.
  { methods: ['GET', 'HEAD'], path: '/**', access: 'viewer', why: 'default for reads' },
  { methods: '*', path: '/**', access: 'admin', why: 'default for state-changing routes' },
];

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Whether a route pattern (`/api/containers/:id/watch`, or an OpenAPI `{id}` path) matches a policy pattern. */
export function pathMatches(pattern: string, route: string): boolean {
  const want = segments(pattern);
  const got = segments(route.replace(/\{([^}]+)\}/g, ':$1'));
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '**') return got.length > i;
    if (i >= got.length) return false;
    if (want[i].startsWith(':')) continue;
    if (want[i] !== got[i]) return false;
  }
  return want.length === got.length;
}

/** The first entry of the table that applies to the method and route pattern. */
export function policyFor(method: string, route: string): RoutePolicy {
  const upper = method.toUpperCase();
  const found = ROUTE_POLICY.find((entry) => (entry.methods === '*' || entry.methods.includes(upper)) && pathMatches(entry.path, route));
  // The table ends with catch-alls; this only guards against someone removing them.
  return found ?? { methods: '*', path: '/**', access: 'admin' };
}
