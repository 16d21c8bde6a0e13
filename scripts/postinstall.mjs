// Runs after `npm install`: generates the Prisma client offline.
// The schema engine binary cannot be downloaded on these machines and `prisma generate`
// does not need it, so point Prisma at a stand-in (see docs/adr/0002-offline-prisma.md).
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);
