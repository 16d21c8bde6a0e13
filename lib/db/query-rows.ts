/**
 * Parameterised SQL on the shared pool, skipping Prisma, for the few reads that return thousands
 * of rows (the reader, the export): Prisma's per-value handling of raw results cost more than the
 * queries. Values come back as `pg` parses them, except timestamps, which are read as UTC like
 * Prisma reads them (Prisma stores UTC in `timestamp without time zone`).
 */
import pg, { type CustomTypesConfig, type QueryResultRow } from 'pg';
import { pool } from './client';

/** PostgreSQL's type id for `timestamp without time zone`, which Prisma fills with UTC. */
const TIMESTAMP = 1114;
/** 'YYYY-MM-DD HH:MM:SS[.fff]' as UTC; digits read directly (a Date per value is the cost). */
export function utcTimestamp(value: string): Date {
  const n = (from: number, to: number) => Number(value.slice(from, to));
  if (value.length < 19 || value[4] !== '-' || value[10] !== ' ')
    return new Date(`${value.replace(' ', 'T')}Z`);
  const ms = value.length > 20 ? Math.round(Number(`0${value.slice(19)}`) * 1000) : 0;
  return new Date(Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), ms));
}
const utcTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP
      ? utcTimestamp
      : pg.types.getTypeParser(oid, format ?? 'text')) as CustomTypesConfig['getTypeParser'],
};

/** The rows of one query on the shared pool. */
export async function queryRows<T extends QueryResultRow>(
  text: string,
  values: unknown[],
): Promise<T[]> {
  return (await pool().query<T>({ text, values, types: utcTypes })).rows;
}
