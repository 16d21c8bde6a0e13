'use client';

import { useState, type FormEvent } from 'react';
import { api } from './api-client';

export function ChangePasswordForm() {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const res = await api('/api/account/password', {
      method: 'POST',
      body: {
        currentPassword: String(form.get('current') ?? ''),
        newPassword: String(form.get('next') ?? ''),
      },
    });
    if (res.ok) formEl.reset();
    setStatus(
      res.ok
        ? { ok: true, message: 'Your password was changed.' }
        : { ok: false, message: res.message },
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <label>
        Current password
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password (at least 10 characters)
        <input name="next" type="password" autoComplete="new-password" required minLength={10} />
      </label>
      <div role="status" className={status?.ok ? 'muted' : 'error'}>
        {status?.message}
      </div>
      <button type="submit">Change password</button>
    </form>
  );
}
