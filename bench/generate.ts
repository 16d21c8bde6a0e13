/**
 * The benchmark data set, deterministic for a given scale: a "bench" workspace with several
 * authors, one 2,000-block document with 5,000 threads, one with 500 threads, one with 20,000
 * annotations for export, and enough small documents to reach 2,000 documents and 100,000
 * comments (all counts × scale). The demo document (seeded by seedDemo) gets ~50 annotations.
 */
import type pg from 'pg';
import { describe } from '../lib/anchoring';
import { BulkWriter } from './pg-bulk';
import { commentText, heading, int, paragraph, pick, prng, TAGS, type Rng } from './prose';
import { benchTables, type BenchTables } from './tables';

export type SeedSummary = {
  scale: number;
  seconds: number;
  workspaceSlug: string;
  aliceId: string;
  docs: { big: string; threads: string; export: string; demo: string };
  /** Workspace-visible threads on the big document (targets for posted replies). */
  replyTargets: string[];
  counts: { documents: number; blocks: number; annotations: number; comments: number };
};

type Doc = { id: string; revisionId: string; blocks: { key: string; text: string }[] };

const KEY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const T0 = Date.UTC(2025, 0, 6);
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const docJson = (text: string) =>
  JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });

/** Comments per thread: mostly 1–3, some bare highlights, a few long discussions. */
function threadSize(rng: Rng): number {
  const r = rng();
  if (r < 0.08) return 0;
  if (r < 0.48) return 1;
  if (r < 0.73) return 2;
  if (r < 0.87) return 3;
  if (r < 0.97) return int(rng, 4, 9);
  return int(rng, 10, 60);
}

const AUTHORS = [
  'Chen Wei',
  'Priya Raman',
  'Tomás Ferreira',
  'Hannah Schulz',
  'Kwame Mensah',
  'Sofia Rossi',
  'Daniel Levi',
  'Mei Tanaka',
];

class Generator {
  private seq = { doc: 0, ann: 0, com: 0 };
  comments = 0;

  constructor(
    private w: BulkWriter,
    private t: BenchTables,
    private rng: Rng,
    private members: string[],
  ) {}

  private blockKeys(count: number): string[] {
    const seen = new Set<string>();
    while (seen.size < count) {
      let key = '';
      for (let i = 0; i < 8; i++) key += KEY_ALPHABET[int(this.rng, 0, KEY_ALPHABET.length - 1)];
      seen.add(key);
    }
    return [...seen];
  }

  async document(workspaceId: string, title: string, blockCount: number, at: number): Promise<Doc> {
    const n = (this.seq.doc += 1).toString(36).padStart(5, '0');
    const id = `bdoc_${n}`;
    const revisionId = `brev_${n}`;
    const author = pick(this.rng, this.members);
    await this.w.push(this.t.documents, [
      id,
      workspaceId,
      title,
      'Closeread benchmark',
      author,
      iso(at),
      iso(at),
    ]);
    await this.w.push(this.t.revisions, [revisionId, id, 1, 'text/plain', author, iso(at)]);
    const keys = this.blockKeys(blockCount);
    const blocks: Doc['blocks'] = [];
    for (let position = 0; position < blockCount; position++) {
      const isHeading = position % 25 === 0;
      const type = isHeading ? 'heading' : this.rng() < 0.05 ? 'quote' : 'paragraph';
      const text = isHeading ? heading(this.rng) : paragraph(this.rng);
      blocks.push({ key: keys[position]!, text });
      await this.w.push(this.t.blocks, [
        `${revisionId}_${position}`,
        revisionId,
        position,
        keys[position]!,
        type,
        text,
      ]);
    }
    return { id, revisionId, blocks };
  }

  /** One annotation with `size` comments; returns its id and visibility. */
  async annotate(doc: Doc, size: number, at: number, authors = this.members) {
    const rng = this.rng;
    const id = `bann_${(this.seq.ann += 1).toString(36).padStart(6, '0')}`;
    const author = pick(rng, authors);
    const block = doc.blocks[int(rng, 0, doc.blocks.length - 1)]!;
    let selector: ReturnType<typeof describe> | null = null;
    if (rng() >= 0.1) {
      const words = [...block.text.matchAll(/\S+/g)];
      const first = int(rng, 0, words.length - 1);
      const last = Math.min(words.length - 1, first + int(rng, 0, 11));
      const start = words[first]!.index!;
      const end = words[last]!.index! + words[last]![0].length;
      selector = describe(block.text, start, end);
    }
    const visibility = rng() < 0.07 ? 'PRIVATE' : 'WORKSPACE';
    const resolved = rng() < 0.12;
    const tagCount = rng() < 0.55 ? 0 : rng() < 0.78 ? 1 : 2;
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(rng, TAGS)))];
    let last = at;
    const ids: string[] = [];
    const rows: unknown[][] = [];
    for (let k = 0; k < size; k++) {
      const cid = `bcom_${(this.seq.com += 1).toString(36).padStart(7, '0')}`;
      const writer = visibility === 'PRIVATE' || k === 0 ? author : pick(rng, authors);
      const parentId = k === 0 ? null : rng() < 0.5 ? ids[0]! : pick(rng, ids);
      last += int(rng, 1, 600) * MINUTE;
      const text = commentText(rng);
      const edited = rng() < 0.04 ? iso(last + 5 * MINUTE) : null;
      const deleted = k > 0 && rng() < 0.01 ? iso(last + 9 * MINUTE) : null;
      ids.push(cid);
      rows.push([cid, id, parentId, writer, docJson(text), text, iso(last), edited, deleted]);
    }
    this.comments += size;
    const resolvedAt = resolved ? last + 2 * 24 * 60 * MINUTE : null;
    await this.w.push(this.t.annotations, [
      id,
      doc.id,
      author,
      doc.revisionId,
      selector?.quote.exact ?? '',
      selector?.quote.prefix ?? '',
      selector?.quote.suffix ?? '',
      visibility,
      resolved ? 'RESOLVED' : 'OPEN',
      resolvedAt === null ? null : iso(resolvedAt),
      resolved ? pick(rng, authors) : null,
      tags.join(','),
      iso(at),
      iso(resolvedAt ?? last),
    ]);
    await this.w.push(this.t.anchors, [
      id,
      doc.revisionId,
      block.key,
      block.key,
      selector?.position.start ?? null,
      selector?.position.end ?? null,
      selector?.quote.exact ?? '',
      'CREATED',
      1,
    ]);
    // After the annotation: a flush writes parents first, so rows must arrive in that order.
    for (const row of rows) await this.w.push(this.t.comments, row);
    return { id, visibility };
  }

  /** `count` threads on `doc`, one every ~47 s from `at`; returns the workspace-visible ids. */
  async threads(doc: Doc, count: number, at: number, authors = this.members) {
    const open: string[] = [];
    for (let i = 0; i < count; i++) {
      const a = await this.annotate(doc, threadSize(this.rng), at + i * 47_000, authors);
      if (a.visibility === 'WORKSPACE') open.push(a.id);
    }
    return open;
  }
}

