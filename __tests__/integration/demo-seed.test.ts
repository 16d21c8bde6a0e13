import { connectDb, db } from '@/lib/db/client';
import { getReaderView } from '@/lib/documents/get-reader';
import { seedDemo, DEMO_PASSWORD } from '@/lib/seed/demo';
import { signInWithPassword } from '@/lib/auth/credentials';
import { AppError } from '@/lib/errors/app-error';
import { getLibrary } from '@/lib/documents/library';

describe('demo seed', () => {
  const client = connectDb(process.env.DATABASE_URL!);
  afterAll(async () => {
    await client.$disconnect();
    await db().$disconnect();
  });

  it('creates the demo workspace once; a second run changes nothing', async () => {
    await seedDemo(client);
    // Scoped to the demo workspace: other test files write to the same database meanwhile.
    const inDemo = { workspace: { slug: 'demo' } };
    const counts = async () => ({
      users: await client.user.count({
        where: { email: { in: ['alice@example.com', 'bob@example.com'] } },
      }),
      documents: await client.document.count({ where: inDemo }),
      annotations: await client.annotation.count({ where: { document: inDemo } }),
      comments: await client.comment.count({ where: { annotation: { document: inDemo } } }),
    });
    const before = await counts();
    expect(await seedDemo(client)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
    const ws = await client.workspace.findUniqueOrThrow({
      where: { slug: 'demo' },
      include: { memberships: true },
    });
    expect(ws.name).toBe('Demo reading group');
    expect(ws.memberships.map((m) => m.role).sort()).toEqual(['MEMBER', 'OWNER']);
  });

  it('lets the demo users sign in and read the document with its highlights and threads', async () => {
    const alice = await signInWithPassword({ email: 'alice@example.com', password: DEMO_PASSWORD });
    expect(alice?.email).toBe('alice@example.com');
    const library = await getLibrary(alice!.id, 'demo');
    expect(library.documents).toHaveLength(1);
    const view = await getReaderView(alice!.id, library.documents[0]!.id);
    expect(view.blocks.length).toBeGreaterThanOrEqual(8);
    const marked = view.blocks.flatMap((b) =>
      b.segments.filter((s) => s.annotationIds.length).map((s) => s.text),
    );
    expect(marked).toContain('continued to improve');
    expect(view.blocks.reduce((n, b) => n + b.threadIds.length, 0)).toBe(4);
    expect(view.summaries.filter((a) => a.commentCount > 0)).toHaveLength(3);
    expect(view.summaries.find((a) => a.quote === 'continued to improve')?.commentCount).toBe(3);
    // The reply thread has a nested reply.
    const nested = await client.comment.count({ where: { parent: { parentId: { not: null } } } });
    expect(nested).toBeGreaterThanOrEqual(1);
  });

  it('hides the demo workspace from a non-member as NOT_FOUND', async () => {
    const outsider = await client.user.create({
      data: { email: `out-${Date.now()}@example.com`, name: 'Out' },
    });
    const doc = await client.document.findFirstOrThrow({ where: { workspace: { slug: 'demo' } } });
    await expect(getLibrary(outsider.id, 'demo')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getReaderView(outsider.id, doc.id)).rejects.toBeInstanceOf(AppError);
    await expect(getReaderView(outsider.id, 'no-such-document')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('never returns password hashes from ordinary queries', async () => {
    const user = await client.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    expect(user).not.toHaveProperty('passwordHash');
  });
});
