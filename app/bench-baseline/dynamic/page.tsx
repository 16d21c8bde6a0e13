/** Benchmark baseline (b): a server-rendered page on every request, with no database access. */
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default async function DynamicBaselinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (process.env.CLOSEREAD_BENCH !== '1') notFound();
  const params = await searchParams;
  const items = Array.from({ length: 10 }, (_, i) => `Item ${i + 1}`);
  return (
    <main>
      <h1>Dynamic baseline</h1>
      <p>
        Rendered at {new Date().toISOString()} for {Object.keys(params).length} parameters.
      </p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </main>
  );
}
