'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from './api-client';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    setPending(true);
    setError(null);
    const res = await api('/api/account/signup', { method: 'POST', body });
    if (!res.ok) {
      setPending(false);
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    await signIn('credentials', { redirect: false, email: body.email, password: body.password });
    router.push(callbackUrl);
    router.refresh();
  }

  const fieldError = (name: string) =>
    fields[name]?.length ? (
      <span id={`${name}-error`} className="error">
        {fields[name]!.join(' ')}
      </span>
    ) : null;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <label>
        Name
        <input
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={80}
          aria-describedby="name-error"
        />
        {fieldError('name')}
      </label>
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-describedby="email-error"
        />
        {fieldError('email')}
      </label>
      <label>
        Password (at least 10 characters)
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          aria-describedby="password-error"
        />
        {fieldError('password')}
      </label>
      <div role="alert" className="error">
        {error}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
