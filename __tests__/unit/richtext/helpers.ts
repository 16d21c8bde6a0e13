import type { CommentMark, CommentNode } from '@/lib/richtext';

export const t = (text: string, ...marks: CommentMark[]): CommentNode =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text };
export const p = (...content: CommentNode[]): CommentNode =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
export const li = (...content: CommentNode[]): CommentNode => ({ type: 'listItem', content });
export const ul = (...items: CommentNode[]): CommentNode => ({
  type: 'bulletList',
  content: items,
});
export const ol = (...items: CommentNode[]): CommentNode => ({
  type: 'orderedList',
  content: items,
});
export const quote = (...content: CommentNode[]): CommentNode => ({ type: 'blockquote', content });
export const code = (text: string, language?: string): CommentNode => ({
  type: 'codeBlock',
  ...(language ? { attrs: { language } } : {}),
  content: [t(text)],
});
export const mention = (id: string, label: string): CommentNode => ({
  type: 'mention',
  attrs: { id, label },
});
export const link = (href: string, extra: Record<string, string | null> = {}): CommentMark => ({
  type: 'link',
  attrs: { href, ...extra },
});
export const doc = (...content: CommentNode[]) => ({ type: 'doc' as const, content });
