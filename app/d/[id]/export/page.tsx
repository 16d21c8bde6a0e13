import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getDocumentDetails } from '@/lib/documents/manage-document';
import { orNotFound } from '@/lib/http/page-errors';

export const metadata: Metadata = { title: 'Export' };
export const dynamic = 'force-dynamic';

const FORMATS = [
  [
    'w3c',
    'W3C Web Annotation (JSON-LD)',
    'The standard format: loads into other annotation tools.',
  ],
  ['markdown', 'Markdown brief', 'Quoted passages with their threads, for notes and handouts.'],
  ['csv', 'CSV spreadsheet', 'One row per comment, for analysis.'],
  ['docx', 'Word document', 'The text with native Word comments on the highlighted words.'],
  ['html', 'Printable report', 'Open it and print to PDF from the browser.'],
] as const;

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
        {FORMATS.map(([format, name, what]) => (
          <li key={format}>
            <a href={`/api/v1/documents/${id}/export?format=${format}`} download>
              {name}
            </a>
            <div className="muted">{what}</div>
          </li>
        ))}
        <li>
          <a href={`/api/v1/documents/${id}/export?format=csv&bom=1`} download>
            CSV for Excel (UTF-8 with BOM)
          </a>
        </li>
      </ul>
    </div>
  );
}
