import net from 'node:net';
import { GET } from '@/app/api/health/route';
import { connectDb, db } from '@/lib/db/client';
import { checkHealth } from '@/lib/health/check';

describe('GET /api/health', () => {
  afterAll(() => db().$disconnect());

  it('reports the version and a reachable database with 200', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: expect.any(String), database: 'up' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when the database is down', async () => {
    const saved = process.env.DATABASE_URL;
    // A port nothing listens on: the database is "down".
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/closeread';
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    } finally {
      await db().$disconnect();
      process.env.DATABASE_URL = saved;
    }
  });

  it('checkHealth does not hang when the database accepts connections but never answers', async () => {
    // A loopback server that accepts TCP and stays silent, like a stuck database.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const client = connectDb(`postgresql://postgres@127.0.0.1:${port}/none`);
    const started = Date.now();
    const health = await checkHealth(client, 'x');
    expect(health.database).toBe('down');
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const s of sockets) s.destroy();
    silent.close();
    await client.$disconnect().catch(() => {});
  });
});
