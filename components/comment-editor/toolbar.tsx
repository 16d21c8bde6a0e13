'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { isSafeHref } from '@/lib/richtext/href';
import styles from './comment-editor.module.css';

type ActiveKey =
  | 'bold'
  | 'italic'
  | 'strike'
  | 'code'
  | 'link'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'codeBlock';

interface ToolButton {
  key: ActiveKey;
  label: string;
  glyph: string;
  shortcut?: string;
  run?: (editor: Editor) => void;
}

const BUTTONS: ToolButton[] = [
  {
    key: 'bold',
    label: 'Bold',
    glyph: 'B',
    shortcut: 'Mod+B',
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    label: 'Italic',
    glyph: 'I',
    shortcut: 'Mod+I',
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    key: 'strike',
    label: 'Strike',
    glyph: 'S',
    shortcut: 'Mod+Shift+S',
    run: (e) => e.chain().focus().toggleStrike().run(),
  },
  {
    key: 'code',
    label: 'Code',
    glyph: '</>',
    shortcut: 'Mod+E',
    run: (e) => e.chain().focus().toggleCode().run(),
  },
  { key: 'link', label: 'Link', glyph: '🔗' },
  {
    key: 'bulletList',
    label: 'Bullet list',
    glyph: '•',
    shortcut: 'Mod+Shift+8',
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    label: 'Numbered list',
    glyph: '1.',
    shortcut: 'Mod+Shift+7',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    key: 'blockquote',
    label: 'Quote',
    glyph: '❝',
    shortcut: 'Mod+Shift+B',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  {
    key: 'codeBlock',
    label: 'Code block',
    glyph: '{ }',
    shortcut: 'Mod+Alt+C',
    run: (e) => e.chain().focus().toggleCodeBlock().run(),
  },
];

/** "example.org" → "https://example.org", "a@b.org" → "mailto:a@b.org"; null if not allowed. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function normalizeLinkInput(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  const candidate = hasScheme
    ? value
    : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)
      ? `mailto:${value}`
      : `https://${value.replace(/^\/+/, '')}`;
  return isSafeHref(candidate) ? candidate : null;
}

export function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(BUTTONS.map((b) => [b.key, e.isActive(b.key)])) as Record<
        ActiveKey,
        boolean
      >,
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const buttonsRef = useRef<Array<HTMLButtonElement | null>>([]);
  const inputId = useId();

  function openLink() {
    setLinkValue(
      typeof editor.getAttributes('link').href === 'string'
        ? editor.getAttributes('link').href
        : '',
    );
    setLinkError(null);
    setLinkOpen(true);
  }

  function closeLink() {
    setLinkOpen(false);
    editor.commands.focus();
  }

  function applyLink() {
    if (!linkValue.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      setLinkOpen(false);
      return;
    }
    const href = normalizeLinkInput(linkValue);
    if (!href) {
      setLinkError('Only http, https and mailto links are allowed.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      chain.setLink({ href }).run();
    }
    setLinkOpen(false);
  }

  // WAI-ARIA toolbar: one tab stop, arrow keys move between buttons.
  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = BUTTONS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? focusIndex === last
          ? 0
          : focusIndex + 1
        : event.key === 'ArrowLeft'
          ? focusIndex === 0
            ? last
            : focusIndex - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttonsRef.current[next]?.focus();
  }

  return (
    <div className={styles.toolbarWrap}>
      <div
        role="toolbar"
        aria-label="Formatting"
        className={styles.toolbar}
        onKeyDown={onToolbarKeyDown}
      >
        {BUTTONS.map((b, i) => (
          <button
            key={b.key}
            ref={(el) => {
              buttonsRef.current[i] = el;
            }}
            type="button"
            className={styles.tool}
            aria-pressed={b.key === 'link' ? linkOpen || active.link : active[b.key]}
            aria-keyshortcuts={b.shortcut?.replace('Mod', 'Control')}
            title={b.shortcut ? `${b.label} (${b.shortcut.replace('Mod', 'Ctrl/⌘')})` : b.label}
            tabIndex={i === focusIndex ? 0 : -1}
            disabled={disabled}
            onFocus={() => setFocusIndex(i)}
            // Keep the editor selection while clicking a tool.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (b.run ? b.run(editor) : linkOpen ? closeLink() : openLink())}
          >
            <span aria-hidden="true">{b.glyph}</span>
            {/* The name comes from text (not aria-label), so glyphs like "1." do not contradict it. */}
            <span style={VISUALLY_HIDDEN}>{b.label}</span>
          </button>
        ))}
      </div>
      {linkOpen ? (
        <div className={styles.linkRow}>
          <label htmlFor={inputId} className={styles.linkLabel}>
            Link URL
          </label>
          <input
            id={inputId}
            type="text"
            inputMode="url"
            autoFocus
            className={styles.linkInput}
            value={linkValue}
            placeholder="https://…"
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? `${inputId}-error` : undefined}
            onChange={(event) => {
              setLinkValue(event.target.value);
              setLinkError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                closeLink();
              }
            }}
          />
          <button type="button" className={styles.smallButton} onClick={applyLink}>
            Apply
          </button>
          {active.link ? (
            <button
              type="button"
              className={styles.smallButton}
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                setLinkOpen(false);
              }}
            >
              Remove link
            </button>
          ) : null}
          <button type="button" className={styles.smallButton} onClick={closeLink}>
            Cancel
          </button>
          {linkError ? (
            <span id={`${inputId}-error`} role="alert" className={styles.error}>
              {linkError}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
