import { pathMatches, policyFor } from './route-policy';

describe('route policy table', () => {
  it.each([
    ['GET', '/health', 'public'],
    ['GET', '/health/ready', 'public'],
    ['GET', '/api/app', 'public'],
    ['GET', '/metrics', 'public'],
    ['POST', '/api/webhooks/registry/:name', 'public'],
    ['POST', '/api/auth/login', 'public'],
    ['POST', '/api/auth/setup', 'public'],
    ['GET', '/api/auth/oidc/{name}/cb', 'public'],
    ['GET', '/api/auth/me', 'viewer'],
    ['GET', '/api/containers', 'viewer'],
    ['GET', '/api/containers/:id', 'viewer'],
    ['GET', '/api/events', 'viewer'],
    ['POST', '/api/containers/watch', 'operator'],
    ['POST', '/api/containers/:id/watch', 'operator'],
    ['POST', '/api/containers/{id}/triggers/{type}/{name}', 'operator'],
    ['DELETE', '/api/containers/:id', 'operator'],
    ['POST', '/api/history/:id/retry', 'operator'],
    ['POST', '/api/triggers/:type/:name/test', 'operator'],
    ['POST', '/api/triggers', 'admin'],
    ['PUT', '/api/triggers/:type/:name', 'admin'],
    ['DELETE', '/api/triggers/:type/:name', 'admin'],
    ['GET', '/api/users', 'admin'],
    ['GET', '/api/audit', 'admin'],
    // Routes nobody listed: reads need a viewer, anything else an admin.
    ['GET', '/api/something-new', 'viewer'],
    ['POST', '/api/something-new', 'admin'],
    ['PATCH', '/api/settings', 'admin'],
    ['POST', '/health', 'admin'],
    ['DELETE', '/api/app', 'admin'],
    ['POST', '/api/webhooks/other', 'admin'],
  ])('%s %s → %s', (method, path, access) => {
    expect(policyFor(method, path).access).toBe(access);
  });

  it('refuses API tokens on account and user management', () => {
    expect(policyFor('POST', '/api/auth/tokens').tokens).toBe(false);
    expect(policyFor('DELETE', '/api/users/:id').tokens).toBe(false);
    expect(policyFor('GET', '/api/containers').tokens).toBeUndefined();
  });

  it.each([
    ['/api/containers/:id', '/api/containers/:id', true],
    ['/api/containers/:id', '/api/containers/{id}', true],
    ['/api/containers/:id', '/api/containers', false],
    ['/api/containers/:id', '/api/containers/:id/watch', false],
    ['/api/containers/**', '/api/containers', false],
    ['/api/containers/**', '/api/containers/watch', true],
    ['/api/containers/**', '/api/containers/:id/triggers/:type/:name', true],
    ['/**', '/anything/at/all', true],
  ])('%s matches %s: %s', (pattern, route, expected) => {
    expect(pathMatches(pattern, route)).toBe(expected);
  });
});
