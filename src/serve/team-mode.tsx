/**
 * Team mode wired into the dashboard: adapts the auth module's seam (src/serve/auth/, createAuth) to the
 * dashboard's AuthSeam (src/serve/access.ts). The auth routes are mounted before the dashboard's pages
 * (they protect themselves); every other request goes through the session check, then the CSRF-token
 * check, and carries the session's token so `csrfField(c)` puts it in every form.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Store } from '../store/db.js';
import type { AppContext, AppEnv, AuthSeam } from './access.js';
import { createAuth, type AuthSeam as TeamAuth, type AuthUser } from './auth/index.js';
import type { AuthEnvSettings } from './auth/config.js';
import type { PageParts } from './auth/options.js';
import { AuthLayout } from './auth/pages/layout.js';
import { Layout } from './layout.js';

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
      // The auth routes answer before the dashboard's middleware runs, so they need the session themselves:
      // without it the admin pages see nobody and signing out cannot end the session in the store.
      app.use(`${auth.basePath}/*`, auth.session as unknown as MiddlewareHandler<AppEnv>);
      app.route(auth.basePath, auth.routes);
    },
  };
}

/**
 * The auth pages in the dashboard's frame: a signed-in user (the users and audit pages) gets the top bar
 * (the dashboard's links, sign out); the sign-in page keeps the plain frame, with the dashboard's styles.
 */
function renderAuthPage(getAuth: () => TeamAuth) {
  return async (c: Context, page: PageParts): Promise<Response> => {
    const user = c.get('user') as AuthUser | undefined;
    if (user === undefined) {
      return c.html(
        <AuthLayout title={page.title} stylesheetHref="/assets/dashboard.css">
          {page.body}
        </AuthLayout>,
      );
    }
    const dashboard = c as unknown as AppContext;
    dashboard.set('user', user);
    dashboard.set('csrfToken', getAuth().csrfToken(c));
    const html = (
      <Layout c={dashboard} title={page.title}>
        {page.body}
      </Layout>
    ) as unknown as { toString(): string | Promise<string> };
    // No status here: the auth module set it (c.status) before calling.
    return c.html(`<!doctype html>\n${await html.toString()}`);
  };
}

export function teamModeSeam(options: TeamModeOptions): AuthSeam {
  const { settings } = options;
  // The renderer reads `auth` when a page is rendered, after createAuth has returned.
  const auth: TeamAuth = createAuth({
    store: options.store,
    secure: options.secure,
    trustProxy: options.trustProxy,
    passwords: settings.passwords,
    publicPaths: ['/assets/'],
    stylesheetHref: '/assets/dashboard.css',
    renderPage: renderAuthPage(() => auth),
    ...(settings.oidc ? { oidc: settings.oidc } : {}),
    ...(settings.secret ? { secret: settings.secret } : {}),
  });
  const ways = [settings.passwords ? 'local accounts' : null, settings.oidc ? `OIDC ${settings.oidc.issuer}` : null].filter(Boolean);
  return dashboardSeam(auth, ways.join(' and '));
}
