/**
 * Page titles under /d/<id>: the document's title, after what the page does ("Export — <title>"),
 * so tabs and a screen reader's page announcement say which document is open. A document the
 * user may not read gets the page's generic title: the tab says nothing about it.
 */
import type { Metadata } from 'next';
import { currentUser } from '@/lib/auth/session';
import { documentTitleFor } from '@/lib/documents/access';

export async function documentMetadata(
  params: Promise<{ id: string }>,
  page?: string,
): Promise<Metadata> {
  const { id } = await params;
  const user = await currentUser();
  const title = user ? await documentTitleFor(user.id, id) : null;
  if (!title) return { title: page ?? 'Reader' };
  return { title: page ? `${page} — ${title}` : title };
}
