import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { historyTitle, revisionChanges } from '@/lib/documents/history';
import { orNotFound } from '@/lib/http/page-errors';
import { documentMetadata } from '../document-metadata';

const querySchema = z.object({ rev: z.coerce.number().int().min(1).optional().catch(undefined) });

/** Titled like the document's other pages; an unknown revision is a 404 here as in the page. */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}): Promise<Metadata> {
  const { rev } = querySchema.parse(await searchParams);
  return documentMetadata(params, 'What changed', (userId, id) => historyTitle(userId, id, rev));
}
export const dynamic = 'force-dynamic';

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const { rev } = querySchema.parse(await searchParams);
  const user = await requirePageUser(`/d/${id}/history`);
  const h = await orNotFound(revisionChanges(user.id, id, rev));
  const changed = h.changes.filter((c) => c.kind !== 'unchanged');
  return (
    <div className="page history">
      <p className="muted">
        <Link href={`/d/${id}`}>{h.document.title}</Link>
      </p>
      <h1>
        Revision {h.revision.number}
        {h.previous ? ` compared with revision ${h.previous}` : ''}
      </h1>
      <p className="muted">
        Uploaded by {h.revision.by} on {h.revision.createdAt.toISOString().slice(0, 10)}.{' '}
        {h.previous
          ? `${changed.length} of ${h.changes.length} paragraphs changed.`
          : 'The first revision.'}
      </p>
      <nav aria-label="Revisions" className="doc-actions">
        {h.revisions.map((r) =>
          r.number === h.revision.number ? (
            <span key={r.number} aria-current="page">
              revision {r.number}
            </span>
          ) : (
            <Link key={r.number} href={`/d/${id}/history?rev=${r.number}`}>
              revision {r.number}
            </Link>
          ),
        )}
      </nav>
      <ol className="changes">
        {h.changes.map((c) => (
          <li key={`${c.kind}-${c.key}`} className={`change change-${c.kind}`}>
            <span className="muted small">
              {c.kind === 'removed' ? 'removed' : `¶ ${c.number}`} · {c.kind}
            </span>
            <p>
              {c.kind === 'edited'
                ? c.parts.map((p, i) =>
                    p.kind === 'same' ? (
                      <span key={i}>{p.text}</span>
                    ) : p.kind === 'added' ? (
                      <ins key={i}>{p.text}</ins>
                    ) : (
                      <del key={i}>{p.text}</del>
                    ),
                  )
                : c.text}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
