/** Page titles under /w/<slug>: the workspace's name, after what the page does. */
import type { Metadata } from 'next';
import { signedInPageMetadata } from '@/lib/http/page-metadata';
import { workspaceBySlugFor } from '@/lib/workspaces/manage';

export async function workspaceMetadata(
  params: Promise<{ slug: string }>,
  page?: string,
): Promise<Metadata> {
  const { slug } = await params;
  return signedInPageMetadata(
    async (userId) => (await workspaceBySlugFor(userId, slug)).workspace.name,
    page,
    'Workspace',
  );
}
