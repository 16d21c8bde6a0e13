import { spendRequestBudget } from '@/lib/auth/request-budget';

it('answers 429 with Retry-After once a token spends its minute', () => {
  const t = 5_000_000;
  for (let i = 0; i < 3; i++) spendRequestBudget('tok-a', t + i, 3);
  let error: unknown;
  try {
    spendRequestBudget('tok-a', t + 20_000, 3);
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 40 });
  // Another token is unaffected, and the window resets.
  expect(() => spendRequestBudget('tok-b', t + 20_000, 3)).not.toThrow();
  expect(() => spendRequestBudget('tok-a', t + 60_000, 3)).not.toThrow();
});
