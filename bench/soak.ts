/**
 * `npm run soak [-- --seconds 300 --warmup 120 --readers 100 --writers 20]`: sustained load
 * (issue 10).
 *
 * A fresh database (seedDemo) on the PostgreSQL service, the production build on a free
 * loopback port. Readers (closed loop, signed in as bob) alternate the demo document's reader
 * page and its annotation list; writers (alice's API token) post comments on its threads.
 * Every 5 s the listening server process's RSS is sampled; the server runs with --trace-gc, and
 * the heap left after each full (mark-compact) collection is recorded: the live heap.
 *
 * The load first runs for --warmup seconds (default 120: V8 grows the heap to its working size
 * and the code is optimised), then for the measured --seconds (default 300). Prints requests,
 * p50/p99 per kind (measured window), errors (whole run) and the memory trends: least-squares
 * slopes of RSS and of the live heap over the measured window. Exits non-zero on any error
 * response or when RSS keeps growing (slope above --max-growth MB/min, default 10). The server
 * runs with --max-old-space-size (--heap-mb, default 512): a leak then shows as growth to the
 * cap and an out-of-memory crash (errors), garbage as a plateau. Bounded by
 * --warmup + --seconds.
 */
import { randomBytes } from 'node:crypto';
import { MAX_COMMENTS_PER_THREAD } from '../lib/annotations/comments';
import { createAnnotation } from '../lib/annotations/create-annotation';
import { createApiToken } from '../lib/auth/api-tokens';
import { connectDb } from '../lib/db/client';
import { DEMO_PASSWORD } from '../lib/seed/demo';
import { createDatabase, dropDatabase, freshDatabaseName } from './database';
import { signIn } from './load';
import { build, buildProblem, listeningPid, memory, startServer, stopServer } from './server';
import { plainTextToDoc } from '../lib/richtext';

function option(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
}

type Kind = 'reader page' | 'annotation list' | 'post comment';

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den ? num / den : 0;
}

