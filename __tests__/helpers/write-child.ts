/**
 * A stand-in for the app process in the kill tests: imports a large document, or uploads a
 * large revision, through the same domain functions the routes use, and is killed (SIGKILL) by
 * the test while the transaction is open. Run with tsx; DATABASE_URL names the database and an
 * application_name the test watches in pg_stat_activity.
 */
import { importDocument, importRevision } from '../../lib/documents/import-document';

const PARAGRAPHS = 6_000;

function text(variant: string): string {
  return Array.from(
    { length: PARAGRAPHS },
    (_, i) => `Paragraph ${i} ${variant}: the committee reviewed the measures and the outcome.`,
  ).join('\n\n');
}

async function main() {
  const [mode, userId, target] = process.argv.slice(2);
  if (!mode || !userId || !target)
    throw new Error('usage: write-child import|revise <user> <slug|doc>');
  console.log('writing');
  if (mode === 'import') {
    await importDocument(userId, target, { paste: { title: 'Killed import', text: text('new') } });
  } else {
    await importRevision(userId, target, { paste: { title: 'Killed revision', text: text('v2') } });
  }
  console.log('committed');
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
