/** Splitting block text into plain and highlighted segments for server-side <mark> rendering. */

export type HighlightRange = { start: number; end: number; annotationId: string };

export type Segment = { text: string; start: number; annotationIds: string[] };

/**
 * Cuts `text` at every range boundary; each segment lists the annotations covering it, so
 * overlapping highlights nest visually without overlapping elements.
 */
export function segmentText(text: string, ranges: HighlightRange[]): Segment[] {
  const valid = ranges.filter((r) => r.start < r.end && r.start >= 0 && r.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const annotationIds = valid
      .filter((r) => r.start <= start && r.end >= end)
      .map((r) => r.annotationId);
    segments.push({ text: text.slice(start, end), start, annotationIds });
  }
  return segments;
}
