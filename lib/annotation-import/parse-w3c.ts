/**
 * W3C Web Annotation (JSON-LD) → ImportedThread[]. Pure. Accepts a single Annotation, an array,
 * an AnnotationPage, or an AnnotationCollection whose `first` page is embedded (Closeread's own
 * export). Threads are annotations with a selector or a document target; replies are annotations
 * whose target is another annotation of the file (Closeread writes `replying` annotations that
 * target the thread IRI for top-level comments and the parent comment's IRI for nested ones).
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { readSelectors, selectorListSchema } from './selectors';
import {
  MAX_IMPORT_ANNOTATIONS,
  nameFromAccount,
  orderComments,
  parseDate,
  type ImportedAuthor,
  type ImportedBody,
  type ImportedComment,
  type ImportedThread,
} from './types';

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s)]);
const types = oneOrMany(z.string());

const agentObject = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    nickname: z.string().optional(),
    email: z.string().optional(),
  })
  .passthrough();
const agent = oneOrMany(z.union([z.string(), agentObject]));

const bodyObject = z
  .object({
    id: z.string().optional(),
    type: types.optional(),
    value: z.string().optional(),
    purpose: z.string().optional(),
    format: z.string().optional(),
    creator: agent.optional(),
    created: z.string().optional(),
  })
  .passthrough();

const targetObject = z
  .object({
    id: z.string().optional(),
    source: z.string().optional(),
    selector: selectorListSchema.optional(),
  })
  .passthrough();

const audienceObject = z
  .object({ id: z.string().optional(), 'schema:audienceType': z.string().optional() })
  .passthrough();

const annotationSchema = z
  .object({
    id: z.string().min(1).optional(),
    type: types,
    motivation: types.optional(),
    created: z.string().optional(),
    creator: agent.optional(),
    audience: oneOrMany(z.union([z.string(), audienceObject])).optional(),
    // A string body is the IRI of an external resource, which we cannot fetch: ignored.
    body: oneOrMany(z.union([z.string(), bodyObject])).optional(),
    bodyValue: z.string().optional(),
    target: oneOrMany(z.union([z.string(), targetObject])),
  })
  .passthrough()
  .refine((a) => list(a.type).some(isAnnotationType), {
    message: 'Not a W3C Annotation (type must be "Annotation")',
    path: ['type'],
  });

type RawAnnotation = z.infer<typeof annotationSchema>;
type RawBody = z.infer<typeof bodyObject>;
type RawAgent = z.infer<typeof agent>;

const items = z
  .array(annotationSchema)
  .max(MAX_IMPORT_ANNOTATIONS, `At most ${MAX_IMPORT_ANNOTATIONS} annotations per import`);

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function isAnnotationType(t: string): boolean {
  return t === 'Annotation' || t === 'oa:Annotation';
}

/** The annotations of any accepted top-level shape, validated with paths from the root. */
function readItems(input: unknown): RawAnnotation[] {
  if (Array.isArray(input)) return parseInput(items, input);
  const typed = parseInput(z.object({ type: types }).passthrough(), input);
  const kinds = list(typed.type);
  if (kinds.includes('AnnotationCollection')) {
    const first = (input as { first?: unknown }).first;
    if (typeof first === 'string') {
      throw new AppError('BAD_REQUEST', 'first: the annotation page must be embedded in the file', {
        fields: { first: ['Embed the page: linked pages cannot be fetched'] },
      });
    }
    const page = z.object({ items: items.default([]) }).passthrough();
    return parseInput(z.object({ first: page }).passthrough(), input).first.items;
  }
  if (kinds.includes('AnnotationPage')) {
    return parseInput(z.object({ items }).passthrough(), input).items;
  }
  if (kinds.some(isAnnotationType)) return [parseInput(annotationSchema, input)];
  throw new AppError(
    'BAD_REQUEST',
    'type: expected an Annotation, AnnotationPage or AnnotationCollection',
    {
      fields: { type: ['Expected Annotation, AnnotationPage or AnnotationCollection'] },
    },
  );
}

function authorOf(raw: RawAgent | undefined): ImportedAuthor {
  const a = list(raw)[0];
  if (a === undefined) return { authorName: '', authorExternalId: null, authorEmail: null };
  const id = typeof a === 'string' ? a : (a.id ?? null);
  const mail = (id?.startsWith('mailto:') ? id.slice(7) : null) ?? null;
  if (typeof a === 'string') {
    return { authorName: nameFromAccount(a), authorExternalId: a, authorEmail: mail };
  }
  const foafName = typeof a['foaf:name'] === 'string' ? a['foaf:name'] : undefined;
  return {
    authorName: (a.name ?? a.nickname ?? foafName ?? (id ? nameFromAccount(id) : '')).trim(),
    authorExternalId: id,
    authorEmail: a.email?.replace(/^mailto:/, '') ?? mail,
  };
}

