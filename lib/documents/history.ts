/** What changed between two revisions, per paragraph (matched by stable block key). */
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { documentForMember } from './access';
import { wordDiff, type DiffPart } from './word-diff';

export type ParagraphChange =
  | { kind: 'unchanged'; key: string; number: number; text: string }
  | { kind: 'edited'; key: string; number: number; parts: DiffPart[] }
  | { kind: 'added'; key: string; number: number; text: string }
  | { kind: 'removed'; key: string; text: string };

/**
 * The history page's name for its title: the document's title when the user may read it and
 * the revision asked for exists (the latest when none is named); NOT_FOUND otherwise, as the
 * page itself answers.
 */
export async function historyTitle(
  userId: string,
  documentId: string,
  number?: number,
): Promise<string> {
  const { document } = await documentForMember(userId, documentId);
  if (number !== undefined) {
    const found = await db().revision.findFirst({
      where: { documentId, number },
      select: { id: true },
    });
    if (!found) throw new AppError('NOT_FOUND');
  }
  return document.title;
}

export async function revisionChanges(userId: string, documentId: string, number?: number) {
  const { document } = await documentForMember(userId, documentId);
  const revisions = await db().revision.findMany({
    where: { documentId },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const target = number
    ? revisions.find((r) => r.number === number)
    : revisions[revisions.length - 1];
  if (!target) throw new AppError('NOT_FOUND');
  const previous = revisions.find((r) => r.number === target.number - 1);
  const blocksOf = (revisionId: string) =>
    db().block.findMany({
      where: { revisionId },
      orderBy: { position: 'asc' },
      select: { key: true, text: true },
    });
  const after = await blocksOf(target.id);
  const before = previous ? await blocksOf(previous.id) : [];
  const old = new Map(before.map((b) => [b.key, b.text]));
  const kept = new Set(after.map((b) => b.key));
  const changes: ParagraphChange[] = after.map((b, i) => {
    const was = old.get(b.key);
    if (was === undefined) return { kind: 'added', key: b.key, number: i + 1, text: b.text };
    if (was === b.text) return { kind: 'unchanged', key: b.key, number: i + 1, text: b.text };
    return { kind: 'edited', key: b.key, number: i + 1, parts: wordDiff(was, b.text) };
  });
  const removed: ParagraphChange[] = before
    .filter((b) => !kept.has(b.key))
    .map((b) => ({ kind: 'removed', key: b.key, text: b.text }));
  return {
    document: { id: document.id, title: document.title },
    revisions: revisions.map((r) => ({
      number: r.number,
      createdAt: r.createdAt,
      by: r.createdBy.name,
    })),
    revision: { number: target.number, createdAt: target.createdAt, by: target.createdBy.name },
    previous: previous ? previous.number : null,
    changes: [...changes, ...removed],
  };
}
