'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from './api-client';

type Item = {
  id: string;
  kind: 'REPLY' | 'MENTION';
  read: boolean;
  createdAt: string;
  from: string;
  excerpt: string;
  quote: string;
  document: { title: string };
  link: string;
};

export function InboxList({ initial }: { initial: Item[] }) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function mark(body: { ids?: string[]; all?: true }) {
    const res = await api('/api/v1/inbox/read', { method: 'POST', body });
    if (!res.ok) return setError(res.message);
    setItems(items.map((i) => (body.all || body.ids?.includes(i.id) ? { ...i, read: true } : i)));
    router.refresh();
  }

  if (items.length === 0)
    return (
      <p className="muted">
        Nothing here yet: replies to your threads and @mentions of you appear here.
      </p>
    );
  return (
    <div>
      <button type="button" className="quiet" onClick={() => void mark({ all: true })}>
        Mark all as read
      </button>
      <div role="alert" className="error">
        {error}
      </div>
      <ul className="card-list" aria-label="Notifications">
        {items.map((i) => (
          <li key={i.id} className={i.read ? 'read' : 'unread'}>
            <p>
              {i.read ? null : <span className="badge">new</span>} <strong>{i.from}</strong>{' '}
              {i.kind === 'MENTION' ? 'mentioned you' : 'replied'} in <em>{i.document.title}</em>
            </p>
            {i.quote ? <blockquote className="quote">{i.quote}</blockquote> : null}
            {i.excerpt ? <p>{i.excerpt}</p> : null}
            <p className="small">
              <a href={i.link} onClick={() => void mark({ ids: [i.id] })}>
                Open the thread
              </a>{' '}
              · <span className="muted">{new Date(i.createdAt).toLocaleString()}</span>
              {i.read ? null : (
                <>
                  {' '}
                  ·{' '}
                  <button
                    type="button"
                    className="quiet"
                    onClick={() => void mark({ ids: [i.id] })}
                  >
                    Mark read
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