function bodyOf(b: RawBody): ImportedBody {
  const format = (b.format ?? '').toLowerCase();
  const value = b.value ?? '';
  if (format === 'text/html') return { format: 'html', value };
  if (format === 'text/markdown') return { format: 'markdown', value };
  return { format: 'text', value };
}

/** Text bodies that are comments (anything but tags), in order. */
function textBodies(a: RawAnnotation): RawBody[] {
  const bodies = list(a.body).filter(
    (b): b is RawBody => typeof b !== 'string' && b.value !== undefined && b.purpose !== 'tagging',
  );
  if (a.bodyValue !== undefined) bodies.unshift({ value: a.bodyValue, format: 'text/plain' });
  return bodies.filter((b) => (b.value ?? '').trim() !== '');
}

function tagsOf(a: RawAnnotation): string[] {
  return list(a.body).flatMap((b) =>
    typeof b !== 'string' && b.purpose === 'tagging' && b.value ? [b.value] : [],
  );
}

/** Closeread writes `audience` with schema:audienceType "private" for private annotations. */
function visibilityOf(a: RawAnnotation): 'PRIVATE' | 'WORKSPACE' {
  const privateAudience = list(a.audience).some(
    (x) => typeof x !== 'string' && x['schema:audienceType'] === 'private',
  );
  return privateAudience ? 'PRIVATE' : 'WORKSPACE';
}

/** The IRI a selector-less target points at (another annotation, for replies). */
function targetIri(a: RawAnnotation): string | null {
  const t = list(a.target)[0];
  if (t === undefined) return null;
  if (typeof t === 'string') return t;
  return t.selector === undefined ? (t.id ?? t.source ?? null) : null;
}

export function parseW3c(input: unknown): ImportedThread[] {
  const raw = readItems(input);
  // Ids are needed to link replies; items without one (or repeating one) get a unique local id.
  const ids: string[] = [];
  const byId = new Map<string, RawAnnotation>();
  raw.forEach((a, i) => {
    const id = a.id && !byId.has(a.id) ? a.id : `urn:closeread:import:item-${i}`;
    ids.push(id);
    byId.set(id, a);
  });
  const parentOf = new Map<string, string>();
  raw.forEach((a, i) => {
    const t = targetIri(a);
    if (t !== null && t !== ids[i] && byId.has(t)) parentOf.set(ids[i]!, t);
  });
  // Walk up to the thread; a cycle makes the item where it closes a thread of its own.
  const rootOf = (id: string): string => {
    const seen = new Set<string>([id]);
    let at = id;
    for (let p = parentOf.get(at); p !== undefined; p = parentOf.get(at)) {
      if (seen.has(p)) {
        parentOf.delete(at);
        return at;
      }
      seen.add(p);
      at = p;
    }
    return at;
  };

  const threads = new Map<string, ImportedThread>();
  raw.forEach((a, i) => {
    const id = ids[i]!;
    if (rootOf(id) !== id) return;
    const target = list(a.target).find((t) => typeof t !== 'string' && t.selector !== undefined);
    const facts = readSelectors(typeof target === 'object' ? target.selector : undefined);
    const author = authorOf(a.creator);
    const created = parseDate(a.created);
    const comments: ImportedComment[] = textBodies(a).map((b, n) => ({
      ...(b.creator ? authorOf(b.creator) : author),
      externalId: `${id}#body-${n}`,
      parentExternalId: null,
      body: bodyOf(b),
      created: parseDate(b.created) ?? created,
    }));
    threads.set(id, {
      ...author,
      externalId: id,
      ...facts,
      tags: tagsOf(a),
      visibility: visibilityOf(a),
      created,
      comments,
    });
  });

  raw.forEach((a, i) => {
    const id = ids[i]!;
    const thread = threads.get(rootOf(id));
    if (!thread || thread.externalId === id) return;
    const parent = parentOf.get(id)!;
    const body = textBodies(a)[0];
    thread.comments.push({
      ...authorOf(a.creator),
      externalId: id,
      // Replying to the thread itself means a top-level comment (Closeread's export convention).
      parentExternalId: parent === thread.externalId ? null : parent,
      body: body ? bodyOf(body) : { format: 'text', value: '(no text)' },
      created: parseDate(body?.created ?? a.created),
    });
  });
  for (const t of threads.values()) t.comments = orderComments(t.comments);
  return [...threads.values()];
}
