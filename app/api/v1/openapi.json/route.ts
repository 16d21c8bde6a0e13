import { NextResponse, type NextRequest } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';

/** The OpenAPI 3.1 description of /api/v1 (public: it describes, it reveals no data). */
export function GET(req: NextRequest) {
  return NextResponse.json(openApiDocument(req.nextUrl.origin), {
    headers: { 'Cache-Control': 'public, max-age=300' },
  });
}
