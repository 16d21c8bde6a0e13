import type { Metadata } from 'next';
import { InboxList } from '@/components/inbox-list';
import { listInbox } from '@/lib/annotations/inbox';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';

export default async function InboxPage() {
  const user = await requirePageUser('/inbox');
  const items = await listInbox(user.id);
  return (
    <div className="page">
      <h1>Inbox</h1>
      <InboxList initial={items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))} />
    </div>
  );
}
