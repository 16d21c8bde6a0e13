'use client';

import { signIn } from 'next-auth/react';

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="stack" style={{ marginTop: '1rem' }}>
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          className="quiet"
          onClick={() => void signIn(p.id, { callbackUrl })}
        >
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
