import type { Metadata } from 'next';
import { ApiTokens } from '@/components/api-tokens';
import { ChangePasswordForm } from '@/components/change-password-form';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'Account settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const user = await requirePageUser('/settings');
  const tokens = await listApiTokens(user.id);
  return (
    <div className="page">
      <h1>Account settings</h1>
      <p className="muted">
        Signed in as {user.name} ({user.email})
      </p>
      <h2>Password</h2>
      <ChangePasswordForm />
      <h2>API tokens</h2>
      <p className="muted">
        Tokens let scripts use the Closeread API as you. Send them as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <ApiTokens
        initial={tokens.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
