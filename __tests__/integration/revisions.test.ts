/**
 * Uploading a revision of the demo document with paragraphs edited, moved, split, merged and
 * deleted: blocks keep their keys where right, and every annotation gets the right status.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { db } from '@/lib/db/client';
import { createDocument } from '@/lib/documents/create-document';
import { getReaderView } from '@/lib/documents/get-reader';
import { historyTitle, revisionChanges } from '@/lib/documents/history';
import { parsePlainText } from '@/lib/documents/parse-plain-text';
import { reviseDocument } from '@/lib/documents/revise-document';
import { latestRevision } from '../helpers/revisions';
import { makeWorld } from '../helpers/world';

const demo = parsePlainText(
  readFileSync(path.join(process.cwd(), 'lib/seed/standing-committee-2020-03-18.txt'), 'utf8'),
  {
    fallbackTitle: 'x',
    firstLineIsTitle: true,
  },
);
const P = demo.blocks.map((b) => b.text);

function sentences(p: string): string[] {
  return p.match(/[^.]+\.\s*/g)!.map((s) => s.trim());
}

afterAll(() => db().$disconnect());

describe('revisions', () => {
  it('follows edited, moved, split, merged and deleted paragraphs', async () => {
    const w = await makeWorld();
    const { id } = await createDocument(w.member.id, w.workspace.id, demo, 'text/plain');
    const rev1 = (await latestRevision(id)).blocks;
    const annotate = async (i: number, quote: string, comment = false) => {
      const text = P[i]!;
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`quote not found: ${quote}`);
      const body = comment
        ? {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Note' }] }],
          }
        : undefined;
      const { id: annotationId } = await createAnnotation(w.member.id, id, {
        blockKey: rev1[i]!.key,
        start,
        end: start + quote.length,
        body,
      });
      return annotationId;
    };
    const a = {
      unchanged: await annotate(0, 'held a meeting on March 18'),
      editedInside: await annotate(1, 'has continued to improve'),
      shiftedInParagraph: await annotate(1, 'positive results have been achieved'),
      moved: await annotate(2, 'the complexity and severity of the epidemic situation'),
      splitSecondHalf: await annotate(3, sentences(P[3]!)[2]!.slice(0, 40)),
      mergedSecond: await annotate(
        5,
        "the downward pressure on China's economy continues to increase",
      ),
      deleted: await annotate(7, 'also studied other matters', true),
    };
    const paragraphThread = await createAnnotation(w.member.id, id, {
      blockKey: rev1[6]!.key,
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trade' }] }],
      },
    });

    const s3 = sentences(P[3]!);
    const revised = [
      P[0]!, // unchanged
      'In a short preface. ' + P[1]!.replace('has continued to improve', 'has kept improving'), // edited + shifted
      // P[2] moves to the end
      s3.slice(0, 2).join(' '), // split: first half
      s3.slice(2).join(' '), // split: second half
      P[4]! + ' ' + P[5]!, // merged
      P[6]!,
      // P[7] deleted
      P[2]!, // moved here
    ];
    const report = await reviseDocument(
      w.member.id,
      id,
      {
        title: demo.title,
        blocks: revised.map((text) => ({ type: 'paragraph', text, marks: [] })),
      },
      'text/plain',
    );
    expect(report.number).toBe(2);

    const rev2 = await latestRevision(id);
    expect(rev2.number).toBe(2);
    const keys2 = rev2.blocks.map((b) => b.key);
    // Paragraph keys: unchanged, edited and moved paragraphs keep theirs, so #p-<key> links keep working.
    expect(keys2[0]).toBe(rev1[0]!.key);
    expect(keys2[1]).toBe(rev1[1]!.key);
    expect(keys2[6]).toBe(rev1[2]!.key);
    expect(keys2[5]).toBe(rev1[6]!.key);
    expect(keys2).not.toContain(rev1[7]!.key);

    const anchors = new Map(
      (await db().annotationAnchor.findMany({ where: { revisionId: rev2.id } })).map((x) => [
        x.annotationId,
        x,
      ]),
    );
    const status = (annotationId: string) => anchors.get(annotationId)?.status;
    expect(status(a.unchanged)).toBe('UNCHANGED');
    expect(status(a.editedInside)).toBe('EDITED');
    expect(anchors.get(a.editedInside)?.exact).toContain('has kept improving');
    expect(status(a.shiftedInParagraph)).toBe('MOVED');
    expect(status(a.moved)).toBe('MOVED');
    expect(anchors.get(a.moved)?.blockKey).toBe(rev1[2]!.key);
    expect(status(a.splitSecondHalf)).toBe('MOVED');
    expect(anchors.get(a.splitSecondHalf)?.blockKey).toBe(keys2[3]);
    expect(status(a.mergedSecond)).toBe('MOVED');
    expect(anchors.get(a.mergedSecond)?.blockKey).toBe(keys2[4]);
    expect(status(a.deleted)).toBe('ORPHANED');
    expect(status(paragraphThread.id)).toBe('UNCHANGED');
    expect(report.annotations).toEqual({ UNCHANGED: 2, MOVED: 4, EDITED: 1, ORPHANED: 1 });

    // Every placed anchor's offsets point at its recorded words in the new text.
    for (const x of anchors.values()) {
      if (x.status === 'ORPHANED' || x.start === null) continue;
      const block = rev2.blocks.find((b) => b.key === x.blockKey)!;
      if (x.blockKey === x.endBlockKey) expect(block.text.slice(x.start, x.end!)).toBe(x.exact);
    }

    // The reader shows revision 2 by default, with the orphan in its panel, and revision 1 on request.
    const view = await getReaderView(w.member.id, id);
    expect(view.revision.number).toBe(2);
    expect(view.orphans.map((o) => o.id)).toEqual([a.deleted]);
    const old = await getReaderView(w.member.id, id, { rev: 1 });
    expect(old.orphans).toEqual([]);
    expect(old.annotations).toHaveLength(8);
  });

  it('re-finds an orphan when its words come back in a later revision', async () => {
    const w = await makeWorld();
    const doc = {
      title: 'T',
      blocks: [
        { type: 'paragraph' as const, text: 'Alpha beta gamma delta.', marks: [] },
        {
          type: 'paragraph' as const,
          text: 'A sentence that will go away for a while.',
          marks: [],
        },
      ],
    };
    const { id } = await createDocument(w.member.id, w.workspace.id, doc, 'text/plain');
    const { blocks } = await latestRevision(id);
    const { id: annotationId } = await createAnnotation(w.member.id, id, {
      blockKey: blocks[1]!.key,
      start: 2,
      end: 10,
    });
    await reviseDocument(w.member.id, id, { title: 'T', blocks: [doc.blocks[0]!] }, 'text/plain');
    await reviseDocument(w.member.id, id, doc, 'text/plain');
    const last = await db().annotationAnchor.findMany({
      where: { annotationId },
      orderBy: { revision: { number: 'asc' } },
    });
    expect(last.map((x) => x.status)).toEqual(['CREATED', 'ORPHANED', 'MOVED']);
    expect(last[2]?.exact).toBe('sentence');
  });

  it('a failed revision leaves the previous one current', async () => {
    const w = await makeWorld();
    const { id } = await createDocument(w.member.id, w.workspace.id, demo, 'text/plain');
    await expect(
      reviseDocument(w.member.id, id, { title: 'T', blocks: [] }, 'text/plain'),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db().revision.count({ where: { documentId: id } })).toBe(1);
  });

  it('the history page names a revision only to members, and only one that exists', async () => {
    const w = await makeWorld();
    const { id } = await createDocument(w.member.id, w.workspace.id, demo, 'text/plain');
    const title = (await db().document.findUniqueOrThrow({ where: { id } })).title;
    expect(await historyTitle(w.member.id, id)).toBe(title);
    expect(await historyTitle(w.member.id, id, 1)).toBe(title);
    // The page and its title answer alike: 404 for a revision that does not exist...
    await expect(historyTitle(w.member.id, id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revisionChanges(w.member.id, id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // ...and for someone outside the workspace, whatever the revision.
    await expect(historyTitle(w.outsider.id, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(historyTitle(w.outsider.id, id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
