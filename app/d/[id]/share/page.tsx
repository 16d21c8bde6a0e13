import type { Metadata } from 'next';
import Link from 'next/link';
import { ShareForm } from '@/components/share-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getReaderView } from '@/lib/documents/get-reader';
import { orNotFound } from '@/lib/http/page-errors';
import { documentMetadata } from '../document-metadata';

export function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return documentMetadata(params, 'Share');
}
export const dynamic = 'force-dynamic';

export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/d/${id}/share`);
  const view = await orNotFound(getReaderView(user.id, id));
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/d/${id}`}>{view.document.title}</Link>
      </p>
      <h1>Share a read-only link</h1>
      {view.abilities.share ? (
        <ShareForm
          documentId={id}
          token={view.publicLink.token}
          threads={view.publicLink.threads}
        />
      ) : (
        <p>Only the person who added this document, or a workspace owner, can publish it.</p>
      )}
    </div>
  );
}
