/** The auth pages' default frame when the dashboard gives none: plain HTML, no script, no inline style. */
import type { Child, FC } from 'hono/jsx';

export const AuthLayout: FC<{ title: string; stylesheetHref?: string | undefined; children?: Child }> = ({ title, stylesheetHref, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ftr-ready`}</title>
      {stylesheetHref !== undefined ? <link rel="stylesheet" href={stylesheetHref} /> : null}
    </head>
    <body class="auth-page">
      <main>{children}</main>
    </body>
  </html>
);

/** The hidden CSRF field every form carries. */
export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

export const Notice: FC<{ kind: 'error' | 'info'; text: string | null | undefined }> = ({ kind, text }) =>
  text === null || text === undefined || text === '' ? null : (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
