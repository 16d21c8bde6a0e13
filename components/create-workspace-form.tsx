'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from './api-client';

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await api<{ slug: string }>('/api/v1/workspaces', {
      method: 'POST',
      body: { name: String(form.get('name') ?? '') },
    });
    if (!res.ok) return setError(res.message);
    router.push(`/w/${res.data.slug}`);
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Create a workspace">
      <label>
        New workspace name
        <input name="name" type="text" required maxLength={80} />
      </label>
      <div role="alert" className="error">
        {error}
      </div>
      <button type="submit">Create workspace</button>
    </form>
  );
}
