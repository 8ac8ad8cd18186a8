/** The sign-in page: email + password (local accounts) and/or a link to the OIDC provider. */
import type { FC } from 'hono/jsx';
import { CsrfField, Notice } from './layout.js';

export interface SignInProps {
  readonly action: string;
  readonly csrfToken: string;
  readonly next: string;
  readonly passwords: boolean;
  /** The OIDC start URL and the provider's label, when OIDC is configured. */
  readonly oidc: { readonly href: string; readonly label: string } | null;
  readonly email?: string;
  readonly error?: string | null;
}

export const SignInPage: FC<SignInProps> = (p) => (
  <section class="sign-in">
    <h1>Sign in to ftr-ready</h1>
    <Notice kind="error" text={p.error} />
    {p.passwords ? (
      <form method="post" action={p.action}>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <p>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={p.email ?? ''} />
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={256} />
        </p>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    ) : null}
    {p.oidc !== null ? (
      <p>
        <a class="button" href={p.oidc.href}>{`Sign in with ${p.oidc.label}`}</a>
      </p>
    ) : null}
    {!p.passwords && p.oidc === null ? <p>No sign-in method is configured. Ask the administrator.</p> : null}
  </section>
);
