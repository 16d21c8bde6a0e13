/**
 * Who an imported annotation or comment is by. Sources name people, not Closeread users: a
 * Closeread user IRI, an e-mail or a display name that matches exactly one workspace member maps
 * to that member; anyone else stays a named external author (see attributionFor).
 */
import { MAX_TAGS } from '../annotations/create-annotation';
import type { ImportedAuthor } from './types';

export type Member = { id: string; name: string; email: string };

const CLOSEREAD_USER = 'urn:closeread:user:';

const key = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export function authorResolver(members: Member[]): (a: ImportedAuthor) => Member | null {
  const byId = new Map(members.map((m) => [m.id, m]));
  const byEmail = new Map(members.map((m) => [key(m.email), m]));
  // Two members with the same name: a name alone cannot tell them apart, so neither matches.
  const byName = new Map<string, Member | null>();
  for (const m of members) byName.set(key(m.name), byName.has(key(m.name)) ? null : m);
  return (a) => {
    const ext = a.authorExternalId;
    if (ext?.startsWith(CLOSEREAD_USER)) {
      let id = ext.slice(CLOSEREAD_USER.length);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Not percent-encoded after all: compare as is.
      }
      const m = byId.get(id);
      if (m) return m;
    }
    if (a.authorEmail) {
      const m = byEmail.get(key(a.authorEmail));
      if (m) return m;
    }
    return a.authorName ? (byName.get(key(a.authorName)) ?? null) : null;
  };
}

/**
 * The schema has no column for an external author, so their name and date open the comment:
 * "Imported from Jane Roe, 2024-03-05:". Replace with real columns when the schema grows them.
 */
export function attributionFor(a: ImportedAuthor, created: Date | null): string {
  const name = a.authorName.trim() || 'an unknown author';
  return created
    ? `Imported from ${name}, ${created.toISOString().slice(0, 10)}:`
    : `Imported from ${name}:`;
}

/** Foreign tags → Closeread tags (lower case; letters, digits, - and _; ≤ 40 chars; ≤ 10). */
export function normaliseTags(tags: string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    const chars = [
      ...raw
        .normalize('NFC')
        .trim()
        .toLowerCase()
        .replace(/\s+/g, '-')
        .replace(/[^\p{L}\p{N}_-]+/gu, ''),
    ];
    while (chars.join('').length > 40) chars.pop();
    const tag = chars.join('');
    if (tag) out.add(tag);
    if (out.size >= MAX_TAGS) break;
  }
  return [...out];
}
