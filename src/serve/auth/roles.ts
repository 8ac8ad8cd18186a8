/**
 * Who may do what: viewer < attester < admin. The one roles module of the dashboard: the ranking is the
 * store's (`roleAtLeast`, `ROLES` of src/store/repositories/users.ts, seeded by migration 0001), the checks
 * and the audit actor are here; src/serve/access.ts only reads the user from the request context and calls
 * them.
 */
import { HTTPException } from 'hono/http-exception';
import type { Actor } from '../../store/repositories/context.js';
import { roleAtLeast, type Role } from '../../store/repositories/users.js';

export type { Role } from '../../store/repositories/users.js';
export { ROLES, roleAtLeast } from '../../store/repositories/users.js';

/** Anyone with a role: the signed-in user of team mode, or the dashboard's local admin (id null). */
export interface RoleHolder {
  readonly id: number | null;
  /** Shown in the page header. */
  readonly name: string;
  /** Team mode's users have one; the audit log names them by it. */
  readonly email?: string;
  readonly role: Role;
}

/** The signed-in user as the auth module sees it (`c.get('user')`). */
export interface AuthUser extends RoleHolder {
  readonly id: number;
  readonly email: string;
}

export function hasRole<U extends RoleHolder>(user: U | undefined, role: Role): user is U {
  return user !== undefined && roleAtLeast(user.role, role);
}

/**
 * Throws 401 without a user and 403 when the user's role is below `role`; after it, `user` is defined.
 * Hono's error handler turns the HTTPException into the response.
 */
export function requireRole<U extends RoleHolder>(user: U | undefined, role: Role): asserts user is U {
  if (user === undefined) throw new HTTPException(401, { message: 'Sign in first.' });
  if (!roleAtLeast(user.role, role)) throw new HTTPException(403, { message: `This needs the ${role} role; you are signed in as ${user.role}.` });
}

/** The store's actor for a user's writes: the audit log shows the email (team mode) or the name (`local:<os user>`). */
export function actorOf(user: RoleHolder | undefined): Actor {
  return user === undefined ? { userId: null, label: 'anonymous' } : { userId: user.id, label: user.email ?? user.name };
}
