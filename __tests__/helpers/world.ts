/** A small workspace with one user per role, plus an outsider, for permission tests. */
import { db } from '@/lib/db/client';
import { unique } from './db';

export type World = Awaited<ReturnType<typeof makeWorld>>;
export type RoleName = 'anonymous' | 'outsider' | 'member' | 'moderator' | 'owner';

async function user(label: string) {
  const email = `${unique(label)}@example.com`;
  return db().user.create({
    data: { email, name: label },
    select: { id: true, email: true, name: true },
  });
}

export async function makeWorld() {
  const [owner, moderator, member, outsider] = await Promise.all([
    user('owner'),
    user('moderator'),
    user('member'),
    user('outsider'),
  ]);
  const workspace = await db().workspace.create({
    data: {
      name: 'World',
      slug: unique('world'),
      memberships: {
        create: [
          { userId: owner.id, role: 'OWNER' },
          { userId: moderator.id, role: 'MODERATOR' },
          { userId: member.id, role: 'MEMBER' },
        ],
      },
    },
  });
  const callers = { anonymous: null, outsider, member, moderator, owner } as const;
  return { workspace, owner, moderator, member, outsider, callers };
}
