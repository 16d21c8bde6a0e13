import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/sign-up-form';
import { safeCallbackPath } from '@/lib/http/safe-redirect';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  return (
    <div className="page">
      <h1>Create an account</h1>
      <SignUpForm callbackUrl={target} />
      <p className="muted">
        Already have one?{' '}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(target)}`}>Sign in</Link>
      </p>
    </div>
  );
}
