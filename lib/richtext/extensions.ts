// The one list of Tiptap extensions for comments. The browser editor, the server validator and
// the server renderer all build from this list, so the schema the user types into is exactly the
// schema the server accepts and renders. Nothing here may touch React or the DOM at import time.
import { mergeAttributes, type Extensions } from '@tiptap/core';
import { Mention, type MentionOptions } from '@tiptap/extension-mention';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeHref } from './href';

export type MentionSuggestionOptions = MentionOptions['suggestion'];

export interface CommentExtensionOptions {
  /** Browser only: the @-suggestion popup. The server never needs it. */
  mentionSuggestion?: Partial<MentionSuggestionOptions>;
}

/** Mention limited to `{ id, label }`; the upstream `mentionSuggestionChar` attr is not stored. */
export const CommentMention = Mention.extend({
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element: HTMLElement) =>
          element.getAttribute('data-mention-id') ?? element.getAttribute('data-id'),
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.id === 'string' && attributes.id
            ? { 'data-mention-id': attributes.id }
            : {},
      },
      label: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-label'),
        // The label is the visible text; repeating it in an attribute adds nothing.
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-mention-id]' }, { tag: `span[data-type="${this.name}"]` }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(
        { 'data-type': this.name, class: 'mention' },
        this.options.HTMLAttributes,
        HTMLAttributes,
      ),
      mentionText(node.attrs),
    ];
  },

  renderText({ node }) {
    return mentionText(node.attrs);
  },

  addKeyboardShortcuts() {
    // Upstream's Backspace handler re-inserts `attrs.mentionSuggestionChar`, which we dropped:
    // turn a mention just before the caret back into "@" so the suggestion list reopens.
    return {
      Backspace: () =>
        this.editor.commands.command(({ tr, state }) => {
          const { empty, anchor } = state.selection;
          if (!empty) return false;
          let found: { pos: number; size: number } | null = null;
          state.doc.nodesBetween(anchor - 1, anchor, (node, pos) => {
            if (node.type.name === this.name) {
              found = { pos, size: node.nodeSize };
              return false;
            }
            return true;
          });
          if (!found) return false;
          const { pos, size } = found as { pos: number; size: number };
          tr.insertText('@', pos, pos + size);
          return true;
        }),
    };
  },
});

export function mentionText(attrs: Record<string, unknown>): string {
  const label = typeof attrs.label === 'string' && attrs.label ? attrs.label : attrs.id;
  return `@${typeof label === 'string' ? label : ''}`;
}

export const LINK_REL = 'noopener noreferrer nofollow';
export const LINK_TARGET = '_blank';

export function commentExtensions(opts: CommentExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      // Not part of the comment vocabulary. Disabling them removes them from the schema, so the
      // server rejects them and the editor's parser drops them from pasted HTML.
      heading: false,
      horizontalRule: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: [],
        defaultProtocol: 'https',
        // Used by the editor for parsing pasted <a>, setLink and autolink. Autolink passes the bare
        // text ("www.x.org"), which is refused: only links the server will accept get in.
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { target: LINK_TARGET, rel: LINK_REL, class: null },
      },
    }),
    CommentMention.configure({
      HTMLAttributes: {},
      ...(opts.mentionSuggestion ? { suggestion: opts.mentionSuggestion } : {}),
    }),
  ];
}
