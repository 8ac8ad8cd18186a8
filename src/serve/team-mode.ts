/**
 * Team mode wired into the dashboard: adapts the auth module's seam (src/serve/auth/, createAuth) to the
 * dashboard's AuthSeam (src/serve/access.ts). The auth routes are mounted before the dashboard's pages
 * (they protect themselves); every other request goes through the session check, then the CSRF-token
 * check, and carries the session's token so `csrfField(c)` puts it in every form.
 */
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/db.js';
import type { AppEnv, AuthSeam } from './access.js';
import { createAuth, type AuthSeam as TeamAuth } from './auth/index.js';
import type { AuthEnvSettings } from './auth/config.js';

export interface TeamModeOptions {
  readonly store: Store;
  readonly settings: AuthEnvSettings;
  /** Served over TLS (directly or through a proxy): Secure cookies. */
  readonly secure: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For / -Proto / -Host. */
  readonly trustProxy: boolean;
}

/** The dashboard seam over an auth module instance (exported for tests that build their own). */
export function dashboardSeam(auth: TeamAuth, description: string): AuthSeam {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    // The auth module types its context loosely (any env); the dashboard's is AppEnv: same object.
    const ctx = c as unknown as Parameters<TeamAuth['session']>[0];
    const answered = await auth.session(ctx, async () => {
      // The session middleware lets public paths through without a user; the dashboard has none
      // besides its static files and the auth routes, which answer before this middleware runs.
      if (c.get('user') === undefined) {
        c.res = c.text('Sign in first.', 401);
        return;
      }
      c.set('csrfToken', auth.csrfToken(ctx));
      // A refusal comes back as a Response: it becomes the answer.
      const refused = await auth.csrf(ctx, next);
      if (refused instanceof Response) c.res = refused;
    });
    if (answered instanceof Response) c.res = answered;
  };
  return {
    description,
    middleware,
    routes: (app) => {
      app.route(auth.basePath, auth.routes);
    },
  };
}

export function teamModeSeam(options: TeamModeOptions): AuthSeam {
  const { settings } = options;
  const auth = createAuth({
    store: options.store,
    secure: options.secure,
    trustProxy: options.trustProxy,
    passwords: settings.passwords,
    publicPaths: ['/assets/'],
    stylesheetHref: '/assets/dashboard.css',
    ...(settings.oidc ? { oidc: settings.oidc } : {}),
    ...(settings.secret ? { secret: settings.secret } : {}),
  });
  const ways = [settings.passwords ? 'local accounts' : null, settings.oidc ? `OIDC ${settings.oidc.issuer}` : null].filter(Boolean);
  return dashboardSeam(auth, ways.join(' and '));
}
