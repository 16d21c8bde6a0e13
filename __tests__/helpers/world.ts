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

const paragraphDoc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A world with a document (made by the owner), a workspace thread and a private one by the member. */
export async function makeDocWorld() {
  const world = await makeWorld();
  const document = await db().document.create({
    data: { workspaceId: world.workspace.id, title: 'Statement', createdById: world.owner.id },
  });
  const revision = await db().revision.create({
    data: {
      documentId: document.id,
      number: 1,
      sourceType: 'text/plain',
      createdById: world.owner.id,
    },
  });
  const blocks = [
    { key: 'alpha001', text: 'The committee met on Tuesday to weigh the proposal.' },
    { key: 'beta0002', text: 'Members stressed caution and asked for more data.' },
  ];
  await db().block.createMany({
    data: blocks.map((b, position) => ({
      ...b,
      position,
      type: 'paragraph',
      revisionId: revision.id,
    })),
  });
  const thread = async (visibility: 'WORKSPACE' | 'PRIVATE', text: string) => {
    const annotation = await db().annotation.create({
      data: {
        documentId: document.id,
        authorId: world.member.id,
        revisionId: revision.id,
        exact: 'committee',
        visibility,
        anchors: {
          create: {
            revisionId: revision.id,
            blockKey: 'alpha001',
            endBlockKey: 'alpha001',
            start: 4,
            end: 13,
            exact: 'committee',
            status: 'CREATED',
          },
        },
      },
    });
    const comment = await db().comment.create({
      data: {
        annotationId: annotation.id,
        authorId: world.member.id,
        body: paragraphDoc(text),
        bodyText: text,
      },
    });
    return { annotation, comment };
  };
  const shared = await thread('WORKSPACE', 'Who attended?');
  const secret = await thread('PRIVATE', 'Note to self');
  return { ...world, document, revision, blocks, shared, secret, paragraphDoc };
}
