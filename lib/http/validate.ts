import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Validates input with a zod schema; failures become BAD_REQUEST with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
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
