import { AppError } from '@/lib/errors/app-error';
import { EXPORT_FORMATS, isExportFormat, toReadableStream, type ExportFormat } from '@/lib/export';
import { loadExport } from '@/lib/export/load';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/v1/documents/<id>/export?format=w3c|markdown|csv|docx|html[&bom=1] */
export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  // The API's names (jsonld, md) and the formats' own (w3c, markdown) are both accepted.
  const ALIASES: Record<string, string> = { jsonld: 'w3c', md: 'markdown' };
  const asked = req.nextUrl.searchParams.get('format') ?? 'jsonld';
  const name = ALIASES[asked] ?? asked;
  if (!isExportFormat(name)) {
    throw new AppError(
      'BAD_REQUEST',
      `Unknown format. Use one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
      {
        fields: { format: ['Unknown format'] },
      },
    );
  }
  const format: ExportFormat = EXPORT_FORMATS[name];
  const input = await loadExport(user.id, params.id, req.nextUrl.origin, format.comments);
  const filename = `${
    input.document.title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 80) || 'closeread'
  }.${format.extension}`;
  const stream = toReadableStream(
    format.run(input, { bom: req.nextUrl.searchParams.get('bom') === '1' }),
  );
  return new Response(stream, {
    headers: {
      'Content-Type': format.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
