'use client';

import { useState, type FormEvent } from 'react';
import { api } from './api-client';

type Token = {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export function ApiTokens({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const res = await api<Token & { token: string }>('/api/v1/tokens', {
      method: 'POST',
      body: { name: String(form.get('name') ?? ''), scope: String(form.get('scope') ?? 'read') },
    });
    if (!res.ok) return setError(res.message);
    setError(null);
    const { token, ...apiToken } = res.data;
    setCreated(token);
    setTokens([apiToken, ...tokens]);
    formEl.reset();
  }

  async function revoke(id: string) {
    const res = await api(`/api/v1/tokens/${id}`, { method: 'DELETE' });
    if (res.ok) setTokens(tokens.filter((t) => t.id !== id));
    else setError(res.message);
  }

  return (
    <div>
      <form className="stack" onSubmit={onCreate}>
        <label>
          Token name
          <input name="name" type="text" required maxLength={80} />
        </label>
        <label>
          Scope
          <select name="scope" defaultValue="read">
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      <div role="status">
        {created ? (
          <p>
            Copy your new token now; it will not be shown again: <code>{created}</code>
          </p>
        ) : null}
      </div>
      <div role="alert" className="error">
        {error}
      </div>
      <ul className="card-list" aria-label="Your API tokens">
        {tokens.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong>{' '}
            <span className="muted">
              ({t.scope}, {t.prefix}…, last used{' '}
              {t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'})
            </span>{' '}
            <button
              type="button"
              className="quiet"
              onClick={() => void revoke(t.id)}
              aria-label={`Revoke token ${t.name}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
