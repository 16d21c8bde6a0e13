import type { Metadata } from 'next';
import Link from 'next/link';
import { OAuthButtons } from '@/components/oauth-buttons';
import { SignInForm } from '@/components/sign-in-form';
import { oauthProviders } from '@/lib/auth/oauth';
import { safeCallbackPath } from '@/lib/http/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="page">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
      <OAuthButtons
        providers={oauthProviders().map((p) => ({ id: p.id, name: p.name }))}
        callbackUrl={safeCallbackPath(callbackUrl)}
      />
      <p className="muted">
        New here?{' '}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
