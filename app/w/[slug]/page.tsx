import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { orNotFound } from '@/lib/http/page-errors';
import { getWorkspaceLibrary } from '@/lib/workspaces/get-workspace';

export const dynamic = 'force-dynamic';

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/w/${slug}`);
  const { workspace, documents } = await orNotFound(getWorkspaceLibrary(user.id, slug));
  return (
    <div className="page">
      <h1>{workspace.name}</h1>
      <p>
        <Link href={`/w/${workspace.slug}/settings`}>Members and invitations</Link>
      </p>
      {documents.length === 0 ? (
        <p className="muted">No documents yet.</p>
      ) : (
        <ul className="card-list" aria-label="Documents">
          {documents.map((d) => (
            <li key={d.id}>
              <Link href={`/d/${d.id}`}>{d.title}</Link>
              <div className="muted">
                {d.source ? `${d.source} · ` : ''}
                {d._count.revisions} {d._count.revisions === 1 ? 'revision' : 'revisions'} ·{' '}
                {d._count.annotations} {d._count.annotations === 1 ? 'annotation' : 'annotations'} ·
                last activity {d.lastActivityAt.toISOString().slice(0, 10)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
