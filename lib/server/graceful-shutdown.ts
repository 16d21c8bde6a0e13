/**
 * The graceful shutdown of the Node.js server, installed by instrumentation.ts's register(). On SIGTERM or SIGINT:
 *
 * 1. stop accepting connections (only under `npm start`, see below: otherwise Next does it);
 * 2. end every server-sent-event stream with a `retry:` line, so browsers reconnect later
 *    (to the restarted server) and resume by Last-Event-ID;
 * 3. let in-flight requests finish, for at most DRAIN_MS;
 * 4. close the LISTEN connection and the database pool, then exit 0.
 *
 * `npm start` (scripts/start.ts) sets NEXT_MANUAL_SIG_HANDLE, which leaves the signals to this
 * handler (Next's documented way, docs/01-app/02-guides/self-hosting.md). Under a bare
 * `next start` or `next dev`, Next's own handler also runs: it closes the HTTP server, waits for
 * open connections (which only ends because step 2 ends the streams) and exits with 143;
 * steps 2–4 still run, the last racing Next's exit. In a process with no other handler (a build
 * worker, say) the signal still ends the process after step 4.
 *
 * In-flight requests are counted through Node's `http.server.request.start` diagnostics
 * channel, which also names the server. Nothing from lib/ is imported, so the instrumentation
 * bundle does not carry a second Prisma client: the live hub and the client are reached through
 * the globals lib/documents/live.ts and lib/db/client.ts keep them in.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

const DRAIN_MS = 8_000;
const EVENT_STREAM_END = 'retry: 5000\n: the server is stopping; reconnect later\n\n';

type Globals = {
  closereadShutdownInstalled?: boolean;
  closereadLiveHub?: { shutdown(): Promise<void> };
  closereadDb?: { $disconnect(): Promise<void> };
};

export async function installGracefulShutdown(): Promise<void> {
  const g = globalThis as Globals;
  if (g.closereadShutdownInstalled) return;
  g.closereadShutdownInstalled = true;

  const { subscribe } = await import('node:diagnostics_channel');
  const servers = new Set<Server>();
  const inFlight = new Set<ServerResponse>();
  // Event streams, recognised by the request (EventSource asks for text/event-stream; our streams
  // live at …/events): Next writes its response headers in one writeHead call, so
  // res.getHeader('content-type') does not see them.
  const streams = new WeakSet<ServerResponse>();
  subscribe('http.server.request.start', (message) => {
    const { request, response, server } = message as {
      request: IncomingMessage;
      response: ServerResponse;
      server: Server;
    };
    servers.add(server);
    inFlight.add(response);
    const accept = String(request.headers.accept ?? '');
    if (accept.includes('text/event-stream') || /\/events(\?|$)/.test(request.url ?? ''))
      streams.add(response);
    response.once('close', () => inFlight.delete(response));
  });

  const endEventStreams = () => {
    for (const res of inFlight) {
      const type = String(res.getHeader('content-type') ?? '');
      const isStream = streams.has(res) || type.startsWith('text/event-stream');
      if (isStream && res.headersSent && !res.writableEnded) {
        // The route's stream may still try to write before it sees the close: never crash on it.
        res.on('error', () => {});
        res.end(EVENT_STREAM_END);
      }
    }
  };

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Under `npm start` Next leaves the signal to us. Otherwise Next's own handler, when there
    // is one, closes the server and exits; where there is none, we end as the signal would.
    const manual = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
    const alone = process.listenerCount(signal) === 0;
    console.log(`closeread: ${signal}: finishing ${inFlight.size} open request(s), then stopping`);
    if (manual || alone) for (const server of servers) server.close();
    endEventStreams();
    await g.closereadLiveHub?.shutdown().catch(() => {});
    const deadline = Date.now() + DRAIN_MS;
    while (inFlight.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      endEventStreams(); // streams whose headers were not sent yet a moment ago
    }
    if (inFlight.size > 0) {
      console.error(`closeread: ${inFlight.size} request(s) still open after ${DRAIN_MS} ms`);
      for (const res of inFlight) res.destroy();
    }
    await g.closereadDb?.$disconnect().catch(() => {});
    console.log('closeread: closed the database connections');
    if (manual) process.exit(0);
    else if (alone) process.kill(process.pid, signal); // no handler left: the default action
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
