/**
 * Who is asking, and may they: the one seam between the dashboard and team-mode authentication.
 *
 * Without auth (loopback only) every request acts as the local admin (the OS user who ran `ftr serve`).
 * With auth (src/serve/auth/, team mode) the seam's middleware signs the user in, sets `c.var.user` and a
 * CSRF token in `c.var.csrfToken`, and checks that token on every unsafe request. Pages and routes only use
 * the three helpers below, so they do not change when auth lands:
 *   - `requireRole(c, 'attester' | 'admin')` at the top of every mutating route;
 *   - `csrfField(c)` inside every <form> that posts;
 *   - `actorOf(c)` for the store's audit log and version history.
 */
import { userInfo } from 'node:os';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { jsx } from 'hono/jsx';
import type { Actor } from '../store/db.js';
import { actorOf as actorOfUser, requireRole as requireUserRole, type RoleHolder, type Role } from './auth/roles.js';

// One roles module (src/serve/auth/roles.ts); re-exported for the pages.
export { ROLES, roleAtLeast, type Role } from './auth/roles.js';

/**
 * The signed-in user (team mode: id, display name, email, role) or the local admin (loopback without
 * auth: id null, `local:<os user>`, admin).
 */
export type DashboardUser = RoleHolder;

/** Hono's environment for every dashboard route. */
export interface AppEnv {
  Variables: {
    user: DashboardUser;
    /** Set by the auth seam's middleware; csrfField renders it. Absent without auth. */
    csrfToken: string | undefined;
  };
}

export type AppContext = Context<AppEnv>;

/**
 * What team-mode authentication plugs in (src/serve/auth/ builds one). `createApp({ store, auth })`:
 *   1. mounts `routes` first (sign-in, sign-out, OIDC callback, the audit page): they run before `middleware`
 *      and must allow themselves to anonymous users where needed;
 *   2. runs `middleware` before every other route: it must either set `c.var.user` (and `c.var.csrfToken`,
 *      and refuse unsafe requests whose token is wrong) and call `next()`, or answer itself (redirect to the
 *      sign-in page, 401).
 * Without `auth`, createApp sets `c.var.user` to `localAdmin()` and refuses to be bound to anything but
 * loopback (the serve command checks `isLoopbackHost`).
 */
export interface AuthSeam {
  readonly middleware: MiddlewareHandler<AppEnv>;
  readonly routes?: (app: Hono<AppEnv>) => void;
  /** A short description for the start-up line ("local accounts", "OIDC https://issuer"). */
  readonly description?: string;
}

let localAdminUser: DashboardUser | undefined;

/** The local admin: whoever started `ftr serve` on loopback (looked up once: it is set on every request). */
export function localAdmin(): DashboardUser {
  if (localAdminUser) return localAdminUser;
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  localAdminUser = { id: null, name: `local:${name}`, role: 'admin' };
  return localAdminUser;
}

/** Refuses the request (403) unless the user has at least `needed`. Call it first in every mutating route. */
export function requireRole(c: AppContext, needed: Exclude<Role, 'viewer'>): DashboardUser {
  const user: DashboardUser | undefined = c.get('user');
  requireUserRole(user, needed);
  return user;
}

/** The store's actor for what this request changes (audit log, attestation versions). */
export function actorOf(c: AppContext): Actor {
  return actorOfUser(c.get('user'));
}

/** The hidden CSRF-token field of every form; renders nothing until the auth seam sets a token. */
export function csrfField(c: AppContext) {
  const token = c.get('csrfToken');
  return token === undefined ? null : jsx('input', { type: 'hidden', name: '_csrf', value: token });
}

/** Loopback addresses the dashboard may listen on without authentication (one definition, in team mode's first-run check). */
export { isLoopbackHost } from './auth/first-run.js';
