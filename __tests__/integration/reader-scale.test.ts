/**
 * A document with 40,000 threads, all on one paragraph: the reader must still open. Before,
 * counting their comments bound one parameter per id (Prisma P2029 over PostgreSQL's limit: the
 * benchmark's scale 10 reader answered 500), and building the page copied each paragraph's
 * thread list once per thread (quadratic: 70,000 threads took 400 s).
 */
import { db } from '@/lib/db/client';
import { getReaderView } from '@/lib/documents/get-reader';
import { makeDocWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

const THREADS = 40_000;

it(`opens a document with ${THREADS.toLocaleString('en')} threads on one paragraph`, async () => {
  const w = await makeDocWorld();
  const revision = await db().revision.findFirstOrThrow({
    where: { documentId: w.document.id },
    orderBy: { number: 'desc' },
    select: { id: true, blocks: { select: { key: true }, orderBy: { position: 'asc' } } },
  });
  const key = revision.blocks[0]!.key;
  const prefix = `scale${Date.now()}_`;
  await db().$executeRaw`
    INSERT INTO "Annotation" (id, "documentId", "authorId", "revisionId", exact, "updatedAt")
    SELECT ${prefix} || g, ${w.document.id}, ${w.owner.id}, ${revision.id}, 'x', now()
      FROM generate_series(1, ${THREADS}) g`;
  await db().$executeRaw`
    INSERT INTO "AnnotationAnchor" ("annotationId", "revisionId", "blockKey", "endBlockKey", start, "end", exact, status)
    SELECT ${prefix} || g, ${revision.id}, ${key}, ${key}, 0, 1, 'x', 'CREATED'
      FROM generate_series(1, ${THREADS}) g`;
  const view = await getReaderView(w.member.id, w.document.id);
  expect(view.annotations.length + view.orphans.length).toBeGreaterThanOrEqual(THREADS);
  expect(view.blocks[0]!.threadIds.length).toBeGreaterThanOrEqual(THREADS);
}, 300_000);
