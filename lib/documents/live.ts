/**
 * Live document events for readers: one LISTEN connection per app process fans NOTIFYs out to
 * the server-sent-event streams of that process. Every instance behind a load balancer listens,
 * so each delivers every event. Events are read back from the DocumentEvent table, which also
 * serves reconnecting readers (Last-Event-ID).
 */
import pg from 'pg';
import { db } from '../db/client';
import { EVENTS_CHANNEL } from './events';

export type LiveEvent = {
  id: string;
  documentId: string;
  type: string;
  payload: Record<string, unknown>;
};
type Listener = (event: LiveEvent) => void;

const REPLAY_LIMIT = 500;

class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private shutdownCallbacks = new Set<() => void>();

  constructor(private readonly url: () => string) {}

  /** `onShutdown` runs when the server stops (shutdown()): the stream should end itself. */
  async subscribe(
    documentId: string,
    listener: Listener,
    onShutdown?: () => void,
  ): Promise<() => void> {
    await this.connect();
    const set = this.listeners.get(documentId) ?? new Set();
    set.add(listener);
    this.listeners.set(documentId, set);
    if (onShutdown) this.shutdownCallbacks.add(onShutdown);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(documentId);
      if (onShutdown) this.shutdownCallbacks.delete(onShutdown);
    };
  }

  private connect(): Promise<void> {
    // After shutdown() no new LISTEN connection is opened; the server is ending every stream.
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.url(),
        connectionTimeoutMillis: 5_000,
      });
      client.on('notification', (msg) => void this.onNotify(msg.payload));
      client.on('error', () => this.reset());
      client.on('end', () => this.reset());
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** After a dropped connection the next subscriber reconnects; streams resume by event id. */
  private reset() {
    this.client = null;
  }

  private async onNotify(raw: string | undefined) {
    let note: { id: string; documentId: string };
    try {
      note = JSON.parse(raw ?? '');
    } catch {
      return;
    }
    const listeners = this.listeners.get(note.documentId);
    if (!listeners?.size) return;
    const row = await db()
      .documentEvent.findUnique({ where: { id: BigInt(note.id) } })
      .catch(() => null);
    if (!row) return;
    const event = toLive(row);
    for (const l of listeners) l(event);
  }

  async close() {
    const c = this.client;
    this.client = null;
    this.listeners.clear();
    await c?.end().catch(() => {});
  }

  /** Graceful shutdown (lib/server/graceful-shutdown.ts): ends every subscriber's stream and
   * closes the LISTEN connection for good. */
  async shutdown() {
    this.stopped = true;
    for (const end of [...this.shutdownCallbacks]) end();
    this.shutdownCallbacks.clear();
    await this.connecting?.catch(() => {});
    await this.close();
  }
}

function toLive(row: {
  id: bigint;
  documentId: string;
  type: string;
  payload: unknown;
}): LiveEvent {
  return {
    id: row.id.toString(),
    documentId: row.documentId,
    type: row.type,
    payload: row.payload as Record<string, unknown>,
  };
}

/** Events after `afterId` for a reconnecting reader. */
export async function eventsSince(documentId: string, afterId: string): Promise<LiveEvent[]> {
  let after: bigint;
  try {
    after = BigInt(afterId);
  } catch {
    return [];
  }
  const rows = await db().documentEvent.findMany({
    where: { documentId, id: { gt: after } },
    orderBy: { id: 'asc' },
    take: REPLAY_LIMIT,
  });
  return rows.map(toLive);
}

/** Whether a subscriber may learn of an event (private annotations reach only their author). */
export function eventVisibleTo(event: LiveEvent, userId: string): boolean {
  const p = event.payload;
  if (p.visibility === undefined || p.visibility === 'WORKSPACE') return true;
  return p.authorId === userId || p.wasVisibility === 'WORKSPACE';
}

// instrumentation.ts reaches the hub through this global to shut it down.
const globalHub = globalThis as unknown as { closereadLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  globalHub.closereadLiveHub ??= new LiveHub(() => process.env.DATABASE_URL!);
  return globalHub.closereadLiveHub;
}

export function createLiveHub(url: string): LiveHub {
  return new LiveHub(() => url);
}
