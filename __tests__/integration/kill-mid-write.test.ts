/**
 * The app process killed (SIGKILL) in the middle of a large import and of a large revision
 * upload (issue 10): the previous state must be intact — no half document, no half revision,
 * no half re-anchoring. The writer is a child process running the routes' domain functions; the
 * test kills it once PostgreSQL shows its transaction has written (it holds a transaction id).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { makeDocWorld } from '../helpers/world';

afterAll(() => db().$disconnect());

const child = path.join(process.cwd(), '__tests__', 'helpers', 'write-child.ts');

async function killMidTransaction(args: string[]): Promise<string> {
  const name = `closeread-kill-${process.pid}-${Date.now()}`;
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('application_name', name);
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null)
      throw new Error(`the writer finished before it was killed: ${output}`);
    if (Date.now() > deadline) throw new Error(`the writer never wrote: ${output}`);
    const [row] = await db().$queryRaw<{ writing: boolean }[]>`
      SELECT count(*) > 0 AS writing FROM pg_stat_activity
       WHERE application_name = ${name} AND backend_xid IS NOT NULL`;
    if (row?.writing) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  proc.kill('SIGKILL');
  await exited;
  // PostgreSQL notices the dropped connection and rolls the transaction back.
  for (let i = 0; i < 100; i++) {
    const [row] = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${name}`;
    if (Number(row?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return output;
}

async function snapshot(workspaceId: string) {
  const inWorkspace = { document: { workspaceId } };
  const documentIds = (
    await db().document.findMany({ where: { workspaceId }, select: { id: true } })
  ).map((d) => d.id);
  const [documents, revisions, blocks, anchors, events] = await Promise.all([
    db().document.findMany({ where: { workspaceId }, select: { id: true, title: true } }),
    db().revision.findMany({
      where: inWorkspace,
      select: { id: true, number: true },
      orderBy: { id: 'asc' },
    }),
    db().block.count({ where: { revision: inWorkspace } }),
    db().annotationAnchor.findMany({
      where: { annotation: inWorkspace },
      select: { annotationId: true, revisionId: true, status: true, start: true, end: true },
      orderBy: [{ annotationId: 'asc' }, { revisionId: 'asc' }],
    }),
    db().documentEvent.count({ where: { documentId: { in: documentIds } } }),
  ]);
  return { documents, revisions, blocks, anchors, events };
}

describe('the app killed mid-write', () => {
  it('mid-import: no half document is left', async () => {
    const w = await makeDocWorld();
    const before = await snapshot(w.workspace.id);
    const output = await killMidTransaction(['import', w.owner.id, w.workspace.slug]);
    expect(output).toContain('writing');
    expect(output).not.toContain('committed');
    expect(await snapshot(w.workspace.id)).toEqual(before);
  }, 90_000);

  it('mid-revision: the previous revision stays current, every anchor as it was', async () => {
    const w = await makeDocWorld();
    const before = await snapshot(w.workspace.id);
    expect(before.anchors.length).toBeGreaterThan(0);
    const output = await killMidTransaction(['revise', w.owner.id, w.document.id]);
    expect(output).not.toContain('committed');
    expect(await snapshot(w.workspace.id)).toEqual(before);
  }, 90_000);
});
