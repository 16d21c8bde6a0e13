/**
 * Per-token request budgets for the public API: a fixed window per token, answered with 429 and
 * Retry-After when spent. In memory, per app process (like the sign-in limits).
 */
import { AppError } from '../errors/app-error';

/** CLOSEREAD_API_REQUESTS_PER_MINUTE overrides it (a load test with one token sets it high). */
export const API_REQUESTS_PER_MINUTE = Number(process.env.CLOSEREAD_API_REQUESTS_PER_MINUTE) || 600;
const WINDOW_MS = 60_000;

const windows = new Map<string, { start: number; count: number }>();

export function spendRequestBudget(
  tokenKey: string,
  now = Date.now(),
  limit = API_REQUESTS_PER_MINUTE,
): void {
  let w = windows.get(tokenKey);
  if (!w || now - w.start >= WINDOW_MS) {
    w = { start: now, count: 0 };
    windows.set(tokenKey, w);
    if (windows.size > 10_000)
      for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
  }
  w.count += 1;
  if (w.count > limit) {
    const wait = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    throw new AppError(
      'RATE_LIMITED',
      `This API token made too many requests. Try again in ${wait} s.`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
}
