'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import {
  useEffect,
  useId,
  useMemo,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { commentExtensions } from '@/lib/richtext/extensions';
import { cleanPastedHtml } from '@/lib/richtext/paste';
import { MAX_COMMENT_BYTES, type CommentDoc } from '@/lib/richtext/types';
import styles from './comment-editor.module.css';
import { loadDraft, saveDraft } from './draft';
import { MentionList, mentionOptionId } from './mention-list';
import { MentionController, type MentionMember } from './mention-suggestion';
import { Toolbar } from './toolbar';

export type { MentionMember } from './mention-suggestion';

export interface CommentEditorProps {
  /** Workspace members offered by the @-mention list. */
  members: MentionMember[];
  initialContent?: CommentDoc | null;
  /** Resolve true when the server accepted the comment; false keeps the text (and the draft). */
  onSubmit: (doc: CommentDoc) => Promise<boolean>;
  /** Called by the Cancel button and by Escape. */
  onCancel?: () => void;
  submitLabel?: string;
  disabled?: boolean;
  /** localStorage key for the draft, e.g. `reply:${threadId}`. No key, no draft. */
  draftKey?: string;
  /** Accessible name of the editing area. */
  label?: string;
}

const DRAFT_SAVE_DELAY_MS = 300;

export function CommentEditor({
  members,
  initialContent,
  onSubmit,
  onCancel,
  submitLabel = 'Comment',
  disabled = false,
  draftKey,
  label = 'Comment',
}: CommentEditorProps) {
  const [controller] = useState(() => new MentionController());
  // Built once: a new extension list would make useEditor reconfigure the editor every render.
  const [extensions] = useState(() =>
    commentExtensions({ mentionSuggestion: controller.suggestion() }),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const hintId = useId();

  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-describedby': hintId,
        'aria-autocomplete': 'list',
        class: styles.prose ?? '',
      },
      // Word/Office noise goes before parsing; the schema's parser then drops everything else
      // that is not in the comment vocabulary (headings, tables, images, colours, …).
      transformPastedHTML: cleanPastedHtml,
    }),
    [label, hintId],
  );

  const editor = useEditor({
    immediatelyRender: false,
    extensions,
    content: initialContent ?? '',
    editable: !disabled,
    editorProps,
  });

  useEffect(() => {
    controller.setMembers(members);
  }, [controller, members]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(!disabled && !pending, false);
  }, [editor, disabled, pending]);

  // Restore a saved draft once the editor exists (it is created after mount).
  useEffect(() => {
    if (!editor || !draftKey) return;
    const draft = loadDraft(draftKey);
    if (!draft) return;
    try {
      editor.commands.setContent(draft, { emitUpdate: false });
    } catch {
      saveDraft(draftKey, null);
    }
  }, [editor, draftKey]);

  // Save the draft shortly after each change; flush a pending save on unmount.
  useEffect(() => {
    if (!editor || !draftKey) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (editor.isDestroyed) return;
      saveDraft(draftKey, editor.isEmpty ? null : (editor.getJSON() as CommentDoc));
    };
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer !== undefined) flush();
    };
  }, [editor, draftKey]);

  // The editor keeps focus while the mention list is open, so it carries the listbox's ARIA.
  const popup = useSyncExternalStore(controller.subscribe, controller.getSnapshot, () => null);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    if (popup && popup.items.length > 0) {
      dom.setAttribute('aria-controls', listId);
      dom.setAttribute('aria-activedescendant', mentionOptionId(listId, popup.active));
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }, [editor, popup, listId]);

  async function submit() {
    if (!editor || editor.isDestroyed || pending || disabled) return;
    if (editor.getText().trim() === '') {
      setError('Write something first.');
      return;
    }
    const doc = editor.getJSON() as CommentDoc;
    if (new TextEncoder().encode(JSON.stringify(doc)).length > MAX_COMMENT_BYTES) {
      setError('This comment is too long. Shorten it or split it into several comments.');
      return;
    }
    setPending(true);
    setError(null);
    let ok = false;
    try {
      ok = await onSubmit(doc);
    } catch {
      ok = false;
    }
    setPending(false);
    if (!ok) {
      setError('Not sent. Your text is kept here and saved as a draft.');
      return;
    }
    if (draftKey) saveDraft(draftKey, null);
    // Emits an update, which replaces any pending draft save with "no draft".
    if (!editor.isDestroyed) editor.commands.clearContent(true);
  }

  // Capture phase: runs before ProseMirror's own keymaps (Mod-Enter would otherwise exit a code
  // block). Escape is left to the mention list while it is open.
  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>) {
    if (!editor || !editor.view.dom.contains(event.target as Node)) return;
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.stopPropagation();
      void submit();
    } else if (event.key === 'Escape' && onCancel && !controller.isOpen()) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className={styles.root} onKeyDownCapture={onKeyDownCapture} aria-busy={pending}>
      {editor ? (
        <Toolbar editor={editor} disabled={disabled || pending} />
      ) : (
        <div className={styles.toolbarPlaceholder} aria-hidden="true" />
      )}
      <EditorContent editor={editor} className={styles.content} />
      <MentionList controller={controller} listId={listId} />
      <div className={styles.footer}>
        <span id={hintId} className={styles.hint}>
          Type @ to mention someone. Ctrl/⌘+Enter to send{onCancel ? ', Esc to cancel' : ''}.
        </span>
        {error ? (
          <span role="alert" className={styles.error}>
            {error}
          </span>
        ) : null}
        <span className={styles.actions}>
          {onCancel ? (
            <button
              type="button"
              className={styles.secondary}
              onClick={onCancel}
              disabled={pending}
            >
              Cancel
            </button>
          ) : null}
          <button
            type="button"
            className={styles.primary}
            onClick={() => void submit()}
            disabled={!editor || disabled || pending}
          >
            {pending ? 'Sending…' : submitLabel}
          </button>
        </span>
      </div>
    </div>
  );
}
