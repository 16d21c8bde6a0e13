/** Runs a command-line task against DATABASE_URL, or against the embedded default. */
import { startEmbeddedDatabase } from '../../lib/db/embedded';

export async function withDatabase<T>(task: (url: string) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) return task(external);
  const db = await startEmbeddedDatabase({ log: (l) => process.stderr.write(`${l}\n`) });
  try {
    return await task(db.url);
  } finally {
    await db.stop();
  }
}

/** Prints one clear line and exits non-zero: no stack traces for expected failures. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
