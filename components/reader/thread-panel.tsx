'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api, type ApiResult } from '@/components/api-client';
import { CommentEditor } from '@/components/comment-editor/comment-editor';
import { plainTextToDoc } from '@/lib/richtext/plain-text';
import type { CommentDoc } from '@/lib/richtext/types';
import { formatDate, scrollBehavior, useMembers } from './hooks';
import { markOwnAction, readerStore, useReaderStore } from './reader-store';
import { TagInput } from './tag-input';

type Visibility = 'PRIVATE' | 'WORKSPACE';

export type ThreadComment = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  version: number;
  state: 'visible' | 'deleted' | 'hidden' | 'hidden-visible-to-you';
  html: string;
  reactions: { emoji: string; count: number; mine: boolean; who: string[] }[];
  abilities: { edit: boolean; delete: boolean; hide: boolean };
};

export type Thread = {
  id: string;
  quote: string;
  tags: string[];
  visibility: Visibility;
  status: 'OPEN' | 'RESOLVED';
  resolvedAt: string | null;
  resolvedBy: string | null;
  author: { id: string; name: string };
  createdAt: string;
  comments: ThreadComment[];
  abilities: { reply: boolean; resolve: boolean; update: boolean; delete: boolean };
};

type History = {
  current: { version: number; bodyText: string };
  earlier: { version: number; bodyText: string; createdAt: string }[];
};

const REACTIONS: { emoji: string; name: string }[] = [
  { emoji: '👍', name: 'thumbs up' },
  { emoji: '❤️', name: 'heart' },
  { emoji: '🎯', name: 'on target' },
  { emoji: '🤔', name: 'thinking' },
  { emoji: '❗', name: 'important' },
  { emoji: '✅', name: 'done' },
];
const reactionName = (emoji: string) => REACTIONS.find((r) => r.emoji === emoji)?.name ?? emoji;

/** Replies deeper than this are listed flat under their level-3 ancestor, "in reply to …". */
const MAX_DEPTH = 3;

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
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replyTo, setReplyTo] = useState<string | null>(null); // comment id, or 'root'
  const [replyKey, setReplyKey] = useState(() => crypto.randomUUID());
  const [editing, setEditing] = useState<{ id: string; version: number; doc: CommentDoc } | null>(
    null,
  );
  const [conflict, setConflict] = useState<string | null>(null);
  const [latestShown, setLatestShown] = useState(false);
  // The version an edit is based on; a ref so a save always sends the latest one.
  const editVersion = useRef(0);
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
      setAlert(explain(res.status, res.message));
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

  async function startEdit(c: ThreadComment) {
    setAlert(null);
    setConflict(null);
    const res = await api<History>(`/api/v1/comments/${c.id}/history`);
    if (!res.ok) {
      setAlert(explain(res.status, res.message));
      return;
    }
    setReplyTo(null);
    setLatestShown(false);
    editVersion.current = res.data.current.version;
    setEditing({
      id: c.id,
      version: res.data.current.version,
      doc: plainTextToDoc(res.data.current.bodyText),
    });
  }

  async function saveEdit(doc: CommentDoc): Promise<boolean> {
    if (!editing) return false;
    setConflict(null);
    setAlert(null);
    markOwnAction(annotationId);
    setBusy(true);
    const res = await api(`/api/v1/comments/${editing.id}`, {
      method: 'PATCH',
      body: { body: doc, version: editVersion.current },
    });
    setBusy(false);
    if (!res.ok) {
      if (res.status === 409) setConflict(res.message);
      else setAlert(explain(res.status, res.message));
      return false;
    }
    setEditing(null);
    await load();
    router.refresh();
    return true;
  }

  /** After a conflict: show the newer text, keep the draft, and let the next save win. */
  async function loadLatestForEdit() {
    const res = await api<Thread>(`/api/v1/annotations/${annotationId}`);
    if (!res.ok) {
      setAlert(explain(res.status, res.message));
      return;
    }
    setThread(res.data);
    const latest = res.data.comments.find((c) => c.id === editing?.id);
    if (latest) editVersion.current = latest.version;
    setConflict(null);
    setLatestShown(true);
  }

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
      editing={editing?.id === c.id ? editing : null}
      conflict={editing?.id === c.id ? conflict : null}
      showLatest={editing?.id === c.id && latestShown}
      confirming={confirm === `comment:${c.id}`}
      onReply={() => {
        setEditing(null);
        setReplyTo(replyTo === c.id ? null : c.id);
      }}
      onSubmitReply={(doc) => reply(c.id, doc)}
      onCancelReply={() => setReplyTo(null)}
      onEdit={() => void startEdit(c)}
      onSubmitEdit={saveEdit}
      onCancelEdit={() => {
        setEditing(null);
        setConflict(null);
      }}
      onLoadLatest={() => void loadLatestForEdit()}
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

      {alert ? (
        <p role="alert" className="error small">
          {alert}
        </p>
      ) : null}

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
              setEditing(null);
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

