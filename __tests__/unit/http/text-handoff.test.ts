import { createTextHandoff, textHandoff } from '@/lib/http/text-handoff';
import { TEXT_HANDOFF_KEY } from '@/lib/http/text-handoff-key';

describe('the reader-text hand-off', () => {
  it('gives the text once, for a random token', () => {
    const h = createTextHandoff();
    const a = h.put('<p>one</p>', 'user-1');
    const b = h.put('<p>two</p>', 'user-1');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(h.take(a)).toBe('<p>one</p>');
    expect(h.take(a)).toBeNull();
    expect(h.stats()).toEqual({ entries: 1, chars: '<p>two</p>'.length });
  });

  it('keeps a viewer’s text from other viewers, without spending it; public text is anyone’s', () => {
    const h = createTextHandoff();
    const mine = h.put('mine', 'user-1');
    expect(h.take(mine, 'user-2')).toBeNull();
    expect(h.take(mine, null)).toBeNull();
    expect(h.take(mine, 'user-1')).toBe('mine');
    const shared = h.put('public', null);
    expect(h.take(shared, 'user-2')).toBe('public');
    expect(h.take('f'.repeat(32), 'user-1')).toBeNull();
  });

  it('drops unclaimed text after its time, and the oldest when too much is held', () => {
    jest.useFakeTimers();
    try {
      const h = createTextHandoff(1_000, 10);
      const old = h.put('12345', null);
      const mid = h.put('67890', null);
      const next = h.put('abc', null); // 13 > 10 characters: the oldest goes
      expect(h.take(old)).toBeNull();
      expect(h.stats()).toEqual({ entries: 2, chars: 8 });
      jest.advanceTimersByTime(1_001);
      expect(h.take(mid)).toBeNull();
      expect(h.take(next)).toBeNull();
      expect(h.stats()).toEqual({ entries: 0, chars: 0 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is one per process, found through globalThis by every bundle', () => {
    const h = textHandoff();
    expect(textHandoff()).toBe(h);
    const token = h.put('shared', null);
    const seenByAnotherBundle = (globalThis as unknown as Record<symbol, typeof h | undefined>)[
      TEXT_HANDOFF_KEY
    ];
    expect(seenByAnotherBundle?.take(token)).toBe('shared');
  });
});
