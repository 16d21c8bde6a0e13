'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiErrorAlert, type ApiFailure } from '@/components/api-error';
import { api, type ApiResult } from '@/components/api-client';
import { CommentEditor } from '@/components/comment-editor/comment-editor';
import type { CommentDoc } from '@/lib/richtext/types';
import { formatDate, scrollBehavior, useMembers } from './hooks';
import { markOwnAction, useReaderStore } from './reader-store';
import { useCommentEdit } from './use-comment-edit';
import { CommentView, ConfirmRow, MetaEditor, explain } from './thread-comment';
import { MAX_DEPTH, type Thread, type ThreadComment } from './thread-types';

export type { Thread, ThreadComment } from './thread-types';

/** Moves focus to a paragraph of the reading text and marks it as the URL target. */
export function goToBlock(blockKey: string) {
  const el = document.getElementById(`p-${blockKey}`);
  if (!el) return;
  if (location.hash !== `#p-${blockKey}`) location.hash = `p-${blockKey}`;
  el.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
  el.focus({ preventScroll: true });
}

/** One thread in full, loaded on demand beside its server-rendered summary. */
export function ThreadPanel({
  annotationId,
  blockKey,
  focusRequest,
  onClose,
}: {
  annotationId: string;
  blockKey: string | null;
  /** Changes whenever the user asks for this thread: focus moves to its heading (0: never). */
  focusRequest: number;
  onClose: () => void;
}) {
  const router = useRouter();
  const { config, version } = useReaderStore();
  const members = useMembers(config?.workspaceSlug);
  const [thread, setThread] = useState<Thread | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const [alert, setAlert] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [replyTo, setReplyTo] = useState<string | null>(null); // comment id, or 'root'
  const [replyKey, setReplyKey] = useState(() => crypto.randomUUID());
  const [confirm, setConfirm] = useState<string | null>(null);
  const [editingMeta, setEditingMeta] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef(0);
  const headingId = useId();

  const load = useCallback(async () => {
    const res = await api<Thread>(`/api/v1/annotations/${annotationId}`);
    if (res.ok) {
      setThread(res.data);
      setLoadError(null);
      setGone(false);
    } else if (res.status === 404) {
      setGone(true);
    } else {
      setLoadError(res.message);
    }
  }, [annotationId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetching on open and on live events
    void load();
  }, [load, version]);

  useEffect(() => {
    if (thread && focusRequest && focusedFor.current !== focusRequest) {
      focusedFor.current = focusRequest;
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [thread, focusRequest]);

  /** Runs a change; on success re-fetches the thread and re-renders the page's highlights. */
  async function act<T>(
    run: () => Promise<ApiResult<T>>,
    after?: (data: T) => void,
  ): Promise<boolean> {
    setBusy(true);
    setAlert(null);
    markOwnAction(annotationId);
    const res = await run();
    setBusy(false);
    if (!res.ok) {
      setAlert({ status: res.status, message: explain(res.status, res.message) });
      return false;
    }
    after?.(res.data);
    await load();
    router.refresh();
    return true;
  }

  async function reply(parentId: string | null, doc: CommentDoc): Promise<boolean> {
    const ok = await act(() =>
      api(`/api/v1/annotations/${annotationId}/comments`, {
        method: 'POST',
        body: { ...(parentId ? { parentId } : {}), body: doc, clientKey: replyKey },
      }),
    );
    if (ok) {
      setReplyTo(null);
      setReplyKey(crypto.randomUUID());
    }
    return ok;
  }

  const edit = useCommentEdit({
    annotationId,
    setAlert,
    setBusy,
    setThread,
    afterSave: async () => {
      await load();
      router.refresh();
    },
  });

  if (gone) {
    return (
      <section className="thread-full" aria-label="Thread">
        <p role="status">This thread was deleted or is no longer visible to you.</p>
        <button type="button" className="quiet small-button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }
  if (!thread) {
    return (
      <section className="thread-full" aria-label="Thread" aria-busy="true">
        {loadError ? (
          <>
            <p role="alert" className="error">
              {loadError}
            </p>
            <button type="button" className="quiet small-button" onClick={() => void load()}>
              Try again
            </button>
          </>
        ) : (
          <p className="muted small">Loading the thread…</p>
        )}
      </section>
    );
  }

  const isAuthor = thread.author.id === config?.me.id;
  const children = new Map<string | null, ThreadComment[]>();
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  for (const c of thread.comments) {
    const parent = c.parentId && byId.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const descendants = (id: string): ThreadComment[] => {
    const out: ThreadComment[] = [];
    for (const c of children.get(id) ?? []) out.push(c, ...descendants(c.id));
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };

  const renderComment = (c: ThreadComment, depth: number, inReplyTo?: string) => (
    <CommentView
      key={c.id}
      c={c}
      depth={depth}
      inReplyTo={inReplyTo}
      annotationId={annotationId}
      canReply={thread.abilities.reply}
      busy={busy}
      members={members}
      replying={replyTo === c.id}
      editing={edit.editing?.id === c.id ? edit.editing : null}
      conflict={edit.editing?.id === c.id ? edit.conflict : null}
      showLatest={edit.editing?.id === c.id && edit.latestShown}
      confirming={confirm === `comment:${c.id}`}
      onReply={() => {
        edit.cancel();
        setReplyTo(replyTo === c.id ? null : c.id);
      }}
      onSubmitReply={(doc) => reply(c.id, doc)}
      onCancelReply={() => setReplyTo(null)}
      onEdit={() => void edit.start(c).then((ok) => ok && setReplyTo(null))}
      onSubmitEdit={edit.save}
      onCancelEdit={edit.cancel}
      onLoadLatest={() => void edit.loadLatest()}
      onAskDelete={() => setConfirm(`comment:${c.id}`)}
      onCancelDelete={() => setConfirm(null)}
      onDelete={() =>
        void act(() => api(`/api/v1/comments/${c.id}`, { method: 'DELETE' })).then(() =>
          setConfirm(null),
        )
      }
      onHide={(hidden) =>
        void act(() => api(`/api/v1/comments/${c.id}/hide`, { method: 'POST', body: { hidden } }))
      }
      onReact={(emoji) =>
        void act(() =>
          api(`/api/v1/comments/${c.id}/reactions`, { method: 'POST', body: { emoji } }),
        )
      }
    />
  );

  const renderLevel = (parentId: string | null, depth: number): ReactNode => {
    const items = children.get(parentId) ?? [];
    if (items.length === 0) return null;
    return (
      <ol className={depth === 0 ? 'comment-tree' : 'comment-replies'}>
        {items.map((c) => (
          <li key={c.id}>
            {renderComment(c, depth)}
            {depth < MAX_DEPTH ? (
              renderLevel(c.id, depth + 1)
            ) : descendants(c.id).length > 0 ? (
              <ol className="comment-replies comment-flat">
                {descendants(c.id).map((d) => (
                  <li key={d.id}>
                    {renderComment(d, depth, byId.get(d.parentId ?? '')?.authorName)}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    );
  };

  return (
    <section className="thread-full" aria-labelledby={headingId}>
      <div className="thread-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          Thread by {thread.author.name}
        </h3>
        <div className="thread-tools">
          {blockKey ? (
            <button
              type="button"
              className="quiet small-button"
              onClick={() => goToBlock(blockKey)}
            >
              Go to text
            </button>
          ) : null}
          <a className="small" href={`#thread-${thread.id}`}>
            Permalink
          </a>
          <button type="button" className="quiet small-button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>

      <p className="thread-status small">
        <span>
          {thread.status === 'RESOLVED' ? (
            <>
              <strong>Resolved</strong>
              {thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}
              {thread.resolvedAt ? `, ${formatDate(thread.resolvedAt)}` : ''}
            </>
          ) : (
            'Open'
          )}
          <span className="muted">
            {' · '}
            {thread.visibility === 'PRIVATE' ? 'Private' : 'Workspace'} · started{' '}
            {formatDate(thread.createdAt)}
          </span>
        </span>
        {thread.abilities.resolve ? (
          <button
            type="button"
            className="quiet small-button"
            disabled={busy}
            onClick={() =>
              void act(() =>
                api(`/api/v1/annotations/${annotationId}`, {
                  method: 'PATCH',
                  body: { status: thread.status === 'RESOLVED' ? 'OPEN' : 'RESOLVED' },
                }),
              )
            }
          >
            {thread.status === 'RESOLVED' ? 'Reopen' : 'Resolve'}
          </button>
        ) : null}
      </p>

      <ApiErrorAlert failure={alert} />

      {editingMeta && thread.abilities.update ? (
        <MetaEditor
          thread={thread}
          busy={busy}
          suggestions={config?.tagSuggestions ?? []}
          onCancel={() => setEditingMeta(false)}
          onSave={(tags, visibility) =>
            void act(() =>
              api(`/api/v1/annotations/${annotationId}`, {
                method: 'PATCH',
                body: { tags, visibility },
              }),
            ).then((ok) => ok && setEditingMeta(false))
          }
        />
      ) : thread.tags.length > 0 || thread.abilities.update ? (
        <p className="thread-tags small">
          {thread.tags.map((t) => (
            <span key={t} className="tag">
              #{t}
            </span>
          ))}
          {thread.abilities.update ? (
            <button
              type="button"
              className="quiet small-button"
              onClick={() => setEditingMeta(true)}
            >
              Edit tags and visibility
            </button>
          ) : null}
        </p>
      ) : null}

      {thread.comments.length === 0 ? (
        <p className="muted small">A highlight without comments.</p>
      ) : (
        renderLevel(null, 0)
      )}

      {thread.abilities.reply ? (
        replyTo === 'root' ? (
          <div className="reply-box">
            <CommentEditor
              members={members}
              onSubmit={(doc) => reply(null, doc)}
              onCancel={() => setReplyTo(null)}
              submitLabel={thread.comments.length === 0 ? 'Comment' : 'Reply'}
              draftKey={`reply:${annotationId}:root`}
              label={
                thread.comments.length === 0 ? 'Comment on this highlight' : 'Reply to the thread'
              }
              disabled={busy}
            />
          </div>
        ) : (
          <button
            type="button"
            className="quiet small-button"
            onClick={() => {
              edit.cancel();
              setReplyTo('root');
            }}
          >
            {thread.comments.length === 0 ? 'Add a comment' : 'Reply to the thread'}
          </button>
        )
      ) : null}

      {thread.abilities.delete || isAuthor ? (
        <div className="thread-danger">
          {confirm === 'thread' ? (
            <ConfirmRow
              question={
                thread.comments.length === 0
                  ? 'Delete this highlight?'
                  : 'Delete this thread and all its comments?'
              }
              confirmLabel="Delete"
              busy={busy}
              onConfirm={() =>
                void act(() =>
                  api(`/api/v1/annotations/${annotationId}`, { method: 'DELETE' }),
                ).then((ok) => {
                  if (ok) onClose();
                })
              }
              onCancel={() => setConfirm(null)}
            />
          ) : (
            <button
              type="button"
              className="quiet small-button danger"
              onClick={() => setConfirm('thread')}
            >
              {thread.comments.length === 0 ? 'Delete highlight' : 'Delete thread'}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
