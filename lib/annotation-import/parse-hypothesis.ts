/**
 * Hypothesis JSON export (the client's "Export annotations": `{ export_date, export_userid,
 * client_version, annotations: [...] }`, or a bare array of API rows) → ImportedThread[]. Pure.
 * Replies carry `references` (ancestor ids, root first) and usually no selector. Hypothesis text
 * is Markdown. Visibility: readable by `group:…` → WORKSPACE; only by accounts → PRIVATE.
 */
import { z } from 'zod';
import { parseInput } from '../http/validate';
import { readSelectors, selectorSchema } from './selectors';
import {
  MAX_IMPORT_ANNOTATIONS,
  nameFromAccount,
  orderComments,
  parseDate,
  type ImportedAuthor,
  type ImportedComment,
  type ImportedThread,
} from './types';

const annotationSchema = z
  .object({
    id: z.string().min(1),
    created: z.string().optional(),
    user: z.string().min(1),
    user_info: z
      .object({ display_name: z.string().nullable().optional() })
      .passthrough()
      .nullable()
      .optional(),
    text: z.string().default(''),
    tags: z.array(z.string()).default([]),
    permissions: z
      .object({ read: z.array(z.string()).optional() })
      .passthrough()
      .optional(),
    target: z
      .array(
        z
          .object({ source: z.string().optional(), selector: z.array(selectorSchema).optional() })
          .passthrough(),
      )
      .default([]),
    references: z.array(z.string()).optional(),
  })
  .passthrough();

type RawAnnotation = z.infer<typeof annotationSchema>;

const annotations = z
  .array(annotationSchema)
  .max(MAX_IMPORT_ANNOTATIONS, `At most ${MAX_IMPORT_ANNOTATIONS} annotations per import`);

const exportSchema = z
  .object({
    export_date: z.string().optional(),
    export_userid: z.string().optional(),
    client_version: z.string().optional(),
    annotations,
  })
  .passthrough();

function authorOf(a: RawAnnotation): ImportedAuthor {
  const display = a.user_info?.display_name?.trim();
  return {
    authorName: display || nameFromAccount(a.user) || a.user,
    authorExternalId: a.user,
    authorEmail: null,
  };
}

function isPrivate(a: RawAnnotation): boolean {
  const read = a.permissions?.read;
  // No permissions block: Hypothesis' default for group annotations is shared.
  if (!read || read.length === 0) return false;
  return !read.some((r) => r.startsWith('group:'));
}

function comment(a: RawAnnotation, parentExternalId: string | null): ImportedComment {
  return {
    ...authorOf(a),
    externalId: a.id,
    parentExternalId,
    body: { format: 'markdown', value: a.text },
    created: parseDate(a.created),
  };
}

function thread(a: RawAnnotation, visibility: 'PRIVATE' | 'WORKSPACE'): ImportedThread {
  const target = a.target.find((t) => t.selector !== undefined) ?? a.target[0];
  return {
    ...authorOf(a),
    externalId: a.id,
    ...readSelectors(target?.selector),
    tags: a.tags,
    visibility,
    created: parseDate(a.created),
    // A highlight has no text: a thread without comments.
    comments: a.text.trim() ? [comment(a, null)] : [],
  };
}

export function parseHypothesis(input: unknown): ImportedThread[] {
  const rows = Array.isArray(input)
    ? parseInput(annotations, input)
    : parseInput(exportSchema, input).annotations;
  const byId = new Map<string, RawAnnotation>();
  for (const a of rows) if (!byId.has(a.id)) byId.set(a.id, a);
  const threads = new Map<string, ImportedThread>();
  // A reply belongs to the thread its first reference names, if that one is a thread itself.
  const isReply = (a: RawAnnotation) => {
    const root = a.references?.length ? byId.get(a.references[0]!) : undefined;
    return !!root && root !== a && !root.references?.length;
  };
  for (const a of byId.values()) {
    // A reply whose thread is not in the file is imported as a thread of its own.
    if (!isReply(a)) threads.set(a.id, thread(a, isPrivate(a) ? 'PRIVATE' : 'WORKSPACE'));
  }
  // Replies readable only by their author cannot sit in a shared thread (Closeread comments have
  // no visibility of their own): such a reply becomes a private thread on the same passage.
  const splitOut = new Set<string>();
  for (const a of byId.values()) {
    if (!isReply(a)) continue;
    const root = threads.get(a.references![0]!)!;
    if (isPrivate(a) && root.visibility === 'WORKSPACE') {
      splitOut.add(a.id);
      const copy = thread(a, 'PRIVATE');
      threads.set(a.id, {
        ...copy,
        quote: root.quote,
        position: root.position,
        blockKeyHint: root.blockKeyHint,
        comments: [comment(a, null)],
      });
    }
  }
  for (const a of byId.values()) {
    if (!isReply(a) || splitOut.has(a.id)) continue;
    const refs = a.references!;
    const root = threads.get(refs[0]!)!;
    // The nearest ancestor that is a comment of this thread; the root itself = top level.
    let parent: string | null = null;
    for (let i = refs.length - 1; i >= 1; i--) {
      const ref = refs[i]!;
      if (ref !== a.id && byId.has(ref) && !splitOut.has(ref)) {
        parent = ref;
        break;
      }
    }
    root.comments.push(comment(a, parent));
  }
  for (const t of threads.values()) t.comments = orderComments(t.comments);
  return [...threads.values()];
}
