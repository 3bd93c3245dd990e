/**
 * Password hashing with argon2id (@node-rs/argon2). Unknown emails still cost one verify so the
 * response time does not tell whether an account exists.
 */
import { hash, verify } from '@node-rs/argon2';

/** argon2id cost parameters (memory in KiB). */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
}

// @node-rs/argon2 exports Algorithm as a const enum (unusable under isolatedModules): 2 = Argon2id.
const ARGON2ID = 2 as const;

/** Hashes a password into a PHC string (`$argon2id$…`). */
export function hashPassword(password: string, cost: Argon2Cost): Promise<string> {
  return hash(password, { algorithm: ARGON2ID as never, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

let dummy: Promise<string> | null = null;

/**
 * Verifies `password` against `stored`; with `stored` null (no such account) verifies against a
 * dummy hash and returns false, so both paths take about as long.
 */
export async function checkPassword(stored: string | null, password: string, cost: Argon2Cost): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword('satchel-dummy-password', cost);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
