import type { Db } from '../db/client';

export type Health = { status: 'ok' | 'unavailable'; version: string; database: 'up' | 'down' };

const PROBE_TIMEOUT_MS = 3_000;

/** Reports the app version and whether the database answers within a few seconds. */
export async function checkHealth(client: Db, version: string): Promise<Health> {
  const probe = client.$queryRaw`SELECT 1`;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([probe, timeout]);
    return { status: 'ok', version, database: 'up' };
  } catch {
    probe.catch(() => {});
    return { status: 'unavailable', version, database: 'down' };
  }
}
