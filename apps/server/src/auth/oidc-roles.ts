import type { OidcProviderConfig } from './auth-config';
import type { Role } from './roles';

/** The values of a claim at a dot path (`groups`, `realm_access.roles`): strings, from a string or an array. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let node: unknown = claims;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
    node = (node as Record<string, unknown>)[segment];
  }
  if (typeof node === 'string') return node.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(node)) return node.filter((item): item is string => typeof item === 'string');
  return [];
}

/** Maps the provider's groups to the highest matching role, else the provider's default (`none` refuses). */
export function mapOidcRole(claims: Record<string, unknown>, provider: Pick<OidcProviderConfig, 'roleClaim' | 'adminGroups' | 'operatorGroups' | 'viewerGroups' | 'defaultRole'>): Role | 'none' {
  const groups = new Set(claimValues(claims, provider.roleClaim));
  const inAny = (wanted: string[]) => wanted.some((group) => groups.has(group));
  if (inAny(provider.adminGroups)) return 'admin';
  if (inAny(provider.operatorGroups)) return 'operator';
  if (inAny(provider.viewerGroups)) return 'viewer';
  return provider.defaultRole;
}
