import { z } from 'zod';
import { parseInput } from '../http/validate';

export const BLOCK_TYPES = ['heading', 'paragraph', 'list-item', 'quote', 'code'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** An inline mark over [start, end) of the block's plain text. */
export const markSchema = z.object({
  type: z.enum(['em', 'strong', 'code', 'link']),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  href: z.string().max(2048).optional(),
});
export type InlineMark = z.infer<typeof markSchema>;

export type ParsedBlock = { type: BlockType; text: string; marks: InlineMark[] };

export type ParsedDocument = {
  title: string;
  source?: string;
  publishedOn?: string;
  blocks: ParsedBlock[];
};

export const LIMITS = {
  maxBlocks: 20_000,
  maxBlockChars: 100_000,
  maxTitleChars: 300,
} as const;

/**
 * PostgreSQL cannot store U+0000 in text. It becomes U+FFFD (the replacement character, also one
 * UTF-16 unit, so mark offsets stay valid) instead of failing the whole import.
 */
const storable = (s: string) => s.replaceAll('\u0000', '\uFFFD');

export const parsedDocumentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Title is required')
    .max(LIMITS.maxTitleChars)
    .transform(storable),
  source: z.string().trim().max(500).transform(storable).optional(),
  publishedOn: z.string().trim().max(40).transform(storable).optional(),
  blocks: z
    .array(
      z.object({
        type: z.enum(BLOCK_TYPES),
        text: z.string().min(1).max(LIMITS.maxBlockChars).transform(storable),
        marks: z.array(markSchema).max(10_000),
      }),
    )
    .min(1, 'The document has no text')
    .max(LIMITS.maxBlocks, `A document may have at most ${LIMITS.maxBlocks} blocks`),
});

/** Checks a parsed document against the limits; BAD_REQUEST with a clear message otherwise. */
export function validateParsedDocument(input: ParsedDocument): ParsedDocument {
  return parseInput(parsedDocumentSchema, input);
}