function explain(status: number, message: string): string {
  if (status === 403) return `You can’t do that here: ${message}`;
  return message;
}

function ConfirmRow({
  question,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm-row" role="group" aria-label={question}>
      <span className="small">{question}</span>
      <button
        type="button"
        className="small-button danger-solid"
        onClick={onConfirm}
        disabled={busy}
      >
        {confirmLabel}
      </button>
      <button ref={ref} type="button" className="quiet small-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function MetaEditor({
  thread,
  busy,
  suggestions,
  onSave,
  onCancel,
}: {
  thread: Thread;
  busy: boolean;
  suggestions: string[];
  onSave: (tags: string[], visibility: Visibility) => void;
  onCancel: () => void;
}) {
  const [tags, setTags] = useState(thread.tags);
  const [visibility, setVisibility] = useState<Visibility>(thread.visibility);
  const id = useId();
  return (
    <form
      className="meta-editor"
      aria-label="Tags and visibility"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(tags, visibility);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>
        Who can see it
        <select
          id={id}
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as Visibility)}
        >
          <option value="WORKSPACE">Workspace</option>
          <option value="PRIVATE">Private (only me)</option>
        </select>
      </label>
      <TagInput value={tags} onChange={setTags} suggestions={suggestions} />
      <div className="row">
        <button type="submit" className="small-button" disabled={busy}>
          Save
        </button>
        <button type="button" className="quiet small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CommentView({
  c,
  depth,
  inReplyTo,
  annotationId,
  canReply,
  busy,
  members,
  replying,
  editing,
  conflict,
  showLatest,
  confirming,
  onReply,
  onSubmitReply,
  onCancelReply,
  onEdit,
  onSubmitEdit,
  onCancelEdit,
  onLoadLatest,
  onAskDelete,
  onCancelDelete,
  onDelete,
  onHide,
  onReact,
}: {
  c: ThreadComment;
  depth: number;
  inReplyTo?: string;
  annotationId: string;
  canReply: boolean;
  busy: boolean;
  members: { id: string; name: string }[];
  replying: boolean;
  editing: { id: string; version: number; doc: CommentDoc } | null;
  conflict: string | null;
  showLatest: boolean;
  confirming: boolean;
  onReply: () => void;
  onSubmitReply: (doc: CommentDoc) => Promise<boolean>;
  onCancelReply: () => void;
  onEdit: () => void;
  onSubmitEdit: (doc: CommentDoc) => Promise<boolean>;
  onCancelEdit: () => void;
  onLoadLatest: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDelete: () => void;
  onHide: (hidden: boolean) => void;
  onReact: (emoji: string) => void;
}) {
  const [history, setHistory] = useState<History | 'loading' | string | null>(null);
  const [picking, setPicking] = useState(false);
  const historyId = useId();
  const pickerId = useId();
  const shown = c.state === 'visible' || c.state === 'hidden-visible-to-you';
  const replyButton = useRef<HTMLButtonElement>(null);

  async function toggleHistory() {
    if (history) {
      setHistory(null);
      return;
    }
    setHistory('loading');
    const res = await api<History>(`/api/v1/comments/${c.id}/history`);
    setHistory(res.ok ? res.data : res.message);
  }

  const used = new Set(c.reactions.map((r) => r.emoji));
  return (
    <article className={`comment depth-${depth}`} aria-label={`Comment by ${c.authorName}`}>
      <p className="comment-meta small">
        <strong>{c.authorName}</strong>
        <time dateTime={c.createdAt}>{formatDate(c.createdAt)}</time>
        {inReplyTo ? <span className="muted">in reply to {inReplyTo}</span> : null}
        {c.editedAt ? (
          <button
            type="button"
            className="link-button"
            aria-expanded={!!history}
            aria-controls={historyId}
            onClick={() => void toggleHistory()}
            title={`Edited ${formatDate(c.editedAt)}`}
          >
            edited · History
          </button>
        ) : null}
        {c.state === 'hidden-visible-to-you' ? (
          <span className="badge">hidden from others</span>
        ) : null}
      </p>
      {history ? (
        <div id={historyId} className="comment-history small">
          {history === 'loading' ? (
            <p className="muted">Loading earlier versions…</p>
          ) : typeof history === 'string' ? (
            <p role="alert" className="error">
              {history}
            </p>
          ) : history.earlier.length === 0 ? (
            <p className="muted">No earlier versions.</p>
          ) : (
            <ol aria-label="Earlier versions">
              {history.earlier.map((v) => (
                <li key={v.version}>
                  <span className="muted">
                    Version {v.version}, {formatDate(v.createdAt)}
                  </span>
                  <p className="history-text">{v.bodyText}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}

      {editing ? (
        <div className="edit-box">
          {conflict ? (
            <div role="alert" className="conflict small">
              <p>
                {conflict} Your text is kept below. Load the latest version to compare, then save
                again to replace it.
              </p>
              <button type="button" className="quiet small-button" onClick={onLoadLatest}>
                Load the latest version
              </button>
            </div>
          ) : null}
          {showLatest ? (
            <div className="latest-version">
              <p className="muted small">The latest saved version (saving replaces it):</p>
              <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
            </div>
          ) : null}
          <p className="muted small">
            Editing starts from the comment’s plain text; formatting and mentions need to be set
            again.
          </p>
          <CommentEditor
            members={members}
            initialContent={editing.doc}
            onSubmit={onSubmitEdit}
            onCancel={onCancelEdit}
            submitLabel="Save"
            draftKey={`edit:${annotationId}:${c.id}`}
            label={`Edit your comment`}
          />
        </div>
      ) : c.state === 'deleted' ? (
        <p className="muted small comment-gone">This comment was deleted.</p>
      ) : c.state === 'hidden' ? (
        <p className="muted small comment-gone">This comment was hidden by a moderator.</p>
      ) : (
        <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}

      {shown && !editing ? (
        <div className="comment-actions">
          {c.reactions.map((r) => (
            <button
              key={r.emoji}
              type="button"
              className="reaction"
              aria-pressed={r.mine}
              title={r.who.join(', ')}
              aria-label={`${reactionName(r.emoji)}: ${r.count} (${r.who.join(', ')})`}
              disabled={busy || !canReply}
              onClick={() => onReact(r.emoji)}
            >
              <span aria-hidden="true">{r.emoji}</span> {r.count}
            </button>
          ))}
          {canReply ? (
            <button
              type="button"
              className="reaction add-reaction"
              aria-expanded={picking}
              aria-controls={pickerId}
              onClick={() => setPicking(!picking)}
            >
              <span aria-hidden="true">☺+</span>
              <span className="visually-hidden">Add a reaction</span>
            </button>
          ) : null}
          {picking ? (
            <span id={pickerId} className="reaction-picker" role="group" aria-label="Reactions">
              {REACTIONS.filter((r) => !used.has(r.emoji)).map((r) => (
                <button
                  key={r.emoji}
                  type="button"
                  className="reaction"
                  aria-pressed={false}
                  aria-label={`React with ${r.name}`}
                  title={r.name}
                  disabled={busy}
                  onClick={() => {
                    setPicking(false);
                    onReact(r.emoji);
                  }}
                >
                  {r.emoji}
                </button>
              ))}
            </span>
          ) : null}
          {canReply ? (
            <button
              ref={replyButton}
              type="button"
              className="link-button"
              aria-expanded={replying}
              onClick={onReply}
            >
              Reply
            </button>
          ) : null}
          {c.abilities.edit ? (
            <button type="button" className="link-button" onClick={onEdit}>
              Edit
            </button>
          ) : null}
          {c.abilities.hide ? (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => onHide(c.state !== 'hidden-visible-to-you')}
            >
              {c.state === 'hidden-visible-to-you' ? 'Unhide' : 'Hide'}
            </button>
          ) : null}
          {c.abilities.delete ? (
            <button type="button" className="link-button danger" onClick={onAskDelete}>
              Delete
            </button>
          ) : null}
        </div>
      ) : c.state === 'hidden' && c.abilities.hide ? (
        <div className="comment-actions">
          <button type="button" className="link-button" onClick={() => onHide(false)}>
            Unhide
          </button>
        </div>
      ) : null}

      {confirming ? (
        <ConfirmRow
          question="Delete this comment?"
          confirmLabel="Delete"
          busy={busy}
          onConfirm={onDelete}
          onCancel={onCancelDelete}
        />
      ) : null}

      {replying ? (
        <div className="reply-box">
          <CommentEditor
            members={members}
            onSubmit={onSubmitReply}
            onCancel={() => {
              onCancelReply();
              replyButton.current?.focus();
            }}
            submitLabel="Reply"
            draftKey={`reply:${annotationId}:${c.id}`}
            label={`Reply to ${c.authorName}`}
            disabled={busy}
          />
        </div>
      ) : null}
    </article>
  );
}

/** Shows the open thread under its summary; the toggle button appears once scripts run. */
export function ThreadSlot({
  annotationId,
  blockKey,
  commentCount,
}: {
  annotationId: string;
  blockKey: string | null;
  commentCount: number;
}) {
  const { open, config } = useReaderStore();
  const isOpen = open?.id === annotationId;
  const panelId = `thread-full-${annotationId}`;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const ref = useRef<HTMLDivElement>(null);

  const focusRequest = isOpen && open.focus ? open.nonce : 0;
  useEffect(() => {
    if (!focusRequest) return;
    ref.current
      ?.closest('.thread-summary')
      ?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [focusRequest]);

  if (!config) return null; // before hydration, and without scripts: the summary alone
  const label = isOpen
    ? 'Close thread'
    : commentCount === 0
      ? 'Open highlight'
      : `Open thread (${commentCount} ${commentCount === 1 ? 'comment' : 'comments'})`;
  return (
    <div ref={ref} className="thread-slot">
      <button
        ref={toggleRef}
        type="button"
        className="link-button thread-toggle"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => {
          if (isOpen) readerStore.closeThread();
          else readerStore.openThread(annotationId);
        }}
      >
        {label}
      </button>
      {isOpen ? (
        <div id={panelId}>
          <ThreadPanel
            annotationId={annotationId}
            blockKey={blockKey}
            focusRequest={focusRequest}
            onClose={() => {
              readerStore.closeThread();
              if (location.hash === `#thread-${annotationId}`)
                history.replaceState(null, '', location.pathname + location.search);
              toggleRef.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
