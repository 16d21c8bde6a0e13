/**
 * A W3C Annotation sent by a protocol client (POST or PUT body) → what Closeread can store:
 * - `TextualBody` bodies with purpose commenting / replying / describing or none, or
 *   `bodyValue`: the comment (at most one); `text/html`, `text/markdown`, `text/plain` (default);
 * - `TextualBody` bodies with purpose `tagging`: tags;
 * - `audience` with `schema:audienceType: "private"` (what Closeread writes): private;
 * - `target`: an object with selectors (a new thread on that text), or the IRI of an annotation
 *   of the container (a reply: `motivation: replying`, though the motivation is not required).
 * `creator`, `created`, `generator`, `motivation` and other keys are accepted and ignored: the
 * server records who wrote what, and when. External (IRI) bodies and other body types are
 * refused (400) rather than dropped silently.
 */
import { z } from 'zod';
import { tagListSchema } from '../annotations/create-annotation';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import type { ImportedBody } from '../annotation-import/types';

const oneOrMany = <T extends z.ZodType>(s: T, max: number) => z.union([s, z.array(s).max(max)]);
const strings = (max: number) => oneOrMany(z.string().max(500), max);

const bodySchema = z.union([
  z.string().max(2_000),
  z
    .object({
      type: strings(5).optional(),
      value: z.string().max(200_000).optional(),
      format: z.string().max(100).optional(),
      purpose: strings(5).optional(),
    })
    .passthrough(),
]);

const targetObject = z
  .object({ id: z.string().max(2_000).optional(), source: z.string().max(2_000).optional() })
  .passthrough();

const audienceSchema = z.union([
  z.string().max(2_000),
  z.object({ 'schema:audienceType': z.string().max(100).optional() }).passthrough(),
]);

export const incomingAnnotationSchema = z
  .object({
    '@context': z.unknown().optional(),
    id: z.string().max(2_000).optional(),
    type: strings(5).refine(
      (t) => (Array.isArray(t) ? t : [t]).some((x) => x === 'Annotation' || x === 'oa:Annotation'),
      'type must be "Annotation"',
    ),
    motivation: strings(5).optional(),
    body: oneOrMany(bodySchema, 20).optional(),
    bodyValue: z.string().max(200_000).optional(),
    target: z.union([
      z.string().max(2_000),
      targetObject,
      z
        .array(z.union([z.string().max(2_000), targetObject]))
        .min(1)
        .max(1),
    ]),
    audience: oneOrMany(audienceSchema, 5).optional(),
  })
  .passthrough();

export type IncomingTarget =
  { kind: 'selectors'; value: Record<string, unknown> } | { kind: 'iri'; iri: string };

export type IncomingAnnotation = {
  id: string | undefined;
  comment: ImportedBody | null;
  tags: string[];
  /** undefined when the annotation names no audience. */
  visibility: 'PRIVATE' | 'WORKSPACE' | undefined;
  target: IncomingTarget;
};

const COMMENT_PURPOSES = new Set(['commenting', 'replying', 'describing']);
const FORMATS: Record<string, ImportedBody['format']> = {
  'text/plain': 'text',
  'text/html': 'html',
  'text/markdown': 'markdown',
};

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function invalid(field: string, message: string): never {
  throw new AppError('BAD_REQUEST', `${field}: ${message}`, { fields: { [field]: [message] } });
}

export function readIncomingAnnotation(input: unknown): IncomingAnnotation {
  const a = parseInput(incomingAnnotationSchema, input);
  const comments: ImportedBody[] = [];
  const tags: string[] = [];
  if (a.bodyValue !== undefined) comments.push({ format: 'text', value: a.bodyValue });
  const bodies = list(a.body);
  bodies.forEach((b, i) => {
    const field = Array.isArray(a.body) ? `body.${i}` : 'body';
    if (typeof b === 'string')
      invalid(field, 'External bodies are not supported: use a TextualBody');
    const types = list(b.type);
    if (types.length > 0 && !types.some((t) => t === 'TextualBody' || t === 'oa:TextualBody'))
      invalid(field, 'Only TextualBody bodies are supported');
    if (b.value === undefined) invalid(field, 'A TextualBody needs a value');
    const purposes = list(b.purpose);
    if (purposes.includes('tagging')) {
      tags.push(b.value);
      return;
    }
    const other = purposes.find((p) => !COMMENT_PURPOSES.has(p));
    if (other !== undefined)
      invalid(field, `Unsupported purpose "${other}" (use commenting, replying or tagging)`);
    const format = FORMATS[(b.format ?? 'text/plain').toLowerCase().split(';')[0]!.trim()];
    if (!format) invalid(field, 'format must be text/plain, text/html or text/markdown');
    comments.push({ format, value: b.value });
  });
  if (comments.length > 1) invalid('body', 'Give at most one comment body');
  const comment = comments[0] ?? null;
  if (comment && comment.value.trim() === '') invalid('body', 'The comment is empty');

  const parsedTags = tagListSchema.safeParse(tags);
  if (!parsedTags.success) {
    invalid('body', `Tags: ${parsedTags.error.issues[0]?.message ?? 'invalid'}`);
  }

  const audiences = list(a.audience);
  const visibility =
    audiences.length === 0
      ? undefined
      : audiences.some((x) => typeof x !== 'string' && x['schema:audienceType'] === 'private')
        ? 'PRIVATE'
        : 'WORKSPACE';

  const t = Array.isArray(a.target) ? a.target[0]! : a.target;
  let target: IncomingTarget;
  if (typeof t === 'string') target = { kind: 'iri', iri: t };
  else if (t.selector !== undefined) target = { kind: 'selectors', value: t };
  else if (t.id ?? t.source) target = { kind: 'iri', iri: (t.id ?? t.source)! };
  else invalid('target', 'Give selectors, or the IRI of an annotation in this container');

  return {
    id: a.id,
    comment,
    tags: [...new Set(parsedTags.data)],
    visibility,
    target,
  };
}
