/**
 * Benchmark baseline (a): a static page. It is prerendered at build time, so the
 * CLOSEREAD_BENCH switch is read then: a build made without CLOSEREAD_BENCH=1 serves a 404
 * here. `npm run bench` rebuilds with the switch on when the current build lacks this page.
 */
import { notFound } from 'next/navigation';

export const dynamic = 'force-static';

export default function StaticBaselinePage() {
  if (process.env.CLOSEREAD_BENCH !== '1') notFound();
  return (
    <main>
      <h1>Static baseline</h1>
      <p data-bench-baseline="static">Prerendered at build time; no data access.</p>
    </main>
  );
}
