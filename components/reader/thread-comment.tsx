'use client';

/** One comment of a thread (with its replies, history, reactions) and small shared controls. */
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/components/api-client';
import { CommentEditor } from '@/components/comment-editor/comment-editor';
import type { CommentDoc } from '@/lib/richtext/types';
import { formatDate } from './hooks';
import { ReactionMenu } from './reaction-menu';
import { TagInput } from './tag-input';
import {
  REACTIONS,
  reactionName,
  type History,
  type Thread,
  type ThreadComment,
  type Visibility,
} from './thread-types';

export function explain(status: number, message: string): string {
  if (status === 403) return `You can’t do that here: ${message}`;
  return message;
}

export function ConfirmRow({
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

export function MetaEditor({
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

export function CommentView({
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
  const historyId = useId();
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
            <ReactionMenu
              available={REACTIONS.filter((r) => !used.has(r.emoji))}
              busy={busy}
              onReact={onReact}
            />
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
