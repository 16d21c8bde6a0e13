import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkspaceMembers } from '@/components/workspace-members';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { orNotFound } from '@/lib/http/page-errors';
import { listInvitations } from '@/lib/workspaces/invitations';
import { workspaceBySlugFor } from '@/lib/workspaces/manage';
import { listMembers } from '@/lib/workspaces/members';
import { workspaceMetadata } from '../workspace-metadata';

export function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  return workspaceMetadata(params, 'Workspace settings');
}
export const dynamic = 'force-dynamic';

export default async function WorkspaceSettingsPage({
  params,
}: {
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const user = await requirePageUser(`/w/${slug}/settings`);
  const { workspace } = await orNotFound(workspaceBySlugFor(user.id, slug));
  const { members, abilities } = await listMembers(user.id, slug);
  const invitations = abilities.manageMembers ? await listInvitations(user.id, slug) : [];
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/w/${slug}`}>{workspace.name}</Link>
      </p>
      <h1>Members and invitations</h1>
      <WorkspaceMembers
        slug={slug}
        me={user.id}
        canManage={abilities.manageMembers}
        members={members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role }))}
        invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
      />
    </div>
  );
}
