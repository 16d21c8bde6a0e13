import { AppError } from '@/lib/errors/app-error';
import { withOptionalUser } from '@/lib/http/route';
import { textHandoff } from '@/lib/http/text-handoff';

/**
 * The reader's text for a payload-only render (router.refresh(), client navigation): the HTML
 * the server component handed off under this token, once, to the viewer it was made for.
 */
export const GET = withOptionalUser<{ token: string }>(async ({ params, user }) => {
  const html = /^[0-9a-f]{32}$/.test(params.token)
    ? textHandoff().take(params.token, user?.id ?? null)
    : null;
  if (html === null) throw new AppError('NOT_FOUND');
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
    },
  });
});
