import type { BlockType, InlineMark, ParsedBlock } from '../blocks';

type MarkSpec = { type: InlineMark['type']; href?: string };
type OpenMark = MarkSpec & { current?: InlineMark; block?: ParsedBlock };

/**
 * Accumulates blocks from a tree walk. Marks are opened and closed around text runs rather than
 * attached to nodes, so a mark that spans a block boundary simply continues in the next block.
 */
export class BlockBuilder {
  readonly blocks: ParsedBlock[] = [];
  private current: ParsedBlock | null = null;
  private readonly open: OpenMark[] = [];

  /** Ends the current block; the next text starts a new block of the given type. */
  start(type: BlockType): void {
    this.end();
    this.current = { type, text: '', marks: [] };
    this.blocks.push(this.current);
  }

  end(): void {
    this.current = null;
  }

  get inBlock(): boolean {
    return this.current !== null;
  }

  /** Text outside any block (loose text in a <div>, say) opens a block of `fallback` type. */
  text(value: string, fallback: BlockType = 'paragraph'): void {
    if (value.length === 0) return;
    if (!this.current) {
      if (!/\S/.test(value)) return;
      this.start(fallback);
    }
    const block = this.current as ParsedBlock;
    const from = block.text.length;
    block.text += value;
    const to = block.text.length;
    for (const m of this.open) {
      if (m.current && m.block === block && m.current.end === from) {
        m.current.end = to;
        continue;
      }
      m.current = { type: m.type, start: from, end: to, ...(m.href ? { href: m.href } : {}) };
      m.block = block;
      block.marks.push(m.current);
    }
  }

  openMark(spec: MarkSpec): OpenMark {
    const m: OpenMark = { ...spec };
    this.open.push(m);
    return m;
  }

  closeMark(mark: OpenMark): void {
    const i = this.open.lastIndexOf(mark);
    if (i >= 0) this.open.splice(i, 1);
  }

  /** Runs `body` with a mark open over whatever text it produces. */
  withMark(spec: MarkSpec | null, body: () => void): void {
    if (!spec) return body();
    const m = this.openMark(spec);
    try {
      body();
    } finally {
      this.closeMark(m);
    }
  }
}
