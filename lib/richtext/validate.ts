// Server-side gate for every comment body. The client is never trusted: the JSON is bounded,
// shape-checked, checked strictly against the shared schema (types, attributes and attribute
// values), rebuilt as a ProseMirror node and re-serialised, so only canonical JSON is stored.
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { LINK_REL, LINK_TARGET } from './extensions';
import { hrefProblem } from './href';
import { plainTextOf } from './plain-text';
import { commentSchema } from './schema';
import {
  MAX_COMMENT_BYTES,
  MAX_COMMENT_DEPTH,
  type CommentAttrs,
  type CommentDoc,
  type CommentMark,
  type CommentNode,
} from './types';

export type ParseCommentResult =
  { ok: true; doc: CommentDoc; text: string; mentions: string[] } | { ok: false; error: string };

// PostgreSQL rejects U+0000 in text/jsonb and unpaired surrogates in jsonb; refuse them up front
// rather than failing at INSERT time.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const StorableString = z
  .string()
  .refine((s) => !UNSTORABLE.test(s), 'contains a NUL character or an unpaired surrogate');
const AttrsShape = z.record(
  z.string(),
  z.union([StorableString, z.number(), z.boolean(), z.null()]),
);
const MarkShape = z.strictObject({ type: z.string().min(1).max(64), attrs: AttrsShape.optional() });
const NodeShape: z.ZodType<CommentNode> = z.lazy(() =>
  z.strictObject({
    type: z.string().min(1).max(64),
    attrs: AttrsShape.optional(),
    content: z.array(NodeShape).optional(),
    marks: z.array(MarkShape).optional(),
    text: StorableString.optional(),
  }),
);

type AttrRule = (value: unknown) => string | null;
const nullOr =
  (rule: AttrRule): AttrRule =>
  (v) =>
    v === null ? null : rule(v);
const oneOf =
  (...allowed: unknown[]): AttrRule =>
  (v) =>
    allowed.includes(v)
      ? null
      : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const shortString =
  (max: number, allowEmpty = false): AttrRule =>
  (v) =>
    typeof v !== 'string'
      ? 'must be a string'
      : !allowEmpty && v.trim() === ''
        ? 'must not be empty'
        : v.length > max
          ? `must be at most ${max} characters`
          : null;

// Every attribute the schema defines must have a rule here (checked when the policy is built), so
// a Tiptap upgrade that adds an attribute fails loudly instead of letting arbitrary values through.
const ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  orderedList: {
    start: (v) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000
        ? null
        : 'must be an integer from 0 to 1000000',
    type: oneOf(null, '1', 'a', 'A', 'i', 'I'),
  },
  codeBlock: {
    language: nullOr((v) =>
      typeof v === 'string' && /^[A-Za-z0-9_+#.-]{1,40}$/.test(v) ? null : 'is not a language name',
    ),
  },
  mention: { id: shortString(200), label: nullOr(shortString(200, true)) },
  link: {
    href: hrefProblem,
    // The renderer always emits its own target/rel; only the editor's defaults are stored.
    target: oneOf(null, LINK_TARGET),
    rel: oneOf(null, LINK_REL),
    class: oneOf(null),
    title: nullOr(shortString(500, true)),
  },
};

interface Policy {
  schema: Schema;
  rules: Map<string, Record<string, AttrRule>>;
  defaults: Map<string, Record<string, unknown>>;
}
let policy: Policy | null = null;

function getPolicy(): Policy {
  if (policy) return policy;
  const { schema } = commentSchema();
  const rules = new Map<string, Record<string, AttrRule>>();
  const defaults = new Map<string, Record<string, unknown>>();
  for (const type of [...Object.values(schema.nodes), ...Object.values(schema.marks)]) {
    const typeRules = ATTR_RULES[type.name] ?? {};
    const specs = type.spec.attrs ?? {};
    for (const attr of Object.keys(specs)) {
      if (!typeRules[attr])
        throw new Error(`richtext: no validation rule for ${type.name}.${attr}`);
    }
    for (const attr of Object.keys(typeRules)) {
      if (!(attr in specs))
        throw new Error(`richtext: rule for unknown attribute ${type.name}.${attr}`);
    }
    rules.set(type.name, typeRules);
    defaults.set(
      type.name,
      Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default])),
    );
  }
  policy = { schema, rules, defaults };
  return policy;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * True when nodes nest deeper than `limit` (doc = 1), or when the JSON itself nests deeper than
 * nodes of that depth could (deep `attrs`, cycles). Iterative and run before JSON.stringify,
 * which would overflow the stack on hostile nesting.
 */
function tooDeep(root: unknown, limit: number): boolean {
  // Per node level: the node object and its content array; plus marks → mark → attrs at the leaf.
  const jsonLimit = 2 * limit + 4;
  const stack: Array<{ value: unknown; json: number; node: number }> = [
    { value: root, json: 1, node: 1 },
  ];
  while (stack.length) {
    const { value, json, node } = stack.pop()!;
    if (json > jsonLimit || node > limit) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') stack.push({ value: item, json: json + 1, node });
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (!child || typeof child !== 'object') continue;
        if (key === 'content' && Array.isArray(child)) {
          for (const item of child) {
            if (item && typeof item === 'object') {
              stack.push({ value: item, json: json + 2, node: node + 1 });
            }
          }
        } else {
          stack.push({ value: child, json: json + 1, node });
        }
      }
    }
  }
  return false;
}

