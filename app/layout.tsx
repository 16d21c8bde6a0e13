import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { unreadCount } from '@/lib/annotations/inbox';
import { currentUser } from '@/lib/auth/session';
import { SignOutButton } from '@/components/sign-out-button';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Closeread', template: '%s · Closeread' },
  description: 'Close-read documents together.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const unread = user ? await unreadCount(user.id).catch(() => 0) : 0;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link className="brand" href="/">
            Closeread
          </Link>
          <nav aria-label="Account">
            {user ? (
              <>
                <Link href="/inbox">
                  Inbox
                  {unread ? (
                    <span className="count">
                      {unread}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </Link>
                <Link href="/settings">{user.name}</Link>
                <SignOutButton />
              </>
            ) : (
              <Link href="/signin">Sign in</Link>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
