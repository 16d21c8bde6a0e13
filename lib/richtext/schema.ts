// Server-side singletons: building a schema resolves every extension, so do it once per process.
import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { commentExtensions } from './extensions';

let cached: { extensions: Extensions; schema: Schema } | null = null;

export function commentSchema(): { extensions: Extensions; schema: Schema } {
  if (!cached) {
    const extensions = commentExtensions();
    cached = { extensions, schema: getSchema(extensions) };
  }
  return cached;
}
