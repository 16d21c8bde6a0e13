/** `npm run db:seed`: creates the demo workspace if it does not exist (idempotent). */
import { connectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrations';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../lib/seed/demo';
import { runMain, withDatabase } from './lib/database';

runMain(async () => {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    const client = connectDb(url);
    try {
      const { created } = await seedDemo(client);
      console.log(created ? 'seeded the demo workspace' : 'the demo workspace already exists');
      console.log(
        `demo sign-in: ${DEMO_USERS.map((u) => u.email).join(' or ')} / ${DEMO_PASSWORD}`,
      );
    } finally {
      await client.$disconnect();
    }
  });
});
