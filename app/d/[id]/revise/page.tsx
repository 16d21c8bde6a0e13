import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentUploadForm } from '@/components/document-upload-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getDocumentDetails } from '@/lib/documents/manage-document';
import { orNotFound } from '@/lib/http/page-errors';
import { documentMetadata } from '../document-metadata';

export function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return documentMetadata(params, 'Upload a new version');
}
export const dynamic = 'force-dynamic';

export default async function RevisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/d/${id}/revise`);
  const doc = await orNotFound(getDocumentDetails(user.id, id));
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/d/${id}`}>{doc.title}</Link>
      </p>
      <h1>Upload a new version</h1>
      <p>
        Paragraphs are matched to revision {doc.revisions.length}, and every annotation follows its
        words. Annotations whose words are gone are listed as orphaned, with their quote, so they
        can be re-attached.
      </p>
      <DocumentUploadForm
        kind="revision"
        documentId={id}
        action={`/api/v1/documents/${id}/revisions`}
      />
    </div>
  );
}
