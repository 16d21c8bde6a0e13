/**
 * Works around a memory leak in React's server renderer under concurrent load (issue 10's soak:
 * the live heap grew ~100 MB/min at 100 readers until the 512 MB cap). Installed by
 * instrumentation.ts's register().
 *
 * When a Server Components render completes, React aborts its cacheSignal controller with
 * `new Error('This render completed successfully. …')`, inside a setImmediate callback. V8 keeps
 * an Error's stack as structured frames until `.stack` is first read, and each frame holds its
 * receiver: here the Immediate. A run Immediate keeps its `_idleNext` link to the Immediates
 * queued after it, which belong to other renders in flight and carry their AsyncLocalStorage
 * store (the render's Request, whose cacheController holds the next such Error). Under load the
 * queue is never empty, so every finished render stays reachable from the one before it, with
 * its response, streams and payload. Heap snapshots showed exactly that chain (bench/README.md,
 * Soak). Reported upstream: react/react#37288 (fix in react/react#37289, not released),
 * vercel/next.js#97434.
 *
 * Reading `.stack` once turns the frames into a string and drops the references. This does it
 * for the reason of every AbortController.abort() in the process, after the abort: the reason
 * is unchanged for every listener, only its stack is formatted early. Remove once the React
 * shipped with Next no longer creates the completion reason with a stack.
 */

const INSTALLED = Symbol.for('closeread.abortReasonStacks');

export function installAbortReasonStackRelease(): void {
  const proto = AbortController.prototype as AbortController & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const abort = proto.abort;
  Object.defineProperty(proto, 'abort', {
    configurable: true,
    writable: true,
    value: function abortAndFormatReasonStack(this: AbortController, reason?: unknown) {
      try {
        abort.call(this, reason);
      } finally {
        const settled: unknown = this.signal.reason;
        if (settled instanceof Error) void settled.stack;
      }
    },
  });
  proto[INSTALLED] = true;
}
