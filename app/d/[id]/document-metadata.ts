/** Page titles under /d/<id>: the document's title, after what the page does ("Export — <title>"). */
import type { Metadata } from 'next';
import { documentForMember } from '@/lib/documents/access';
import { signedInPageMetadata } from '@/lib/http/page-metadata';

export async function documentMetadata(
  params: Promise<{ id: string }>,
  page?: string,
): Promise<Metadata> {
  const { id } = await params;
  return signedInPageMetadata(
    async (userId) => (await documentForMember(userId, id)).document.title,
    page,
    'Reader',
  );
}
