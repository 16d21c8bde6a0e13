/**
 * Benchmark baseline (c): inserts one row with Prisma into `bench_baseline`, a table the
 * benchmark creates in its own database. Answers 404 unless CLOSEREAD_BENCH=1.
 */
import { NextResponse } from 'next/server';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export async function POST(): Promise<Response> {
  if (process.env.CLOSEREAD_BENCH !== '1') return errorResponse(new AppError('NOT_FOUND'));
  const value = `v${Date.now()}`;
  await db().$executeRaw`INSERT INTO bench_baseline (v) VALUES (${value})`;
  return NextResponse.json({ ok: true }, { status: 201 });
}
