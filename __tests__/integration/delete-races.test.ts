/**
 * Writes racing a delete. Each write below reads what it acts on, and the delete commits between
 * that read and the write (see helpers/races.ts). The write must then fail with a clear
 * NOT_FOUND and change nothing — never an internal error from a vanished row — or, where the
 * outcome is well defined (a reaction toggled twice, an invitation to a workspace one has just
 * joined), give that outcome.
 */
import {
  replyToThread,
  deleteComment,
  editComment,
  setCommentHidden,
} from '@/lib/annotations/comments';
import { toggleReaction } from '@/lib/annotations/reactions';
import { reattachAnnotation } from '@/lib/annotations/reattach';
import { deleteThread, updateThread } from '@/lib/annotations/threads';
import { db } from '@/lib/db/client';
import { reviseDocument } from '@/lib/documents/revise-document';
import type { Tx } from '@/lib/db/tx';
import { toAppError } from '@/lib/errors/app-error';
import { createInvitation, acceptInvitation } from '@/lib/workspaces/invitations';
import { changeMemberRole } from '@/lib/workspaces/members';
import { raceAgainst, type Outcome } from '../helpers/races';
import { makeDocWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

type DocWorld = Awaited<ReturnType<typeof makeDocWorld>>;

/** The error code the API would answer with. */
function failure(outcome: Outcome<unknown>): string {
  if (outcome.ok) return 'succeeded';
  return toAppError(outcome.error).code;
}

const body = (w: DocWorld, text: string) => w.paragraphDoc(text);

/** Its author deletes the shared thread, in the racing test's first transaction. */
const deleteTheThread = (w: DocWorld) => (tx: Tx) =>
  deleteThread(w.member.id, w.shared.annotation.id, tx);

describe('writes racing the deletion of their thread', () => {
  const writes: [string, (w: DocWorld) => Promise<unknown>][] = [
    [
      'resolving it',
      (w) => updateThread(w.owner.id, w.shared.annotation.id, { status: 'RESOLVED' }),
    ],
    ['deleting it too', (w) => deleteThread(w.member.id, w.shared.annotation.id)],
    ['replying', (w) => replyToThread(w.owner.id, w.shared.annotation.id, { body: body(w, 'Me') })],
    [
      'editing its comment',
      (w) => editComment(w.member.id, w.shared.comment.id, { body: body(w, 'Edited'), version: 1 }),
    ],
    ['deleting its comment', (w) => deleteComment(w.member.id, w.shared.comment.id)],
    ['hiding its comment', (w) => setCommentHidden(w.moderator.id, w.shared.comment.id, true)],
    [
      'reacting to its comment',
      (w) => toggleReaction(w.owner.id, w.shared.comment.id, { emoji: '👍' }),
    ],
    [
      're-attaching it',
      (w) =>
        reattachAnnotation(w.member.id, w.shared.annotation.id, {
          blockKey: 'beta0002',
          start: 0,
          end: 7,
        }),
    ],
  ];

  it.each(writes)('%s fails as NOT_FOUND and leaves nothing behind', async (_name, write) => {
    const w = await makeDocWorld();
    const outcome = await raceAgainst(deleteTheThread(w), () => write(w));
    expect(failure(outcome)).toBe('NOT_FOUND');
    const annotationId = w.shared.annotation.id;
    expect(await db().annotation.count({ where: { id: annotationId } })).toBe(0);
    expect(await db().comment.count({ where: { annotationId } })).toBe(0);
    expect(await db().annotationAnchor.count({ where: { annotationId } })).toBe(0);
    expect(await db().reaction.count({ where: { commentId: w.shared.comment.id } })).toBe(0);
  });
});

describe('deletes racing a reply in flight', () => {
  // A reply is one statement: it records the document's activity (locking the document's row,
  // when the last activity is a few seconds old) and then its foreign key takes a share lock on
  // the thread. A delete that locked the thread first and then waited for the document's row
  // would deadlock with it.
  const deletes: [string, (w: DocWorld) => Promise<unknown>, unknown][] = [
    ['the thread', (w) => deleteThread(w.member.id, w.shared.annotation.id), { deleted: true }],
    [
      'the only comment of a thread',
      (w) => deleteComment(w.member.id, w.shared.comment.id),
      { threadDeleted: true },
    ],
  ];

  it.each(deletes)(
    'deleting %s waits for the reply instead of deadlocking',
    async (_, write, value) => {
      const w = await makeDocWorld();
      // The last activity is old, so the reply's statement locks the document's row.
      await db().document.update({
        where: { id: w.document.id },
        data: { lastActivityAt: new Date(Date.now() - 3_600_000) },
      });
      const outcome = await raceAgainst(
        (tx) =>
          tx.$executeRaw`UPDATE "Document" SET "lastActivityAt" = now() WHERE id = ${w.document.id}`,
        () => write(w),
        (tx) =>
          tx.$queryRaw`SELECT id FROM "Annotation" WHERE id = ${w.shared.annotation.id} FOR KEY SHARE`,
      );
      expect(outcome).toEqual({ ok: true, value });
    },
  );
});

describe('a revision racing the deletion of a thread', () => {
  it('is written, without the deleted thread', async () => {
    const w = await makeDocWorld();
    const blocks = w.blocks.map((b) => ({ type: 'paragraph' as const, text: b.text, marks: [] }));
    const outcome = await raceAgainst(deleteTheThread(w), () =>
      reviseDocument(w.owner.id, w.document.id, { title: 'Statement', blocks }, 'text/plain'),
    );
    expect(outcome).toMatchObject({ ok: true, value: { number: 2 } });
    const anchors = await db().annotationAnchor.findMany({
      where: { revision: { documentId: w.document.id, number: 2 } },
      select: { annotationId: true, status: true },
    });
    expect(anchors).toEqual([{ annotationId: w.secret.annotation.id, status: 'UNCHANGED' }]);
  });
});

describe('writes racing the deletion of a comment', () => {
  it('an edit of a comment deleted meanwhile is NOT_FOUND, not a version conflict', async () => {
    const w = await makeDocWorld();
    await replyToThread(w.owner.id, w.shared.annotation.id, { body: body(w, 'Keeps the thread') });
    const outcome = await raceAgainst(
      (tx) => deleteComment(w.member.id, w.shared.comment.id, tx),
      () => editComment(w.member.id, w.shared.comment.id, { body: body(w, 'Edited'), version: 1 }),
    );
    expect(failure(outcome)).toBe('NOT_FOUND');
    const comment = await db().comment.findUniqueOrThrow({ where: { id: w.shared.comment.id } });
    expect(comment).toMatchObject({ version: 1, bodyText: 'Who attended?' });
    expect(await db().commentRevision.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it('deleting the last two comments of a thread at once deletes the thread', async () => {
    const w = await makeDocWorld();
    const reply = (await replyToThread(w.member.id, w.shared.annotation.id, {
      body: body(w, 'Second thoughts'),
    })) as { id: string };
    const outcome = await raceAgainst(
      (tx) => deleteComment(w.member.id, w.shared.comment.id, tx),
      () => deleteComment(w.member.id, reply.id),
    );
    expect(outcome).toEqual({ ok: true, value: { threadDeleted: true } });
    expect(await db().annotation.count({ where: { id: w.shared.annotation.id } })).toBe(0);
  });
});

describe('membership writes racing each other', () => {
  it('changing the role of a member removed meanwhile is NOT_FOUND', async () => {
    const w = await makeDocWorld();
    const outcome = await raceAgainst(
      (tx) =>
        tx.membership.deleteMany({ where: { workspaceId: w.workspace.id, userId: w.member.id } }),
      () => changeMemberRole(w.owner.id, w.workspace.slug, w.member.id, { role: 'MODERATOR' }),
    );
    expect(failure(outcome)).toBe('NOT_FOUND');
    expect(await db().membership.count({ where: { userId: w.member.id } })).toBe(0);
  });

  it('accepting an invitation to a workspace one joined meanwhile says so and uses nothing', async () => {
    const w = await makeDocWorld();
    const { token, invitation } = await createInvitation(w.owner.id, w.workspace.slug, {});
    const outcome = await raceAgainst(
      (tx) =>
        tx.membership.create({
          data: { workspaceId: w.workspace.id, userId: w.outsider.id, role: 'MEMBER' },
        }),
      () => acceptInvitation(w.outsider, token),
    );
    expect(outcome).toEqual({ ok: true, value: { slug: w.workspace.slug, alreadyMember: true } });
    const used = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(used.uses).toBe(0);
  });
});

describe('reactions toggled twice at once', () => {
  it('the second toggle takes back the first', async () => {
    const w = await makeDocWorld();
    const toggle = (tx?: Tx) =>
      toggleReaction(w.owner.id, w.shared.comment.id, { emoji: '🎯' }, tx);
    const outcome = await raceAgainst(toggle, () => toggle());
    expect(outcome).toEqual({ ok: true, value: { emoji: '🎯', reacted: false } });
    expect(await db().reaction.count({ where: { commentId: w.shared.comment.id } })).toBe(0);
  });
});
