import { documentForMember } from '@/lib/documents/access';
import { eventsSince, eventVisibleTo, liveHub, type LiveEvent } from '@/lib/documents/live';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 25_000;

/** Server-sent events for one document: new, edited, resolved and deleted threads and comments. */
export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  await documentForMember(user.id, params.id);
  const encoder = new TextEncoder();
  const lastId = req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId');
  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  const stop = () => {
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    unsubscribe();
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // Writing to a stream the client has left ends our side of it too.
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const send = (event: LiveEvent) => {
        if (!eventVisibleTo(event, user.id)) return;
        const data = JSON.stringify({ type: event.type, ...event.payload });
        write(`id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`);
      };
      const onAbort = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      req.signal.addEventListener('abort', onAbort);
      write('retry: 2000\n: connected\n\n');
      // When the server stops, end the stream with a retry hint: the browser reconnects later.
      unsubscribe = await liveHub().subscribe(params.id, send, () => {
        write('retry: 5000\n: the server is stopping; reconnect later\n\n');
        onAbort();
      });
      if (lastId) for (const e of await eventsSince(params.id, lastId)) send(e);
      heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      // The client may have gone while we were subscribing.
      if (req.signal.aborted || closed) onAbort();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
