/**
 * Figures 6 and 7: a revision upload that re-anchors 5,000 annotations, and live updates
 * reaching 200 open event streams.
 */
import http from 'node:http';
import type { Ctx } from './figures';
import type { Row } from './report';
import { plainTextToDoc } from '../lib/richtext';

const fmtMs = (ms: number) => `${Math.round(ms)} ms`;

type DocumentJson = { blocks: { key: string; type: string; text: string }[] };

/**
 * A realistic revision of a document's text: every 20th paragraph edited (a sentence appended),
 * every 50th deleted, a new paragraph every 100, two paragraphs swapped.
 */
export function reviseText(blocks: { text: string }[]): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (i % 50 === 49) return;
    out.push(i % 20 === 7 ? `${b.text} A sentence added in the new version.` : b.text);
    if (i % 100 === 42) out.push('A paragraph that the new version inserts here, with new words.');
  });
  if (out.length > 12) [out[10], out[11]] = [out[11]!, out[10]!];
  return out.join('\n\n');
}

export async function revisionFigures(ctx: Ctx): Promise<Row[]> {
  ctx.log('figure 6: revision upload with re-anchoring');
  const headers = { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' };
  const revise = async (documentId: string) => {
    const doc = (await (
      await fetch(`${ctx.origin}/api/v1/documents/${documentId}`, { headers })
    ).json()) as DocumentJson;
    const body = JSON.stringify({ title: 'Revised', format: 'text', text: reviseText(doc.blocks) });
    const t0 = performance.now();
    const res = await fetch(`${ctx.origin}/api/v1/documents/${documentId}/revisions`, {
      method: 'POST',
      headers,
      body,
    });
    const report = (await res.json()) as { annotations?: Record<string, number> };
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`revision upload answered ${res.status}`);
    return { ms, report };
  };
  // Warm-up on the 500-thread document, then the 2,000-block document with 5,000 annotations.
  await revise(ctx.seed.docs.threads);
  const { ms, report } = await revise(ctx.seed.docs.big);
  const moved = Object.entries(report.annotations ?? {})
    .map(([k, v]) => `${k.toLowerCase()} ${v}`)
    .join(', ');
  return [
    {
      figure: '6. revision upload, 2,000 blocks / 5,000 ann.: time',
      value: fmtMs(ms),
      target: '≤ 2000 ms',
      pass: ms <= 2000,
      note: moved,
    },
  ];
}

/** One server-sent-events connection that records when each comment id arrives. */
function openStream(url: URL, token: string, seen: Map<string, number[]>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`event stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /"commentId":"([^"]+)"/.exec(message)?.[1];
            if (id && message.includes('comment.created')) {
              const list = seen.get(id) ?? [];
              list.push(performance.now());
              seen.set(id, list);
            }
          }
        });
        resolve(() => req.destroy());
      },
    );
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}

export async function liveFigures(ctx: Ctx, streams = 200, posts = 10): Promise<Row[]> {
  ctx.log(`figure 7: live updates to ${streams} event streams`);
  const documentId = ctx.seed.docs.threads;
  const url = new URL(`${ctx.origin}/api/v1/documents/${documentId}/events`);
  const seen = new Map<string, number[]>();
  const closers: (() => void)[] = [];
  const agent = { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' };
  try {
    for (let i = 0; i < streams; i += 20) {
      closers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, streams - i) }, () => openStream(url, ctx.token, seen)),
        )),
      );
    }
    const list = (await (
      await fetch(`${ctx.origin}/api/v1/documents/${documentId}/annotations?limit=20`, {
        headers: agent,
      })
    ).json()) as { items: { id: string }[] };
    const delays: number[] = [];
    let missing = 0;
    for (let p = 0; p < posts; p++) {
      const thread = list.items[p % list.items.length]!.id;
      const sent = performance.now();
      const res = await fetch(`${ctx.origin}/api/v1/annotations/${thread}/comments`, {
        method: 'POST',
        headers: agent,
        body: JSON.stringify({
          comment: plainTextToDoc(`Live ${p}`),
        }),
      });
      const { id } = (await res.json()) as { id: string };
      const deadline = performance.now() + 5_000;
      while ((seen.get(id)?.length ?? 0) < streams && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      const arrivals = seen.get(id) ?? [];
      missing += streams - arrivals.length;
      delays.push(...arrivals.map((t) => t - sent));
      await new Promise((r) => setTimeout(r, 200));
    }
    delays.sort((a, b) => a - b);
    const p99 = delays[Math.min(delays.length - 1, Math.floor(delays.length * 0.99))] ?? Infinity;
    const p50 = delays[Math.floor(delays.length / 2)] ?? Infinity;
    return [
      {
        figure: `7. live update to ${streams} streams: p99 delivery`,
        value: fmtMs(p99),
        target: '≤ 1000 ms',
        pass: missing === 0 && p99 <= 1000,
        note: `p50 ${fmtMs(p50)}; ${posts} comments, ${delays.length} deliveries, ${missing} missing`,
      },
    ];
  } finally {
    for (const close of closers) close();
  }
}
