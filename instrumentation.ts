/**
 * Next.js calls register() once when a server process starts, in every runtime. The Node.js
 * server gets its graceful shutdown (lib/server/graceful-shutdown.ts) and the workaround for
 * React's render-completion leak (lib/server/abort-reason-stacks.ts); the imports are inside the
 * runtime check so the Edge bundle (proxy.ts) never sees Node-only APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installAbortReasonStackRelease } = await import('./lib/server/abort-reason-stacks');
  installAbortReasonStackRelease();
  const { installGracefulShutdown } = await import('./lib/server/graceful-shutdown');
  await installGracefulShutdown();
}
