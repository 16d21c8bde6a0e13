/** Password hashing with argon2id (memory-hard), via @node-rs/argon2's prebuilt binding. */
import { hash, verify } from '@node-rs/argon2';

// Argon2id is the default algorithm. OWASP baseline: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the email is unknown keeps timing the same either way.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('closeread-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}
