import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short random block key for #p-<key> links (8 chars from 32, 40 bits). */
export function newBlockKey(): string {
  const bytes = randomBytes(8);
  let key = '';
  for (const b of bytes) key += ALPHABET[b % ALPHABET.length];
  return key;
}

/** `count` keys, none in `taken` and none repeated (keys are unique per revision). */
export function newBlockKeys(count: number, taken: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set(taken);
  const keys: string[] = [];
  while (keys.length < count) {
    const key = newBlockKey();
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
  }
  return keys;
}
