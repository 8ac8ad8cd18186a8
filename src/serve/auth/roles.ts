/** Who may do what: viewer < attester < admin. The dashboard's routes call requireRole before acting. */
import { HTTPException } from 'hono/http-exception';
import type { Actor } from '../../store/repositories/context.js';
import { roleAtLeast, type Role } from '../../store/repositories/users.js';

export type { Role } from '../../store/repositories/users.js';
export { ROLES } from '../../store/repositories/users.js';

/** The signed-in user as the dashboard sees it (`c.get('user')`). */
export interface AuthUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

export function hasRole(user: AuthUser | undefined, role: Role): user is AuthUser {
  return user !== undefined && roleAtLeast(user.role, role);
}

/**
 * Throws 401 without a user and 403 when the user's role is below `role`; after it, `user` is defined.
 * Hono's error handler turns the HTTPException into the response.
 */
export function requireRole(user: AuthUser | undefined, role: Role): asserts user is AuthUser {
  if (user === undefined) throw new HTTPException(401, { message: 'Sign in first.' });
  if (!roleAtLeast(user.role, role)) throw new HTTPException(403, { message: `This needs the ${role} role; you are ${user.role}.` });
}

/** The store's actor for a user's writes (the audit log shows the email). */
export function actorOf(user: AuthUser | undefined): Actor {
  return user === undefined ? { userId: null, label: 'anonymous' } : { userId: user.id, label: user.email };
}
