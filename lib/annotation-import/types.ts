/**
 * The normalised shape both parsers (W3C, Hypothesis) produce. Everything after parsing —
 * anchoring, author mapping, comment conversion, the database write — works on this only.
 */

export type ImportFormat = 'w3c' | 'hypothesis';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['w3c', 'hypothesis'];

/** At most this many source annotations (threads + replies) per import. */
export const MAX_IMPORT_ANNOTATIONS = 5_000;

/** A comment body as found in the source; converted to a Tiptap doc before writing. */
export type ImportedBody = { format: 'html' | 'markdown' | 'text'; value: string };

export type ImportedAuthor = {
  /** Display name, or a name derived from the account IRI; '' when the source has none. */
  authorName: string;
  /** The source's id for the author (IRI, `acct:` URI), if any. */
  authorExternalId: string | null;
  authorEmail: string | null;
};

export type ImportedComment = ImportedAuthor & {
  externalId: string;
  /** externalId of the comment replied to; null = a top-level comment of the thread. */
  parentExternalId: string | null;
  body: ImportedBody;
  created: Date | null;
};

export type ImportedQuote = { exact: string; prefix: string; suffix: string };

/**
 * A W3C TextPositionSelector, in Unicode code points: relative to the start of the block named by
 * `blockKey` (a FragmentSelector `p-<key>` it refined; `end` may run into later blocks joined by
 * "\n\n"), or to the whole document text (blocks joined by "\n\n") when `blockKey` is null.
 */
export type ImportedPosition = { start: number; end: number; blockKey: string | null };

export type ImportedThread = ImportedAuthor & {
  externalId: string;
  quote: ImportedQuote | null;
  position: ImportedPosition | null;
  /** The paragraph a FragmentSelector named, even without a position. */
  blockKeyHint: string | null;
  tags: string[];
  visibility: 'PRIVATE' | 'WORKSPACE';
  created: Date | null;
  /** Oldest first; parents come before their replies. */
  comments: ImportedComment[];
};

/** Lenient date parsing: foreign exports are not always ISO 8601; unknown dates become "now". */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** `acct:alice@hypothes.is` → `alice`; other IRIs → their last path segment. */
export function nameFromAccount(iri: string): string {
  const acct = /^acct:([^@]+)@/.exec(iri);
  if (acct) return acct[1]!;
  const mail = /^mailto:([^@]+)@/.exec(iri);
  if (mail) return mail[1]!;
  return '';
}

/** Comments ordered so that every parent precedes its replies (then by date), for inserts. */
export function orderComments(comments: ImportedComment[]): ImportedComment[] {
  const ids = new Set(comments.map((c) => c.externalId));
  const children = new Map<string | null, ImportedComment[]>();
  for (const c of comments) {
    const parent =
      c.parentExternalId !== null && ids.has(c.parentExternalId) ? c.parentExternalId : null;
    const list = children.get(parent) ?? [];
    list.push({ ...c, parentExternalId: parent });
    children.set(parent, list);
  }
  const byDate = (a: ImportedComment, b: ImportedComment) =>
    (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0);
  const out: ImportedComment[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const c of (children.get(parent) ?? []).sort(byDate)) {
      if (seen.has(c.externalId)) continue;
      seen.add(c.externalId);
      out.push(c);
      visit(c.externalId);
    }
  };
  visit(null);
  // A parent cycle (or a self-reply) is unreachable from the top: keep those comments, top level.
  for (const c of comments) {
    if (seen.has(c.externalId)) continue;
    seen.add(c.externalId);
    out.push({ ...c, parentExternalId: null });
    visit(c.externalId);
  }
  return out;
}
