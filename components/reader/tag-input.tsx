'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import styles from './tag-input.module.css';

const MAX_TAGS = 10;

function normalise(raw: string): string {
  return raw.trim().replace(/^#/, '').toLowerCase();
}

/** Tags as removable chips plus a text field; Enter, comma or leaving the field adds a tag. */
export function TagInput({
  value,
  onChange,
  suggestions,
  label = 'Tags',
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  label?: string;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const inputId = useId();
  const hintId = useId();

  function add(raw: string) {
    const parts = raw
      .split(/[,\s]+/)
      .map(normalise)
      .filter(Boolean);
    if (parts.length === 0) return;
    const next = [...value];
    for (const p of parts) if (!next.includes(p) && next.length < MAX_TAGS) next.push(p);
    onChange(next);
    setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      if (text.trim()) {
        e.preventDefault();
        add(text);
      } else if (e.key === 'Enter') {
        e.preventDefault();
      }
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className={styles.tagInput}>
      <label htmlFor={inputId}>{label}</label>
      <div className={styles.tagInputBox}>
        {value.length > 0 ? (
          <ul className={styles.tagChips} aria-label="Chosen tags">
            {value.map((t) => (
              <li key={t}>
                <span className="tag">#{t}</span>
                <button
                  type="button"
                  className={styles.chipRemove}
                  aria-label={`Remove tag ${t}`}
                  onClick={() => onChange(value.filter((x) => x !== t))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={inputId}
          type="text"
          list={listId}
          value={text}
          autoComplete="off"
          aria-describedby={hintId}
          disabled={value.length >= MAX_TAGS}
          onChange={(e) => {
            const v = e.target.value;
            if (v.endsWith(',')) add(v.slice(0, -1));
            else setText(v);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
        />
      </div>
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      <span id={hintId} className="muted small">
        Letters, digits, - and _. Enter or comma adds a tag.
      </span>
    </div>
  );
}
