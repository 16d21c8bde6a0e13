'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from './api-client';

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    const res = await api<{ slug: string }>(
      `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
      { method: 'POST' },
    );
    setPending(false);
    if (!res.ok) return setError(res.message);
    router.push(`/w/${res.data.slug}`);
  }

  return (
    <div>
      <button type="button" onClick={() => void accept()} disabled={pending}>
        {pending ? 'Joining…' : 'Join the workspace'}
      </button>
      <div role="alert" className="error">
        {error}
      </div>
    </div>
  );
}
