import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentUploadForm } from '@/components/document-upload-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { orNotFound } from '@/lib/http/page-errors';
import { workspaceBySlugFor } from '@/lib/workspaces/manage';
import { workspaceMetadata } from '../workspace-metadata';

export function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  return workspaceMetadata(params, 'Import a document');
}
export const dynamic = 'force-dynamic';

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/w/${slug}/import`);
  const { workspace } = await orNotFound(workspaceBySlugFor(user.id, slug));
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/w/${slug}`}>{workspace.name}</Link>
      </p>
      <h1>Import a document</h1>
      <DocumentUploadForm kind="import" action={`/api/v1/workspaces/${slug}/documents`} />
    </div>
  );
}
