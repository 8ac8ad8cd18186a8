/**
 * The seam between team mode and the dashboard (src/serve/app.ts). The dashboard takes an optional
 * AuthSeam; without one it runs as a local admin on loopback. With one:
 *
 *   const auth = createAuth({ store, secure, trustProxy, oidc });
 *   const app = new Hono();
 *   auth.install(app);            // FIRST: session + CSRF middleware on '*', then the /auth routes
 *   app.get('/', (c) => { requireRole(c.get('user'), 'viewer'); ... auth.csrfToken(c) ... });
 *
 * Hono runs handlers in registration order, so a route registered before install() would answer without
 * the session check: install() must come before every other route.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import type { Actor, AuditEntry } from '../../store/repositories/context.js';
import type { AuthUser } from './roles.js';

/** What the session middleware puts on the context. `user` is undefined only on public paths. */
export interface AuthVariables {
  user: AuthUser | undefined;
  authSession: { readonly idHash: string; readonly csrfToken: string } | undefined;
}

export interface AuthEnv {
  Variables: AuthVariables;
}

export interface AuthSeam {
  /** Where the routes are mounted (`/auth`). */
  readonly basePath: string;
  /**
   * Resolves the session cookie to `c.get('user')` ({id, name, email, role}). A request without a valid
   * session to a non-public path gets 302 to the sign-in page (a browser GET), 401 with HX-Redirect (htmx)
   * or 401 (anything else).
   */
  readonly session: MiddlewareHandler;
  /**
   * Refuses (403) every request other than GET/HEAD/OPTIONS unless it carries this session's CSRF token
   * (form field `_csrf`, or header `X-CSRF-Token` for htmx via hx-headers) and, when the browser says
   * where it comes from (Origin / Sec-Fetch-Site), comes from this site.
   */
  readonly csrf: MiddlewareHandler;
  /** Sign-in, sign-out, OIDC start/callback, users admin and the audit log: `app.route(basePath, routes)`. */
  readonly routes: Hono;
  /** session + csrf on '*' and the routes at basePath, on `app`. Call before registering any other route. */
  install(app: Hono): void;
  /** The CSRF token to put in a form (a signed-in user's session token, or the anonymous visitor's). */
  csrfToken(c: Context): string;
  /** `<input type="hidden" name="_csrf" value=...>` for a form. */
  csrfField(c: Context): Child;
  /** The store actor of the signed-in user, for repository writes (the audit log names them). */
  actor(c: Context): Actor;
  /** The audit hook: one line in the store's audit log, as the signed-in user (or `anonymous`). */
  audit(c: Context, entry: AuditEntry): Promise<void>;
  /** Deletes expired sessions and old sign-in failures (call now and then, e.g. hourly). */
  sweep(): Promise<void>;
}
