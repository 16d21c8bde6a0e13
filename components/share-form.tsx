'use client';

import { useState } from 'react';
import { api } from './api-client';

export function ShareForm(props: { documentId: string; token: string | null; threads: boolean }) {
  const [token, setToken] = useState(props.token);
  const [threads, setThreads] = useState(props.threads);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const link = token
    ? `${typeof window === 'undefined' ? '' : window.location.origin}/p/${token}`
    : null;

  async function publish() {
    const res = await api<{ token: string }>(`/api/v1/documents/${props.documentId}/share`, {
      method: 'POST',
      body: { threads },
    });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    setToken(res.data.token);
    setMessage({
      ok: true,
      text: 'The document is published at a new link. Any earlier link no longer works.',
    });
  }

  async function revoke() {
    const res = await api(`/api/v1/documents/${props.documentId}/share`, { method: 'DELETE' });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    setToken(null);
    setMessage({ ok: true, text: 'The public link is revoked.' });
  }

  return (
    <div className="stack wide">
      <label className="inline">
        <input type="checkbox" checked={threads} onChange={(e) => setThreads(e.target.checked)} />{' '}
        Show the workspace&apos;s threads to public readers (private annotations are never shown)
      </label>
      <div>
        <button type="button" onClick={() => void publish()}>
          {token ? 'Publish again with a new link' : 'Publish read-only link'}
        </button>{' '}
        {token ? (
          <button type="button" className="quiet" onClick={() => void revoke()}>
            Revoke the link
          </button>
        ) : null}
      </div>
      {link ? (
        <p>
          Public link: <a href={link}>{link}</a>
        </p>
      ) : (
        <p className="muted">Not published: only members of the workspace can read it.</p>
      )}
      <div role="status" className={message?.ok === false ? 'error' : 'muted'}>
        {message?.text}
      </div>
    </div>
  );
}
