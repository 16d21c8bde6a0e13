/** The workaround for React's render-completion leak (lib/server/abort-reason-stacks.ts). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { installAbortReasonStackRelease } from '@/lib/server/abort-reason-stacks';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// Jest shares the host's AbortController between test files: put the original back afterwards.
const original = Object.getOwnPropertyDescriptor(AbortController.prototype, 'abort')!;
beforeAll(() => installAbortReasonStackRelease());
afterAll(() => {
  Object.defineProperty(AbortController.prototype, 'abort', original);
  delete (AbortController.prototype as unknown as Record<symbol, unknown>)[
    Symbol.for('closeread.abortReasonStacks')
  ];
});

/**
 * What React does when a render completes: abort a controller with an Error made inside a
 * method of some large object (there, the Immediate that chains other renders). Returns a weak
 * reference to that object and the signal, which outlives it.
 */
function abortFromAMethod(): { holder: WeakRef<object>; signal: AbortSignal } {
  const controller = new AbortController();
  const holder = {
    payload: new Array(10_000).fill('render'),
    finish(this: object) {
      controller.abort(new Error('This render completed successfully.'));
    },
  };
  holder.finish();
  return { holder: new WeakRef(holder), signal: controller.signal };
}

it('lets the object an abort reason was created in be collected while the signal lives', async () => {
  const { holder, signal } = abortFromAMethod();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  expect(holder.deref()).toBeUndefined();
  expect((signal.reason as Error).message).toBe('This render completed successfully.');
  expect((signal.reason as Error).stack).toContain('finish');
});

it('leaves the reason and the listeners as they were', () => {
  const controller = new AbortController();
  const reason = new Error('stop');
  const seen: unknown[] = [];
  controller.signal.addEventListener('abort', () => seen.push(controller.signal.reason));
  controller.abort(reason);
  controller.abort(new Error('again'));
  expect(seen).toEqual([reason]);
  expect(controller.signal.reason).toBe(reason);

  const plain = new AbortController();
  plain.abort();
  expect((plain.signal.reason as DOMException).name).toBe('AbortError');
  const other = new AbortController();
  other.abort('a string');
  expect(other.signal.reason).toBe('a string');
});

it('installs once', () => {
  const patched = AbortController.prototype.abort;
  installAbortReasonStackRelease();
  expect(AbortController.prototype.abort).toBe(patched);
});
