'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/components/api-client';
import { ApiErrorAlert, type ApiFailure } from '@/components/api-error';
import { CommentEditor } from '@/components/comment-editor/comment-editor';
import type { CommentDoc } from '@/lib/richtext/types';
import { focusEditorIn, useMembers } from './hooks';
import styles from './composer.module.css';
import { TagInput } from './tag-input';

export type ComposerTarget =
  | {
      kind: 'span';
      blockKey: string;
      endBlockKey: string;
      start: number;
      end: number;
      quote: string;
    }
  | { kind: 'paragraph'; blockKey: string; number: number };

/**
 * A new thread: a non-modal dialog with the comment editor, visibility and tags. Focus moves
 * into the editor on open; Escape or Cancel closes it and the caller returns focus.
 */
export function Composer({
  documentId,
  workspaceSlug,
  target,
  tagSuggestions,
  onClose,
  onCreated,
}: {
  documentId: string;
  workspaceSlug: string;
  target: ComposerTarget;
  tagSuggestions: string[];
  onClose: () => void;
  onCreated: (annotationId: string) => void;
}) {
  const members = useMembers(workspaceSlug);
  const [visibility, setVisibility] = useState<'WORKSPACE' | 'PRIVATE'>('WORKSPACE');
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<ApiFailure | null>(null);
  // One key per composer: a retried submit after a timeout does not create a second thread.
  const [clientKey] = useState(() => crypto.randomUUID());
  const rootRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visibilityId = useId();

  useEffect(() => focusEditorIn(rootRef.current), []);

  const draftKey =
    target.kind === 'span'
      ? `new:${documentId}:${target.blockKey}:${target.start}:${target.endBlockKey}:${target.end}`
      : `new:${documentId}:${target.blockKey}`;

  async function submit(doc: CommentDoc): Promise<boolean> {
    setError(null);
    const body =
      target.kind === 'span'
        ? {
            blockKey: target.blockKey,
            ...(target.endBlockKey !== target.blockKey ? { endBlockKey: target.endBlockKey } : {}),
            start: target.start,
            end: target.end,
          }
        : { blockKey: target.blockKey };
    const res = await api<{ id: string }>(`/api/v1/documents/${documentId}/annotations`, {
      method: 'POST',
      body: { ...body, visibility, tags, body: doc, clientKey },
    });
    if (!res.ok) {
      const fieldMessages = res.fields ? Object.values(res.fields).flat() : [];
      setError({ status: res.status, message: [res.message, ...fieldMessages].join(' ') });
      return false;
    }
    onCreated(res.data.id);
    return true;
  }

  return (
    <div
      ref={rootRef}
      className={styles.composer}
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={titleId} className={styles.composerTitle}>
        {target.kind === 'span'
          ? 'Comment on the selected words'
          : `Comment on paragraph ${target.number}`}
      </h2>
      {target.kind === 'span' ? (
        <blockquote className={styles.composerQuote}>{truncate(target.quote, 160)}</blockquote>
      ) : null}
      <ApiErrorAlert failure={error} />
      <div className={styles.composerOptions}>
        <label htmlFor={visibilityId}>
          Who can see it
          <select
            id={visibilityId}
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as 'WORKSPACE' | 'PRIVATE')}
          >
            <option value="WORKSPACE">Workspace</option>
            <option value="PRIVATE">Private (only me)</option>
          </select>
        </label>
        <TagInput value={tags} onChange={setTags} suggestions={tagSuggestions} />
      </div>
      <CommentEditor
        members={members}
        onSubmit={submit}
        onCancel={onClose}
        submitLabel="Start thread"
        draftKey={draftKey}
        label="Your comment"
      />
    </div>
  );
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
