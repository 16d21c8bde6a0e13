/** Page titles under /d/<id>: the document's title, after what the page does ("Export — <title>"). */
import type { Metadata } from 'next';
import { documentForMember } from '@/lib/documents/access';
import { signedInPageMetadata } from '@/lib/http/page-metadata';

/**
 * `titleFor` replaces the document lookup for pages that can 404 on more than the document
 * (history: an unknown revision); it answers the title or throws NOT_FOUND.
 */
export async function documentMetadata(
  params: Promise<{ id: string }>,
  page?: string,
  titleFor: (userId: string, id: string) => Promise<string> = async (userId, id) =>
    (await documentForMember(userId, id)).document.title,
): Promise<Metadata> {
  const { id } = await params;
  return signedInPageMetadata((userId) => titleFor(userId, id), page, 'Reader');
}
