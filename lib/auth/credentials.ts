/** Email + password sign-in, independent of next-auth so it can be tested directly. */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { signInLimits } from './rate-limit';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignedInUser = { id: string; email: string; name: string };

/** Returns the user, or null with one generic outcome whether or not the email exists.
 *  Throws AppError('RATE_LIMITED') with a retry time after repeated failures. */
export async function signInWithPassword(
  input: unknown,
  ip: string = 'unknown',
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const wait = Math.max(signInLimits.byEmail.retryAfter(email), signInLimits.byIp.retryAfter(ip));
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${wait} s.`, {
      retryAfterSeconds: wait,
    });
  }
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDecoy(password);
  if (!user || !ok) {
    signInLimits.byEmail.recordFailure(email);
    signInLimits.byIp.recordFailure(ip);
    return null;
  }
  signInLimits.byEmail.reset(email);
  return { id: user.id, email: user.email, name: user.name };
}
