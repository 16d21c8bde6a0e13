import { z } from 'zod';

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
