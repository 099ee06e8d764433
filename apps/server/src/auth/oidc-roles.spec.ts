import { claimValues, mapOidcRole } from './oidc-roles';

const provider = { roleClaim: 'groups', adminGroups: ['tw-admins'], operatorGroups: ['tw-ops', 'sre'], viewerGroups: ['staff'], defaultRole: 'none' as const };

describe('OIDC group → role mapping', () => {
  it.each([
    [{ groups: ['staff', 'tw-admins'] }, 'admin'],
    [{ groups: ['sre'] }, 'operator'],
    [{ groups: ['staff'] }, 'viewer'],
    [{ groups: 'tw-ops' }, 'operator'],
    [{ groups: ['TW-ADMINS'] }, 'none'],
    [{ groups: [] }, 'none'],
    [{}, 'none'],
    [{ groups: [{ name: 'tw-admins' }] }, 'none'],
  ])('%j → %s', (claims, role) => {
    expect(mapOidcRole(claims, provider)).toBe(role);
  });

  it('uses the default role for users in no group', () => {
    expect(mapOidcRole({ groups: ['x'] }, { ...provider, defaultRole: 'viewer' })).toBe('viewer');
  });

  it('reads nested claims by dot path', () => {
    const claims = { realm_access: { roles: ['tw-admins'] } };
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['tw-admins']);
    expect(mapOidcRole(claims, { ...provider, roleClaim: 'realm_access.roles' })).toBe('admin');
    expect(claimValues(claims, 'realm_access.nope.deeper')).toEqual([]);
  });
});
