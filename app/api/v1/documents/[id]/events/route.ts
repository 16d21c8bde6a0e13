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
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: LiveEvent) => {
        if (!eventVisibleTo(event, user.id)) return;
        const data = JSON.stringify({ type: event.type, ...event.payload });
        controller.enqueue(
          encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`),
        );
      };
      controller.enqueue(encoder.encode('retry: 2000\n: connected\n\n'));
      const unsubscribe = await liveHub().subscribe(params.id, send);
      if (lastId) for (const e of await eventsSince(params.id, lastId)) send(e);
      const heartbeat = setInterval(
        () => controller.enqueue(encoder.encode(': ping\n\n')),
        HEARTBEAT_MS,
      );
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
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
