import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { schemaDrift } from '@/scripts/lib/schema-drift';
import { applyMigrations } from '@/lib/db/migrations';
import { createScratchDatabase } from '../helpers/db';

const schema = readFileSync(path.join(process.cwd(), 'prisma', 'schema.prisma'), 'utf8');

describe('schema drift', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    await applyMigrations(scratch.url);
    client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await scratch.drop();
  });

  it('the migrated database matches schema.prisma: tables, columns, types, nullability, indexes, foreign keys', async () => {
    expect(await schemaDrift(schema, client)).toEqual([]);
  });

  it('reports each kind of drift', async () => {
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE "Workspace" ADD COLUMN "extra" text');
      await client.query('ALTER TABLE "Workspace" ALTER COLUMN "name" DROP NOT NULL');
      await client.query('ALTER TABLE "Block" ALTER COLUMN "position" TYPE bigint');
      await client.query('DROP INDEX "Annotation_authorId_idx"');
      await client.query('ALTER TABLE "Comment" DROP CONSTRAINT "Comment_parentId_fkey"');
      const problems = await schemaDrift(schema, client);
      expect(problems).toEqual(
        expect.arrayContaining([
          'column Workspace.extra is in the database but not in schema.prisma',
          'column Workspace.name is nullable in the database',
          'column Block.position has type int8, schema says int4',
          'normal index on Annotation(authorId) is missing',
          'foreign key Comment(parentId) → Comment is missing',
        ]),
      );
      expect(problems).toHaveLength(5);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('a model without a migration is reported', async () => {
    const extended = `${schema}\nmodel Extra {\n  id String @id\n}\n`;
    expect(await schemaDrift(extended, client)).toEqual([
      'table Extra is missing from the database',
    ]);
  });
});
