import type { Metadata } from 'next';
import Link from 'next/link';
import { ReaderBlockView } from '@/components/reader-block';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getReaderView } from '@/lib/documents/get-reader';
import { orNotFound } from '@/lib/http/page-errors';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Reader' };

export default async function ReaderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/d/${id}`);
  const view = await orNotFound(getReaderView(user.id, id));
  return (
    <article className="reader">
      <header>
        <p className="muted">
          <Link href={`/w/${view.workspace.slug}`}>{view.workspace.name}</Link>
        </p>
        <h1>{view.document.title}</h1>
        <p className="meta">
          {[view.document.source, view.document.publishedOn].filter(Boolean).join(' · ')}
          {' · '}revision {view.revision.number} · {view.annotationCount}{' '}
          {view.annotationCount === 1 ? 'annotation' : 'annotations'}
          {view.orphanCount > 0 ? ` · ${view.orphanCount} orphaned` : ''}
        </p>
      </header>
      {view.blocks.map((b) => (
        <ReaderBlockView key={b.key} block={b} />
      ))}
    </article>
  );
}