async function main() {
  const seconds = option('seconds', 300);
  const warmup = option('warmup', 120);
  const readers = option('readers', 100);
  const writers = option('writers', 20);
  const maxGrowth = option('max-growth', 10);
  const heapMb = option('heap-mb', 512);
  // The build must be of these sources: a stale .next once made a soak measure old code.
  const problem = process.argv.includes('--reuse-build') ? null : buildProblem();
  if (problem) {
    console.log(`soak: building (${problem})`);
    build();
  }

  const name = freshDatabaseName();
  const url = await createDatabase(name);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    // Scale 1 of the benchmark data set is more than a soak needs; the demo workspace will do,
    // plus whatever the writers add.
    const setup = connectDb(url);
    const { applyMigrations } = await import('../lib/db/migrations');
    const { seedDemo } = await import('../lib/seed/demo');
    await applyMigrations(url);
    await seedDemo(setup);
    const document = await setup.document.findFirstOrThrow({
      where: { workspace: { slug: 'demo' } },
      select: { id: true },
    });
    const threads = await setup.annotation.findMany({
      where: { documentId: document.id, visibility: 'WORKSPACE' },
      select: { id: true },
    });
    const alice = await setup.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    process.env.DATABASE_URL = url;
    const { token } = await createApiToken(alice.id, { name: 'soak', scope: 'write' });
    // A thread holds at most MAX_COMMENTS_PER_THREAD comments (then 409): enough paragraph
    // threads that the writers fill at most half of them, even at 4 posts per second each.
    const needed = Math.ceil((writers * (warmup + seconds) * 4) / (MAX_COMMENTS_PER_THREAD / 2));
    const { blocks } = await setup.revision.findFirstOrThrow({
      where: { documentId: document.id },
      orderBy: { number: 'desc' },
      select: { blocks: { orderBy: { position: 'asc' }, select: { key: true } } },
    });
    for (let i = threads.length; i < needed; i++) {
      const { id } = await createAnnotation(alice.id, document.id, {
        blockKey: blocks[i % blocks.length]!.key,
        comment: plainTextToDoc(`Soak thread ${i}`),
      });
      threads.push({ id });
    }
    await setup.$disconnect();

    // A bounded heap, as in a container: without one V8 grows the heap lazily on a 24 GB machine
    // and RSS says little about leaks.
    const liveHeap: { t: number; mb: number }[] = [];
    server = await startServer(
      {
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
        NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
      },
      {
        nodeArgs: ['--trace-gc'],
        onGcTrace: (line) => {
          const m = / Mark-Compact (?:\(reduce\) )?[\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
          if (m) liveHeap.push({ t: Date.now(), mb: Number(m[1]) });
        },
      },
    );
    const origin = server.origin;
    const cookie = await signIn(origin, 'bob@example.com', DEMO_PASSWORD);
    const pid = listeningPid(server.port);
    console.log(
      `soak: ${readers} readers + ${writers} writers, ${warmup} s warm-up then ${seconds} s ` +
        `measured, on ${origin} (pid ${pid})`,
    );

    const latencies: Record<Kind, number[]> = {
      'reader page': [],
      'annotation list': [],
      'post comment': [],
    };
    const errors: string[] = [];
    const loadStarted = Date.now();
    const started = loadStarted + warmup * 1000;
    const deadline = started + seconds * 1000;
    const rss: { x: number; y: number }[] = [];
    const warmupRss: { x: number; y: number }[] = [];
    let serverGone = false;
    const sampler = setInterval(() => {
      if (!pid || serverGone) return;
      try {
        const sample = { x: (Date.now() - started) / 60_000, y: memory(pid).rss };
        (sample.x < 0 ? warmupRss : rss).push(sample);
      } catch {
        serverGone = true;
        errors.push(`the server process (pid ${pid}) exited during the run`);
      }
    }, 5_000);

    const timed = async (kind: Kind, run: () => Promise<Response>) => {
      const t0 = performance.now();
      try {
        const res = await run();
        await res.arrayBuffer();
        if (!res.ok) errors.push(`${kind}: ${res.status}`);
      } catch (err) {
        const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
        errors.push(
          `${kind}: ${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`,
        );
      }
      if (Date.now() >= started) latencies[kind].push(performance.now() - t0);
    };
    const reader = async (n: number) => {
      for (let i = n; Date.now() < deadline && !serverGone; i++) {
        if (i % 2)
          await timed('reader page', () =>
            fetch(`${origin}/d/${document.id}`, { headers: { cookie } }),
          );
        else
          await timed('annotation list', () =>
            fetch(`${origin}/api/v1/documents/${document.id}/annotations?limit=50`, {
              headers: { cookie },
            }),
          );
      }
    };
    const writer = async (n: number) => {
      for (let i = n; Date.now() < deadline && !serverGone; i++) {
        const thread = threads[i % threads.length]!.id;
        await timed('post comment', () =>
          fetch(`${origin}/api/v1/annotations/${thread}/comments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              comment: plainTextToDoc(`Soak ${n}/${i}`),
            }),
          }),
        );
      }
    };
    await Promise.all([
      ...Array.from({ length: readers }, (_, n) => reader(n)),
      ...Array.from({ length: writers }, (_, n) => writer(n)),
    ]);
    clearInterval(sampler);

    // The trends are taken over the measured window, after the warm-up.
    const growth = slope(rss);
    const heap = liveHeap
      .filter((p) => p.t >= started)
      .map((p) => ({ x: (p.t - started) / 60_000, y: p.mb }));
    const heapGrowth = slope(heap);
    const rows = (Object.keys(latencies) as Kind[]).map((kind) => {
      const sorted = [...latencies[kind]].sort((a, b) => a - b);
      return {
        kind,
        requests: sorted.length,
        perSecond: Number((sorted.length / seconds).toFixed(1)),
        p50: Math.round(percentile(sorted, 0.5)),
        p99: Math.round(percentile(sorted, 0.99)),
      };
    });
    console.table(rows);
    const first = rss[0]?.y ?? 0;
    const last = rss.at(-1)?.y ?? 0;
    const mb = (v: number | undefined) => (v ?? 0).toFixed(0);
    console.log(
      `soak: errors ${errors.length}; RSS ${mb(warmupRss[0]?.y)} MB early in the warm-up, ` +
        `${mb(first)} → ${mb(last)} MB over the measured window (peak ` +
        `${mb(Math.max(0, ...rss.map((p) => p.y)))} MB), trend ${growth.toFixed(1)} MB/min ` +
        `(limit ${maxGrowth}); live heap after full GC ${mb(heap[0]?.y)} → ${mb(heap.at(-1)?.y)} ` +
        `MB (${heap.length} collections), trend ${heapGrowth.toFixed(1)} MB/min`,
    );
    const byMinute = [...warmupRss, ...rss].filter(
      (_, i, all) => i % 12 === 11 || i === all.length - 1,
    );
    console.log(
      `soak: RSS by minute (0 = end of warm-up): ` +
        byMinute.map((p) => `${p.x.toFixed(1)} min ${p.y.toFixed(0)} MB`).join(', '),
    );
    if (errors.length) console.error(`soak: first errors: ${errors.slice(0, 5).join('; ')}`);
    if (errors.length) console.error(`soak: server log tail:\n${server.log.slice(-25).join('\n')}`);
    if (errors.length || growth > maxGrowth) {
      console.error('soak: FAILED');
      process.exitCode = 1;
    } else console.log('soak: passed');
  } finally {
    if (server) await stopServer(server);
    await dropDatabase(name);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
