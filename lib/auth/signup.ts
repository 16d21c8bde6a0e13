import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email('Enter a valid email address')
  .max(254);
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(80),
    email: emailSchema,
    password: passwordSchema,
  })
  .strict();

/** Creates an account. An email already in use is a CONFLICT. */
export async function signUp(input: unknown): Promise<{ id: string; email: string; name: string }> {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().user.create({
      data: { name: data.name, email: data.email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      throw new AppError(
        'CONFLICT',
        'An account with this email already exists. Sign in instead.',
        {
          fields: { email: ['An account with this email already exists'] },
        },
      );
    }
    throw err;
  }
}

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: passwordSchema })
  .strict();

export async function changePassword(userId: string, input: unknown): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError('BAD_REQUEST', 'The current password is not correct.', {
      fields: { currentPassword: ['The current password is not correct'] },
    });
  }
  await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(data.newPassword) },
  });
}
