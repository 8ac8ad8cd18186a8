/** The page shell of every dashboard page: stylesheets and scripts as files (the CSP allows no inline script). */
import type { Child, FC } from 'hono/jsx';
import { TOOL_VERSION } from '../version.js';
import { csrfField, roleAtLeast, type AppContext } from './access.js';
import { HTMX_CONFIG, HTMX_PATH } from './assets.js';

export const Layout: FC<{ c: AppContext; title: string; children?: Child }> = ({ c, title, children }) => {
  const user = c.get('user');
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${title} — ftr-ready`}</title>
        <link rel="stylesheet" href="/assets/report.css" />
        <link rel="stylesheet" href="/assets/dashboard.css" />
        <script src={HTMX_PATH} defer></script>
        <script src="/assets/dashboard.js" defer></script>
      </head>
      <body hx-boost="false">
        <nav class="topbar" aria-label="Dashboard">
          <span class="brand">ftr-ready</span>
          <a href="/">Overview</a>
          <a href="/assessments">Assessments</a>
          <a href="/diff">Diff</a>
          <a href="/scans">Scans</a>
          <span class="who">
            {user.name} ({user.role}) · ftr-ready {TOOL_VERSION}
          </span>
          {/* Team mode (a session CSRF token exists): the admin pages of the auth module and signing out. */}
          {c.get('csrfToken') !== undefined ? (
            <>
              {roleAtLeast(user.role, 'admin') ? (
                <>
                  <a href="/auth/users">Users</a>
                  <a href="/auth/audit">Audit log</a>
                </>
              ) : null}
              <form method="post" action="/auth/sign-out" class="inline">
                {csrfField(c)}
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
        </nav>
        <div class="page">{children}</div>
      </body>
    </html>
  );
};

/** A whole page as the response (with the doctype hono/jsx leaves out). */
export async function page(c: AppContext, title: string, body: Child, status: 200 | 400 | 403 | 404 | 409 | 413 | 415 | 500 | 503 = 200): Promise<Response> {
  const html = (
    <Layout c={c} title={title}>
      {body}
    </Layout>
  ) as unknown as { toString(): string | Promise<string> };
  return c.html(`<!doctype html>\n${await html.toString()}`, status);
}

/** A fragment for htmx swaps. */
export async function fragment(c: AppContext, body: Child, status: 200 | 400 | 409 | 413 | 415 = 200): Promise<Response> {
  const node = (<>{body}</>) as unknown as { toString(): string | Promise<string> };
  return c.html(await node.toString(), status);
}
