/** Splitting block text into segments for server-side rendering of highlights and inline marks. */
import type { InlineMark } from './blocks';

export type HighlightRange = { start: number; end: number; annotationId: string };

export type SegmentMark = { type: InlineMark['type']; href?: string };

export type Segment = {
  text: string;
  start: number;
  annotationIds: string[];
  marks: SegmentMark[];
};

const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * Cuts `text` at every highlight and mark boundary; each segment lists the annotations and
 * inline marks covering it, so overlapping highlights nest without overlapping elements.
 */
export function segmentText(
  text: string,
  ranges: HighlightRange[],
  marks: InlineMark[] = [],
): Segment[] {
  const inText = <T extends { start: number; end: number }>(r: T) =>
    r.start < r.end && r.start >= 0 && r.end <= text.length;
  const valid = ranges.filter(inText);
  const validMarks = marks
    .filter(inText)
    .filter((m) => m.type !== 'link' || SAFE_HREF.test(m.href ?? ''));
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...valid, ...validMarks]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covers = (r: { start: number; end: number }) => r.start <= start && r.end >= end;
    segments.push({
      text: text.slice(start, end),
      start,
      annotationIds: valid.filter(covers).map((r) => r.annotationId),
      marks: validMarks
        .filter(covers)
        .map((m) => (m.type === 'link' ? { type: m.type, href: m.href } : { type: m.type })),
    });
  }
  return segments;
}
