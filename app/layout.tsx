import type { Metadata } from 'next';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import type { ReactNode } from 'react';
import { unreadCount } from '@/lib/annotations/inbox';
import { currentUser } from '@/lib/auth/session';
import { SignOutButton } from '@/components/sign-out-button';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Closeread', template: '%s · Closeread' },
  description: 'Close-read documents together.',
};

/**
 * The header's user. Pages prerendered at build time (force-static) have no request and may have
 * no auth secret yet: they get the signed-out header. Next's own control-flow errors (dynamic
 * rendering, redirects) pass through.
 */
async function signedInUser() {
  try {
    return await currentUser();
  } catch (err) {
    unstable_rethrow(err);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await signedInUser();
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
