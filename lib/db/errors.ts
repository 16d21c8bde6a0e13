/** Constraint violations, recognised whether they came from a Prisma model query or raw SQL. */
import { Prisma } from './client';

type Violation = 'unique' | 'foreign-key';

/** Prisma's codes for model queries; SQLSTATE for raw queries (P2010 wraps the driver's error). */
const BY_PRISMA_CODE: Record<string, Violation> = { P2002: 'unique', P2003: 'foreign-key' };
const BY_SQLSTATE: Record<string, Violation> = { '23505': 'unique', '23503': 'foreign-key' };

export function constraintViolation(err: unknown): Violation | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const byCode = BY_PRISMA_CODE[err.code];
  if (byCode) return byCode;
  const driver = (err.meta as { driverAdapterError?: { cause?: { originalCode?: string } } })
    ?.driverAdapterError;
  return BY_SQLSTATE[driver?.cause?.originalCode ?? ''] ?? null;
}
