/**
 * Benchmark baseline (d): reads one row by primary key with Prisma (a user, `?id=<userId>`).
 * Answers 404 unless CLOSEREAD_BENCH=1.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest): Promise<Response> {
  if (process.env.CLOSEREAD_BENCH !== '1') return errorResponse(new AppError('NOT_FOUND'));
  const id = req.nextUrl.searchParams.get('id') ?? '';
  const user = await db().user.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!user) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(user);
}
