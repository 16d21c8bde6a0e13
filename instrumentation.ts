/**
 * Next.js calls register() once when a server process starts, in every runtime. The Node.js
 * server gets its graceful shutdown (lib/server/graceful-shutdown.ts); the import is inside the
 * runtime check so the Edge bundle (proxy.ts) never sees Node-only APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown } = await import('./lib/server/graceful-shutdown');
  await installGracefulShutdown();
}
