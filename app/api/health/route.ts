import { NextResponse } from 'next/server';
import { db } from '@/lib/db/client';
import { checkHealth } from '@/lib/health/check';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth(db(), process.env.CLOSEREAD_VERSION ?? 'dev');
  return NextResponse.json(health, {
    status: health.database === 'up' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
