import { defineConfig } from 'prisma/config';

// Prisma 7 reads no .env file. `prisma generate` needs no database, so a clean machine
// without DATABASE_URL gets a harmless placeholder instead of an error.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://placeholder@127.0.0.1:5432/placeholder',
  },
});
