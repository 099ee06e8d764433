/** What a user may do: viewer reads, operator also runs checks, updates and triggers, admin also configures. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is at least `required`. */
export function roleAllows(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}
