/**
 * Local-account passwords: argon2id through @node-rs/argon2 (prebuilt, no install script), with OWASP's
 * minimum parameters (19 MiB, 2 iterations, 1 lane), which are also the library's defaults. Only the
 * encoded hash ($argon2id$...) is stored; a stored hash with other parameters still verifies.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 12;
/** Bounded so a megabyte "password" cannot make hashing a denial of service. */
export const PASSWORD_MAX_LENGTH = 256;

// algorithm 2 is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Why `password` is not acceptable for `email`, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be the email address.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `encoded`. With no stored hash (unknown user, OIDC-only user) a dummy hash is
 * verified anyway, so the answer takes as long and an attacker cannot tell accounts apart by timing.
 */
export async function verifyPassword(encoded: string | null, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) return false;
  if (encoded === null) {
    dummyHash ??= hash(randomBytes(16).toString('hex'), PARAMS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(encoded, password);
  } catch {
    // Not an argon2 hash (a corrupt or foreign value): never a match.
    return false;
  }
}