function checkAttrs(
  owner: string,
  kind: 'node' | 'mark',
  attrs: CommentAttrs | undefined,
  p: Policy,
): string | null {
  const rules = p.rules.get(owner) ?? {};
  for (const key of Object.keys(attrs ?? {})) {
    if (!Object.hasOwn(rules, key)) return `unknown attribute "${key}" on ${kind} "${owner}"`;
  }
  // Rules run on the attributes as ProseMirror will resolve them, defaults included: a link
  // without `href` or a mention without `id` must not slip through as "nothing to check".
  const resolved = { ...p.defaults.get(owner), ...attrs };
  for (const [key, rule] of Object.entries(rules)) {
    const problem = rule(resolved[key]);
    if (!problem) continue;
    return owner === 'link' && key === 'href'
      ? problem
      : `attribute "${key}" on ${kind} "${owner}" ${problem}`;
  }
  return null;
}

function checkMarks(marks: CommentMark[] | undefined, p: Policy): string | null {
  for (const mark of marks ?? []) {
    if (!Object.hasOwn(p.schema.marks, mark.type)) return `unknown mark "${mark.type}"`;
    const problem = checkAttrs(mark.type, 'mark', mark.attrs, p);
    if (problem) return problem;
  }
  return null;
}

/** Strict pre-check: ProseMirror would silently drop unknown attributes, we refuse them. */
function checkTree(node: CommentNode, path: string, p: Policy): string | null {
  const at = (msg: string) => `${msg} (at ${path})`;
  if (!Object.hasOwn(p.schema.nodes, node.type)) return at(`unknown node type "${node.type}"`);
  const isText = node.type === 'text';
  if (isText && (node.text === undefined || node.text === '')) return at('text node without text');
  if (!isText && node.text !== undefined) return at(`"${node.type}" node must not have text`);
  if (isText && node.content) return at('text node must not have content');
  const problem = checkAttrs(node.type, 'node', node.attrs, p) ?? checkMarks(node.marks, p);
  if (problem) return at(problem);
  const children = node.content ?? [];
  for (let i = 0; i < children.length; i++) {
    const childProblem = checkTree(children[i]!, `${path}.content[${i}]`, p);
    if (childProblem) return childProblem;
  }
  return null;
}

function hasMention(node: PMNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.type.name === 'mention') found = true;
    return !found;
  });
  return found;
}

function mentionIds(node: PMNode): string[] {
  const ids = new Set<string>();
  node.descendants((child) => {
    if (child.type.name === 'mention' && typeof child.attrs.id === 'string')
      ids.add(child.attrs.id);
    return true;
  });
  return [...ids];
}

export function parseCommentDoc(input: unknown): ParseCommentResult {
  const fail = (error: string): ParseCommentResult => ({ ok: false, error });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('comment must be a JSON object');
  }

  // Bounds first, before any recursive work on attacker-controlled data.
  if (tooDeep(input, MAX_COMMENT_DEPTH)) {
    return fail(`comment is nested deeper than ${MAX_COMMENT_DEPTH} levels`);
  }
  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    return fail('comment is not serialisable JSON');
  }
  // A UTF-16 code unit encodes to at least one byte, so the length alone can reject early.
  if (json.length > MAX_COMMENT_BYTES || utf8Length(json) > MAX_COMMENT_BYTES) {
    return fail(`comment is larger than ${MAX_COMMENT_BYTES / 1024} KB`);
  }

  const shape = NodeShape.safeParse(input);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail(`malformed comment${where}: ${issue?.message ?? 'invalid shape'}`);
  }
  // Walk the caller's object, not zod's copy: we want to see every own key exactly as sent.
  const raw = input as CommentNode;
  if (raw.type !== 'doc') return fail('comment root must be a "doc" node');
  if (!raw.content?.length) return fail('comment is empty');

  const p = getPolicy();
  const problem = checkTree(raw, 'doc', p);
  if (problem) return fail(problem);

  let node: PMNode;
  try {
    node = p.schema.nodeFromJSON(raw);
    node.check();
  } catch (e) {
    return fail(`comment does not fit the comment schema: ${(e as Error).message}`);
  }

  if (node.textContent.trim() === '' && !hasMention(node)) return fail('comment is empty');

  // Canonical form: adjacent text merged, defaults filled in, exactly what the schema knows.
  // Filling defaults can grow the JSON; re-check so every stored doc passes re-validation.
  const doc = node.toJSON() as CommentDoc;
  if (utf8Length(JSON.stringify(doc)) > MAX_COMMENT_BYTES) {
    return fail(`comment is larger than ${MAX_COMMENT_BYTES / 1024} KB`);
  }

  return {
    ok: true,
    doc,
    text: plainTextOf(node),
    mentions: mentionIds(node),
  };
}
