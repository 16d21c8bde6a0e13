import * as exportRoute from '@/app/api/v1/documents/[id]/export/route';
import {
  replyToThread,
  editComment,
  deleteComment,
  setCommentHidden,
  commentHistory,
} from '@/lib/annotations/comments';
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { listInbox, markRead, unreadCount } from '@/lib/annotations/inbox';
import { toggleReaction } from '@/lib/annotations/reactions';
import { getThread, updateThread } from '@/lib/annotations/threads';
import { db } from '@/lib/db/client';
import { getReaderView } from '@/lib/documents/get-reader';
import { createLiveHub, type LiveEvent } from '@/lib/documents/live';
import { call } from '../helpers/http';
import { makeDocWorld } from '../helpers/world';

const text = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});
const rich = (mentionId: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' see ' },
        {
          type: 'text',
          text: 'source',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/s' } }],
        },
        { type: 'text', text: ' ' },
        { type: 'mention', attrs: { id: mentionId, label: 'Someone' } },
      ],
    },
  ],
});

afterAll(() => db().$disconnect());

describe('threads', () => {
  it('highlight, comment with rich text and a mention, reply and nested reply; mentions land in the inbox', async () => {
    const w = await makeDocWorld();
    const highlight = await createAnnotation(w.member.id, w.document.id, {
      blockKey: 'beta0002',
      start: 0,
      end: 7,
    });
    expect((await getThread(w.member.id, highlight.id)).comments).toEqual([]);

    const thread = await createAnnotation(w.member.id, w.document.id, {
      blockKey: 'alpha001',
      start: 4,
      end: 13,
      tags: ['Who', 'who'],
      body: rich(w.moderator.id),
    });
    const view = await getThread(w.owner.id, thread.id);
    expect(view.tags).toEqual(['who']);
    expect(view.quote).toBe('committee');
    expect(view.comments[0]!.html).toContain('<strong>Bold</strong>');
    expect(view.comments[0]!.html).toContain('href="https://example.com/s"');
    expect(view.comments[0]!.html).toContain(`data-mention-id="${w.moderator.id}"`);
    expect(await unreadCount(w.moderator.id)).toBe(1);
    const inbox = await listInbox(w.moderator.id);
    expect(inbox[0]).toMatchObject({ kind: 'MENTION', from: 'member', read: false });

    const reply = await replyToThread(w.owner.id, thread.id, { body: text('A reply') });
    const nested = await replyToThread(w.moderator.id, thread.id, {
      parentId: reply.id,
      body: text('Nested'),
    });
    const comments = (await getThread(w.member.id, thread.id)).comments;
    expect(comments.map((c) => [c.id, c.parentId])).toEqual([
      [comments[0]!.id, null],
      [reply.id, null],
      [nested.id, reply.id],
    ]);
    // The thread's author hears about both replies; the owner about the nested one.
    expect((await listInbox(w.member.id)).map((n) => n.kind)).toEqual(['REPLY', 'REPLY']);
    expect(await unreadCount(w.owner.id)).toBe(1);
    await markRead(w.member.id, { all: true });
    expect(await unreadCount(w.member.id)).toBe(0);
    // A mention of a non-member is dropped.
    const stranger = await replyToThread(w.member.id, thread.id, { body: rich(w.outsider.id) });
    expect(
      await db().notification.count({ where: { commentId: stranger.id, userId: w.outsider.id } }),
    ).toBe(0);
  });

  it('filters threads that mention me, with counts per filter', async () => {
    const w = await makeDocWorld();
    const thread = await createAnnotation(w.owner.id, w.document.id, {
      blockKey: 'beta0002',
      start: 0,
      end: 7,
      body: rich(w.moderator.id),
    });
    const view = await getReaderView(w.moderator.id, w.document.id, { mentions: '1' });
    expect(view.annotations.map((a) => a.id)).toEqual([thread.id]);
    expect(view.filterOptions.counts).toEqual({
      all: 2,
      mine: 0,
      mentions: 1,
      open: 2,
      resolved: 0,
    });
    expect((await getReaderView(w.owner.id, w.document.id, { mentions: '1' })).annotations).toEqual(
      [],
    );
  });

  it('edits keep history; a stale edit is a conflict and changes nothing', async () => {
    const w = await makeDocWorld();
    const id = w.shared.comment.id;
    await editComment(w.member.id, id, { body: text('Who attended, exactly?'), version: 1 });
    await expect(
      editComment(w.member.id, id, { body: text('Lost update'), version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const history = await commentHistory(w.owner.id, id);
    // The current version comes with its stored document, so an edit starts from its formatting.
    expect(history.current).toEqual({
      version: 2,
      bodyText: 'Who attended, exactly?',
      body: text('Who attended, exactly?'),
    });
    expect(history.earlier.map((v) => v.bodyText)).toEqual(['Who attended?']);
    const c = (await getThread(w.owner.id, w.shared.annotation.id)).comments[0]!;
    expect(c.editedAt).not.toBeNull();
    await expect(
      editComment(w.owner.id, id, { body: text('Not mine'), version: 2 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('two replies at the same moment both land', async () => {
    const w = await makeDocWorld();
    await Promise.all([
      replyToThread(w.owner.id, w.shared.annotation.id, { body: text('One') }),
      replyToThread(w.moderator.id, w.shared.annotation.id, { body: text('Two') }),
    ]);
    expect((await getThread(w.member.id, w.shared.annotation.id)).comments).toHaveLength(3);
  });

  it('a retried create with the same client key does not post twice', async () => {
    const w = await makeDocWorld();
    const input = { body: text('Once'), clientKey: 'retry-key-123' };
    const a = await replyToThread(w.owner.id, w.shared.annotation.id, input);
    const b = await replyToThread(w.owner.id, w.shared.annotation.id, input);
    expect(b).toEqual({ id: a.id, created: false });
  });

  it('the same client key sent twice at once posts once, and both callers get its id', async () => {
    const w = await makeDocWorld();
    const input = { body: text('Raced'), clientKey: 'raced-key-456' };
    const [a, b] = await Promise.all([
      replyToThread(w.owner.id, w.shared.annotation.id, input),
      replyToThread(w.owner.id, w.shared.annotation.id, input),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db().comment.count({ where: { clientKey: 'raced-key-456' } })).toBe(1);
  });

  it('a reply to a thread deleted at the same moment is NOT_FOUND or lands first, and leaves nothing behind', async () => {
    const w = await makeDocWorld();
    const annotationId = w.shared.annotation.id;
    // Whether the delete lands before the permission check or between it and the insert (then
    // the foreign key catches it), the caller sees NOT_FOUND, never a 500; a reply that commits
    // before the delete starts is removed with its thread.
    const reply = replyToThread(w.owner.id, annotationId, { body: text('Too late') }).then(
      () => 'landed',
      (e: { code?: string }) => e.code,
    );
    await db().annotation.delete({ where: { id: annotationId } });
    expect(['landed', 'NOT_FOUND']).toContain(await reply);
    await expect(
      replyToThread(w.owner.id, annotationId, { body: text('Later still') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().comment.count({ where: { annotationId } })).toBe(0);
  });

  it('deleting keeps a placeholder; a thread whose comments are all deleted disappears', async () => {
    const w = await makeDocWorld();
    const reply = await replyToThread(w.owner.id, w.shared.annotation.id, { body: text('Reply') });
    await deleteComment(w.member.id, w.shared.comment.id);
    const thread = await getThread(w.owner.id, w.shared.annotation.id);
    expect(thread.comments.map((c) => c.state)).toEqual(['deleted', 'visible']);
    expect(thread.comments[0]!.html).toBe('');
    expect(await deleteComment(w.owner.id, reply.id)).toEqual({ threadDeleted: true });
    await expect(getThread(w.owner.id, w.shared.annotation.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reactions toggle and say who; moderators hide comments, which their author still sees', async () => {
    const w = await makeDocWorld();
    const id = w.shared.comment.id;
    await toggleReaction(w.owner.id, id, { emoji: '👍' });
    await toggleReaction(w.moderator.id, id, { emoji: '👍' });
    let c = (await getThread(w.owner.id, w.shared.annotation.id)).comments[0]!;
    expect(c.reactions).toEqual([
      { emoji: '👍', count: 2, mine: true, who: expect.arrayContaining(['owner', 'moderator']) },
    ]);
    await toggleReaction(w.owner.id, id, { emoji: '👍' });
    c = (await getThread(w.owner.id, w.shared.annotation.id)).comments[0]!;
    expect(c.reactions[0]).toMatchObject({ count: 1, mine: false });
    await expect(toggleReaction(w.owner.id, id, { emoji: '💩' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    await expect(setCommentHidden(w.member.id, id, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await setCommentHidden(w.moderator.id, id, true);
    expect((await getThread(w.member.id, w.shared.annotation.id)).comments[0]!.state).toBe(
      'hidden-visible-to-you',
    );
    const other = await db().user.create({
      data: { email: `o-${Date.now()}@example.com`, name: 'Other' },
    });
    await db().membership.create({
      data: { workspaceId: w.workspace.id, userId: other.id, role: 'MEMBER' },
    });
    const seen = (await getThread(other.id, w.shared.annotation.id)).comments[0]!;
    expect(seen).toMatchObject({ state: 'hidden', html: '' });
  });

  it('resolve and reopen record who and when; filters see it', async () => {
    const w = await makeDocWorld();
    await updateThread(w.owner.id, w.shared.annotation.id, { status: 'RESOLVED' });
    const t = await getThread(w.member.id, w.shared.annotation.id);
    expect(t).toMatchObject({ status: 'RESOLVED', resolvedBy: 'owner' });
    expect(
      (await getReaderView(w.member.id, w.document.id, { status: 'open' })).annotations.map(
        (a) => a.id,
      ),
    ).not.toContain(w.shared.annotation.id);
    await updateThread(w.moderator.id, w.shared.annotation.id, { status: 'OPEN' });
    expect((await getThread(w.member.id, w.shared.annotation.id)).resolvedAt).toBeNull();
  });

  it('private annotations exist only for their author, in every view', async () => {
    const w = await makeDocWorld();
    const ids = (u: string) =>
      getReaderView(u, w.document.id).then((v) => v.annotations.map((a) => a.id));
    expect(await ids(w.member.id)).toContain(w.secret.annotation.id);
    expect(await ids(w.owner.id)).not.toContain(w.secret.annotation.id);
    await expect(getThread(w.owner.id, w.secret.annotation.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      replyToThread(w.owner.id, w.secret.annotation.id, { body: text('x') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const csv = await call(exportRoute.GET, {
      caller: w.owner,
      params: { id: w.document.id },
      path: `/api/v1/documents/${w.document.id}/export?format=csv`,
    });
    expect(String(csv.json)).not.toContain('Note to self');
  });

  it('a comment stores its event and bumps the document activity time, at most every 10 s', async () => {
    const w = await makeDocWorld();
    const old = new Date(Date.now() - 60_000);
    await db().document.update({ where: { id: w.document.id }, data: { lastActivityAt: old } });
    const before = Date.now();
    const reply = await replyToThread(w.owner.id, w.shared.annotation.id, { body: text('Bump') });
    const doc = await db().document.findUniqueOrThrow({ where: { id: w.document.id } });
    // Stored in UTC like every Prisma timestamp: within this test's clock window.
    expect(doc.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(doc.lastActivityAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    const event = await db().documentEvent.findFirstOrThrow({
      where: { documentId: w.document.id, type: 'comment.created' },
      orderBy: { id: 'desc' },
    });
    expect(event.payload).toMatchObject({ commentId: reply.id });
    expect(Math.abs(event.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // A second comment within the resolution leaves the time alone.
    await replyToThread(w.owner.id, w.shared.annotation.id, { body: text('Again') });
    const again = await db().document.findUniqueOrThrow({ where: { id: w.document.id } });
    expect(again.lastActivityAt).toEqual(doc.lastActivityAt);
  });

  it('a NOTIFY reaches a second, independent subscriber', async () => {
    const w = await makeDocWorld();
    const hub = createLiveHub(process.env.DATABASE_URL!);
    const received: LiveEvent[] = [];
    const unsubscribe = await hub.subscribe(w.document.id, (e) => received.push(e));
    try {
      const reply = await replyToThread(w.owner.id, w.shared.annotation.id, { body: text('Live') });
      for (let i = 0; i < 50 && received.length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(received[0]).toMatchObject({
        type: 'comment.created',
        payload: { commentId: reply.id },
      });
    } finally {
      unsubscribe();
      await hub.close();
    }
  });
});

describe('export through the route', () => {
  it.each(['w3c', 'markdown', 'csv', 'html', 'docx'])(
    '%s downloads with the thread',
    async (format) => {
      const w = await makeDocWorld();
      await replyToThread(w.owner.id, w.shared.annotation.id, {
        body: text('A reply about the committee'),
      });
      const res = await exportRoute.GET(
        new (await import('next/server')).NextRequest(
          `http://localhost:3000/api/v1/documents/${w.document.id}/export?format=${format}`,
          {
            headers: { cookie: await (await import('../helpers/http')).sessionCookie(w.owner) },
          },
        ),
        { params: Promise.resolve({ id: w.document.id }) },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('attachment');
      const bytes = Buffer.from(await res.arrayBuffer());
      if (format === 'docx') {
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        return;
      }
      const body = bytes.toString('utf8');
      expect(body).toContain('A reply about the committee');
      expect(body).not.toContain('Note to self');
      if (format === 'w3c')
        expect(JSON.parse(body)).toMatchObject({ type: 'AnnotationCollection' });
    },
  );
});
