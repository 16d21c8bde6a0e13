import type { Metadata } from 'next';
import Link from 'next/link';
import { EXPORT_CHOICES, exportUrl } from '@/components/export/export-formats';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getDocumentDetails } from '@/lib/documents/manage-document';
import { orNotFound } from '@/lib/http/page-errors';
import { documentMetadata } from '../document-metadata';

export function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return documentMetadata(params, 'Export');
}
export const dynamic = 'force-dynamic';

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/d/${id}/export`);
  const doc = await orNotFound(getDocumentDetails(user.id, id));
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/d/${id}`}>{doc.title}</Link>
      </p>
      <h1>Export the discussion</h1>
      <p>
        Every export holds the annotations you can see, with their whole threads, on the latest
        revision.
      </p>
      <ul className="card-list">
        {EXPORT_CHOICES.map((f) => (
          <li key={f.query}>
            <a href={exportUrl(id, f.query)} download>
              {f.name}
            </a>
            <div className="muted">{f.what}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
