import { db, type Db } from './client';

/** The client type inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Runs `fn` in the caller's transaction when given one, else in a new one. Domain functions
 * take an optional `tx` through this, so a caller that combines several of them (the Web
 * Annotation Protocol's PUT: comment and tags together) gets all of it or none.
 */
export async function inTransaction<T>(
  outer: Tx | undefined,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return outer ? fn(outer) : db().$transaction(fn);
}
