/**
 * Team mode's settings and their defaults. The numbers are documented in docs/workspace.md ("Team mode")
 * and docs/decisions/0010-dashboard-auth.md; change them there too.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Store } from '../../store/db.js';
import type { Role } from '../../store/repositories/users.js';

export const AUTH_LIMITS = {
  /** A session unused for this long is over (sign in again). */
  idleTimeoutMs: 60 * 60 * 1000,
  /** A session is over this long after sign-in, however active. */
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
  /** last_seen_at is written at most this often (one write per minute per session, not per request). */
  touchIntervalMs: 60 * 1000,
  /** The window the failed sign-ins below are counted in. */
  rateLimitWindowMs: 15 * 60 * 1000,
  /** Failed sign-ins per account (email) in the window before it is locked for the rest of the window. */
  maxFailuresPerAccount: 5,
  /** Failed sign-ins per client address in the window (several accounts tried from one place). */
  maxFailuresPerIp: 20,
  /** How long an OIDC sign-in may take between leaving for the provider and coming back. */
  oidcFlowMs: 10 * 60 * 1000,
} as const;

export type AuthLimits = { readonly [K in keyof typeof AUTH_LIMITS]: number };

export interface OidcOptions {
  /** The issuer URL (its /.well-known/openid-configuration is read on first use). */
  readonly issuer: string;
  readonly clientId: string;
  /** From an environment variable (FTR_OIDC_CLIENT_SECRET); never written to a file by ftr-ready. */
  readonly clientSecret: string;
  /** The callback URL registered at the provider: https://<host>/auth/oidc/callback. */
  readonly redirectUrl: string;
  /** Default `openid email profile`. */
  readonly scope?: string;
  /** Shown on the button: "Sign in with <label>". Default "single sign-on". */
  readonly label?: string;
  /**
   * Role of a user the provider signs in who has no account yet. Default null: refused (an admin adds them
   * first with `ftr users add --oidc`). Set it only for a provider that admits your team alone.
   */
  readonly autoCreateRole?: Role | null;
  /** Tests only: accept an http:// issuer (a fake provider on 127.0.0.1). */
  readonly allowInsecureHttp?: boolean;
}

export interface PageParts {
  readonly title: string;
  readonly body: Child;
}

export interface AuthOptions {
  readonly store: Store;
  /** Where the routes are mounted. Default `/auth`. */
  readonly basePath?: string;
  /** Where to go after signing in when no `next` was asked for. Default `/`. */
  readonly homePath?: string;
  /** Secure cookies (served over TLS, directly or through a reverse proxy). Also on when a request is https. */
  readonly secure?: boolean;
  /**
   * Behind a reverse proxy: the client address is the last X-Forwarded-For entry, the scheme and host are
   * X-Forwarded-Proto / X-Forwarded-Host. Off by default (a client could forge them).
   */
  readonly trustProxy?: boolean;
  /** `https://ftr.example.com`: the only Origin accepted on writes. Default: the request's own origin. */
  readonly publicOrigin?: string;
  /** Path prefixes reachable without signing in (static assets). The sign-in routes always are. */
  readonly publicPaths?: readonly string[];
  /**
   * Key for the signed cookies of anonymous visitors (sign-in form token, OIDC flow). Default: random per
   * process (a restart only makes an open sign-in form reload). Set FTR_AUTH_SECRET for several processes.
   */
  readonly secret?: string;
  /** Local accounts with passwords. Default true. */
  readonly passwords?: boolean;
  readonly oidc?: OidcOptions;
  readonly limits?: Partial<AuthLimits>;
  /** The clock (tests move it). */
  readonly now?: () => Date;
  /** The client address for the rate limit; default from the Node socket (or X-Forwarded-For with trustProxy). */
  readonly clientIp?: (c: Context) => string | null;
  /** Wraps the auth pages in the dashboard's layout; default a minimal page. Must not add inline scripts. */
  readonly renderPage?: (c: Context, page: PageParts) => Response | Promise<Response>;
  /** Stylesheet of the default layout (e.g. the dashboard's /static/app.css). */
  readonly stylesheetHref?: string;
}
