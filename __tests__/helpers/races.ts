/**
 * Deterministic races: a transaction takes its locks, a racing write starts and is given time to
 * run until it finishes or waits for one of those locks, and only then does the transaction
 * commit. The racing write thus sees the state before the commit when it reads and meets the
 * commit when it writes — the interleaving that random concurrency finds only sometimes.
 */
import { db } from '@/lib/db/client';
import type { Tx } from '@/lib/db/tx';

/** Resolves once `write` has settled or some session waits for a lock the backend `pid` holds. */
export async function settledOrBlockedBy(write: Promise<unknown>, pid: number): Promise<void> {
  let settled = false;
  void write.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 200 && !settled; i++) {
    const [row] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!settled) throw new Error('the racing write neither finished nor waited for the transaction');
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `first` in a transaction, then `race` while that transaction is still open; once `race`
 * has settled or waits for it, runs `thenFirst` (more of the first transaction's work, e.g. a
 * lock it takes last) and commits; returns how `race` ended. The first transaction must
 * complete: a deadlock between the two fails the test whichever side PostgreSQL aborts.
 */
export async function raceAgainst<T>(
  first: (tx: Tx) => Promise<unknown>,
  race: () => Promise<T>,
  thenFirst?: (tx: Tx) => Promise<unknown>,
): Promise<Outcome<T>> {
  let write: Promise<T> | undefined;
  await db().$transaction(async (tx) => {
    await first(tx);
    const [me] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    write = race();
    await settledOrBlockedBy(write, me!.pid);
    if (thenFirst) await thenFirst(tx);
  });
  return write!.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
