/**
 * Fixed-window failure counters for sign-in, per email and per IP. In memory: one app process
 * serves Closeread; a multi-process deployment would move this to the database.
 */
export type RateLimiter = {
  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
};

export function createRateLimiter(opts: { maxFailures: number; windowMs: number }): RateLimiter {
  const entries = new Map<string, { count: number; windowStart: number }>();
  const current = (key: string, now: number) => {
    const e = entries.get(key);
    if (!e || now - e.windowStart >= opts.windowMs) return undefined;
    return e;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const e = current(key, now);
      if (!e || e.count < opts.maxFailures) return 0;
      return Math.ceil((e.windowStart + opts.windowMs - now) / 1000);
    },
    recordFailure(key, now = Date.now()) {
      const e = current(key, now);
      if (e) e.count += 1;
      else entries.set(key, { count: 1, windowStart: now });
      // Bound memory: forget expired windows now and then.
      if (entries.size > 10_000) {
        for (const [k, v] of entries) if (now - v.windowStart >= opts.windowMs) entries.delete(k);
      }
    },
    reset(key) {
      entries.delete(key);
    },
  };
}

export const signInLimits = {
  byEmail: createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 }),
  byIp: createRateLimiter({ maxFailures: 20, windowMs: 15 * 60_000 }),
};
