import { listInbox, unreadCount } from '@/lib/annotations/inbox';
import { withUser } from '@/lib/http/route';

export const GET = withUser(async ({ user }) => ({
  unread: await unreadCount(user.id),
  items: await listInbox(user.id),
}));
