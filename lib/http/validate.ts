import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** The path of the first string containing U+0000 (PostgreSQL cannot store it), or null. */
function nulPath(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  // Plain data only (what JSON and zod produce): never walk bytes, dates or class instances.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nulPath(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Validates input with a zod schema; failures become BAD_REQUEST with per-field messages. Text
 * containing U+0000 is refused here for every schema (schemas that want to keep such text
 * replace the character in a transform first).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const bad = nulPath(result.data);
    if (bad)
      throw new AppError('BAD_REQUEST', `${bad}: text may not contain the NUL character (U+0000)`, {
        fields: { [bad]: ['May not contain the NUL character (U+0000)'] },
      });
    return result.data;
  }
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s): ${issue.keys.join(', ')}`
        : issue.message;
    (fields[key] ??= []).push(message);
  }
  const first = result.error.issues[0];
  const summary = first
    ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${fields[first.path.join('.') || '_']?.[0]}`
    : 'Invalid input';
  throw new AppError('BAD_REQUEST', summary, { fields });
}
