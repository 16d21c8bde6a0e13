/**
 * Writes racing a revision: an annotation created, or an orphan re-attached, while a new revision
 * is being written must end up on the new revision, not on the one it replaced.
 *
 * The revision in flight is played by a transaction doing what reviseDocument does, in its
 * order: lock the document, read the anchors of the latest revision, (the racing write starts
 * here and is given time to run), write the new revision with its blocks and the anchors as
 * read, commit.
 */
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { reattachAnnotation } from '@/lib/annotations/reattach';
import { db } from '@/lib/db/client';
import { createDocument } from '@/lib/documents/create-document';
import { lockForRevision } from '@/lib/documents/revision-lock';
import { reviseDocument } from '@/lib/documents/revise-document';
import { settledOrBlockedBy } from '../helpers/races';
import { latestRevision } from '../helpers/revisions';
import { makeWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

const doc = {
  title: 'T',
  blocks: [
    { type: 'paragraph' as const, text: 'The committee met on Tuesday.', marks: [] },
    { type: 'paragraph' as const, text: 'Members asked for more data.', marks: [] },
  ],
};

/** A revision identical in text to the latest, written around `race` as reviseDocument would. */
async function reviseAround(documentId: string, userId: string, race: () => Promise<unknown>) {
  let write: Promise<unknown> = Promise.resolve();
  await db().$transaction(async (tx) => {
    await lockForRevision(tx, documentId);
    const previous = await tx.revision.findFirstOrThrow({
      where: { documentId },
      orderBy: { number: 'desc' },
      include: { blocks: true, anchors: true },
    });
    const [me] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    write = race();
    await settledOrBlockedBy(write, me!.pid);
    const next = await tx.revision.create({
      data: {
        documentId,
        number: previous.number + 1,
        sourceType: 'text/plain',
        createdById: userId,
      },
    });
    await tx.block.createMany({
      data: previous.blocks.map(({ id: _id, revisionId: _r, ...b }) => ({
        ...b,
        marks: b.marks ?? [],
        revisionId: next.id,
      })),
    });
    await tx.annotationAnchor.createMany({
      data: previous.anchors.map(({ revisionId: _r, ...a }) => ({
        ...a,
        status: a.status === 'ORPHANED' ? ('ORPHANED' as const) : ('UNCHANGED' as const),
        revisionId: next.id,
      })),
    });
  });
  return write;
}

describe('writes racing a revision', () => {
  it('an annotation created during a revision is anchored on the new revision', async () => {
    const w = await makeWorld();
    const { id } = await createDocument(w.member.id, w.workspace.id, doc, 'text/plain');
    const [block] = (await latestRevision(id)).blocks;
    const created = (await reviseAround(id, w.member.id, () =>
      createAnnotation(w.member.id, id, { blockKey: block!.key, start: 4, end: 13 }),
    )) as { id: string };
    const anchors = await db().annotationAnchor.findMany({
      where: { annotationId: created.id },
      select: { revisionId: true, exact: true },
    });
    expect(anchors).toEqual([{ revisionId: (await latestRevision(id)).id, exact: 'committee' }]);
  });

  it('an orphan re-attached during a revision stays re-attached on the new revision', async () => {
    const w = await makeWorld();
    const { id } = await createDocument(w.member.id, w.workspace.id, doc, 'text/plain');
    const { blocks } = await latestRevision(id);
    const { id: annotationId } = await createAnnotation(w.member.id, id, {
      blockKey: blocks[1]!.key,
      start: 0,
      end: 7,
    });
    await reviseDocument(w.member.id, id, { title: 'T', blocks: [doc.blocks[0]!] }, 'text/plain');
    const [kept] = (await latestRevision(id)).blocks;
    await reviseAround(id, w.member.id, () =>
      reattachAnnotation(w.member.id, annotationId, { blockKey: kept!.key, start: 4, end: 13 }),
    );
    const anchor = await db().annotationAnchor.findUniqueOrThrow({
      where: {
        annotationId_revisionId: { annotationId, revisionId: (await latestRevision(id)).id },
      },
    });
    expect(anchor).toMatchObject({ status: 'MOVED', exact: 'committee', start: 4, end: 13 });
  });
});
