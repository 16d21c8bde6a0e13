/**
 * Turns what a person types into a safe PostgreSQL tsquery: "quoted phrases" match words in
 * order, word* matches prefixes, -word excludes, everything else must all match.
 */
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

export function toTsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (const m of input.matchAll(re)) {
    const negate = (m[1] || m[3]) === '-';
    if (m[2] !== undefined) {
      const words = m[2].match(WORD) ?? [];
      if (words.length)
        parts.push(`${negate ? '!' : ''}(${words.map((w) => w.toLowerCase()).join(' <-> ')})`);
      continue;
    }
    const raw = m[4] ?? '';
    const prefix = raw.endsWith('*');
    const words = raw.match(WORD) ?? [];
    words.forEach((w, i) => {
      const last = i === words.length - 1;
      parts.push(`${negate ? '!' : ''}${w.toLowerCase()}${prefix && last ? ':*' : ''}`);
    });
  }
  // A query of only exclusions matches nothing useful.
  if (!parts.some((p) => !p.startsWith('!'))) return null;
  return parts.slice(0, 32).join(' & ');
}
