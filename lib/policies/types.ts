export type Role = 'OWNER' | 'MODERATOR' | 'MEMBER';

/** Who is acting, and their role in the workspace that owns the resource (null = not a member). */
export type Actor = { userId: string; role: Role | null };

const RANK: Record<Role, number> = { MEMBER: 1, MODERATOR: 2, OWNER: 3 };

export function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}