export async function generateBenchData(
  client: pg.ClientBase,
  opts: { scale: number; log?: (line: string) => void },
): Promise<SeedSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const scale = opts.scale;
  const rng = prng(20200318 + scale);
  const demo = await client.query<{ id: string; rev: string; alice: string; bob: string }>(
    `SELECT d.id, r.id AS rev,
       (SELECT id FROM "User" WHERE email = 'alice@example.com') AS alice,
       (SELECT id FROM "User" WHERE email = 'bob@example.com') AS bob
     FROM "Document" d JOIN "Workspace" w ON w.id = d."workspaceId"
     JOIN "Revision" r ON r."documentId" = d.id
     WHERE w.slug = 'demo' ORDER BY d."createdAt", r.number DESC LIMIT 1`,
  );
  const demoRow = demo.rows[0];
  if (!demoRow?.alice || !demoRow.bob) throw new Error('seed the demo workspace (seedDemo) first');
  const exists = await client.query(`SELECT 1 FROM "Workspace" WHERE slug = 'bench'`);
  if (exists.rowCount) throw new Error('the bench workspace already exists in this database');

  const t = benchTables();
  const w = new BulkWriter(client, t.all);
  const now = iso(T0);
  const workspaceId = 'bws_bench';
  await w.push(t.workspaces, [workspaceId, 'bench', 'Benchmark reading group', now, now]);
  const members = [demoRow.alice, demoRow.bob];
  for (const [i, name] of AUTHORS.entries()) {
    const id = `busr_${i}`;
    members.push(id);
    await w.push(t.users, [id, `reader${i}@bench.example`, name, now, now]);
  }
  for (const [i, userId] of members.entries())
    await w.push(t.memberships, [workspaceId, userId, i === 0 ? 'OWNER' : 'MEMBER']);

  const g = new Generator(w, t, rng, members);
  // The demo document: bring it to ~50 annotations by its two members.
  const demoBlocks = await client.query<{ key: string; text: string }>(
    `SELECT key, text FROM "Block" WHERE "revisionId" = $1 ORDER BY position`,
    [demoRow.rev],
  );
  const demoDoc: Doc = { id: demoRow.id, revisionId: demoRow.rev, blocks: demoBlocks.rows };
  await g.threads(demoDoc, 46, T0, [demoRow.alice, demoRow.bob]);

  log('documents with 5,000, 500 and 20,000 annotations');
  const big = await g.document(workspaceId, 'Big reader document (2,000 blocks)', 2000, T0);
  const replyTargets = await g.threads(big, 5000 * scale, T0 + MINUTE);
  const threads = await g.document(workspaceId, 'Thread list document (500 threads)', 300, T0);
  await g.threads(threads, 500, T0 + MINUTE);
  const exp = await g.document(workspaceId, 'Export document (20,000 annotations)', 1000, T0);
  await g.threads(exp, 20000 * scale, T0 + MINUTE);

  const small = 2000 * scale - 3;
  log(`${small} small documents; comments so far ${g.comments}`);
  let budget = 100_000 * scale - g.comments;
  for (let i = 0; i < small; i++) {
    const at = T0 + i * 60 * MINUTE;
    const doc = await g.document(workspaceId, `Briefing note ${i + 1}`, int(rng, 3, 8), at);
    let share = Math.floor(budget / (small - i));
    for (let k = 0; share > 0 && k < 500; k++) {
      const size = Math.min(Math.max(1, threadSize(rng)), share);
      await g.annotate(doc, size, at + (k + 1) * MINUTE);
      share -= size;
      budget -= size;
    }
  }
  await w.flushAll();
  await client.query('ANALYZE');
  return {
    scale,
    seconds: (Date.now() - started) / 1000,
    workspaceSlug: 'bench',
    aliceId: demoRow.alice,
    docs: { big: big.id, threads: threads.id, export: exp.id, demo: demoRow.id },
    replyTargets,
    counts: {
      documents: t.documents.inserted,
      blocks: t.blocks.inserted,
      annotations: t.annotations.inserted,
      comments: t.comments.inserted,
    },
  };
}
