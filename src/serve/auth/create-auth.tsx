/**
 * Team mode: local accounts (argon2id) and OIDC sign-in, server-side sessions in the store, CSRF
 * protection, roles and the audit hook. See seam.ts for how the dashboard uses it and
 * docs/decisions/0010-dashboard-auth.md for why it is built this way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { Store } from '../../store/db.js';
import type { AuditEntry } from '../../store/repositories/context.js';
import type { StoredUser } from '../../store/repositories/users.js';
import { oidcFailureReason, OidcSignIn, type OidcFlow } from './oidc.js';
import { AUTH_LIMITS, type AuthLimits, type AuthOptions, type PageParts } from './options.js';
import { verifyPassword } from './passwords.js';
import { accountKey, recordSignInFailure, signInAllowed } from './rate-limit.js';
import { defaultClientIp, expectedOrigin, requestIsHttps, safeNextPath } from './request-info.js';
import { actorOf, type AuthUser } from './roles.js';
import { adminRoutes } from './admin-routes.js';
import { AuthLayout, CsrfField } from './pages/layout.js';
import { SignInPage } from './pages/sign-in.js';
import type { AuthSeam } from './seam.js';
import { constantTimeEqual, mac, sign, unsign } from './signed-value.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The sign-in failure message: the same for a wrong password, an unknown or a disabled account. */
export const SIGN_IN_FAILED = 'The email or password is wrong, or the account is disabled.';

/** Everything the middleware and routes share; built once per createAuth. */
export interface AuthCore {
  readonly store: Store;
  readonly basePath: string;
  readonly homePath: string;
  readonly limits: AuthLimits;
  readonly passwords: boolean;
  readonly oidc: OidcSignIn | null;
  readonly oidcAutoCreateRole: string | null;
  now(): Date;
  clientIp(c: Context): string | null;
  csrfToken(c: Context): string;
  render(c: Context, page: PageParts, status?: number): Response | Promise<Response>;
  /** Signs `user` in: a new session (any previous one of this browser is ended first), cookie, audit. */
  startSession(c: Context, user: StoredUser, method: 'password' | 'oidc'): Promise<void>;
  audit(c: Context, entry: AuditEntry): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');

function userOf(c: Context): AuthUser | undefined {
  return c.get('user') as AuthUser | undefined;
}

function sessionOf(c: Context): { idHash: string; csrfToken: string } | undefined {
  return c.get('authSession') as { idHash: string; csrfToken: string } | undefined;
}

export function createAuth(options: AuthOptions): AuthSeam {
  const store = options.store;
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '');
  const homePath = options.homePath ?? '/';
  const limits: AuthLimits = { ...AUTH_LIMITS, ...options.limits };
  const trustProxy = options.trustProxy === true;
  const key = options.secret !== undefined && options.secret !== '' ? createHash('sha256').update(options.secret).digest() : randomBytes(32);
  const now = options.now ?? (() => new Date());
  const passwords = options.passwords ?? true;
  const oidc = options.oidc !== undefined ? new OidcSignIn(options.oidc) : null;
  const publicPaths = [`${basePath}/sign-in`, `${basePath}/oidc/start`, `${basePath}/oidc/callback`];
  const publicPrefixes = options.publicPaths ?? [];

  const secure = (c: Context) => options.secure === true || requestIsHttps(c, trustProxy);
  // __Host- cookies: the browser accepts them only over TLS, for this host alone, on path "/".
  const cookieName = (c: Context, base: string) => (secure(c) ? `__Host-${base}` : base);
  const readCookie = (c: Context, base: string) => getCookie(c, `__Host-${base}`) ?? getCookie(c, base);
  const cookieOptions = (c: Context, maxAgeSeconds: number) =>
    ({ httpOnly: true, secure: secure(c), sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds }) as const;
  const clearCookie = (c: Context, base: string) => {
    for (const name of [base, `__Host-${base}`]) {
      if (getCookie(c, name) !== undefined) deleteCookie(c, name, { path: '/', secure: name.startsWith('__Host-') });
    }
  };
  const clientIp = (c: Context) => (options.clientIp ? options.clientIp(c) : defaultClientIp(c, trustProxy));

  const render = (c: Context, page: PageParts, status = 200): Response | Promise<Response> => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('Cache-Control', 'no-store');
    c.status(status as 200);
    if (options.renderPage) return options.renderPage(c, page);
    return c.html(
      <AuthLayout title={page.title} stylesheetHref={options.stylesheetHref}>
        {page.body}
      </AuthLayout>,
    );
  };

  /** The anonymous visitor's form token: an HMAC of a random cookie (signed double-submit). */
  const anonymousCsrfToken = (c: Context): string => {
    let pre = readCookie(c, 'ftr_csrf') ?? (c.get('preCsrf') as string | undefined);
    if (pre === undefined || !/^[A-Za-z0-9_-]{43}$/.test(pre)) {
      pre = token();
      c.set('preCsrf', pre);
      setCookie(c, cookieName(c, 'ftr_csrf'), pre, cookieOptions(c, Math.round(limits.absoluteTimeoutMs / 1000)));
    }
    return mac(key, `csrf:${pre}`);
  };

  const csrfToken = (c: Context): string => {
    const session = sessionOf(c);
    return session !== undefined ? session.csrfToken : anonymousCsrfToken(c);
  };

  const audit = (c: Context, entry: AuditEntry) => store.audit.append(actorOf(userOf(c)), entry);

  const startSession = async (c: Context, user: StoredUser, method: 'password' | 'oidc') => {
    // Rotation: whatever session this browser had ends; the new one has a new id and CSRF token.
    const previous = readCookie(c, 'ftr_session');
    if (previous !== undefined) await store.auth.deleteSession(sha256(previous));
    const at = now();
    const sessionToken = token();
    const csrf = token();
    await store.auth.createSession({
      idHash: sha256(sessionToken),
      userId: user.id,
      csrfToken: csrf,
      method,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + limits.absoluteTimeoutMs).toISOString(),
      ip: clientIp(c),
    });
    setCookie(c, cookieName(c, 'ftr_session'), sessionToken, cookieOptions(c, Math.round(limits.absoluteTimeoutMs / 1000)));
    clearCookie(c, 'ftr_csrf');
    const signedIn: AuthUser = { id: user.id, name: user.displayName, email: user.email, role: user.role };
    c.set('user', signedIn);
    c.set('authSession', { idHash: sha256(sessionToken), csrfToken: csrf });
    await store.audit.append(actorOf(signedIn), { action: 'auth.sign_in', targetType: 'user', targetId: user.id, detail: { method, ip: clientIp(c) } });
  };

  const isPublic = (path: string) => publicPaths.includes(path) || publicPrefixes.some((p) => path.startsWith(p));

  const session: MiddlewareHandler = async (c, next) => {
    const raw = readCookie(c, 'ftr_session');
    if (raw !== undefined) {
      const idHash = sha256(raw);
      const found = await store.auth.findSession(idHash);
      const at = now();
      const expired =
        found !== null &&
        (Date.parse(found.expiresAt) <= at.getTime() || Date.parse(found.lastSeenAt) + limits.idleTimeoutMs <= at.getTime() || found.user.disabledAt !== null);
      if (found === null || expired) {
        if (found !== null) await store.auth.deleteSession(idHash);
        clearCookie(c, 'ftr_session');
      } else {
        if (at.getTime() - Date.parse(found.lastSeenAt) >= limits.touchIntervalMs) await store.auth.touchSession(idHash, at.toISOString());
        c.set('user', { id: found.user.id, name: found.user.displayName, email: found.user.email, role: found.user.role } satisfies AuthUser);
        c.set('authSession', { idHash, csrfToken: found.csrfToken });
      }
    }
    if (userOf(c) === undefined && !isPublic(c.req.path)) {
      const signIn = `${basePath}/sign-in?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`;
      if (c.req.header('hx-request') === 'true') {
        c.header('HX-Redirect', signIn);
        return c.text('Sign in first.', 401);
      }
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && (c.req.header('accept') ?? '').includes('text/html')) return c.redirect(signIn, 302);
      return c.text('Sign in first.', 401);
    }
    await next();
  };

  const csrf: MiddlewareHandler = async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const refuse = (why: string) => c.text(`Refused: ${why}. Reload the page and try again.`, 403);
    // `Origin: null` is what a browser sends for a form post from a page under Referrer-Policy: no-referrer
    // (and from sandboxed or opaque documents): it proves nothing either way, so Sec-Fetch-Site decides,
    // and a `null` without it is refused.
    const rawOrigin = c.req.header('origin');
    const origin = rawOrigin === 'null' && c.req.header('sec-fetch-site') !== undefined ? undefined : rawOrigin;
    if (origin !== undefined) {
      if (origin !== expectedOrigin(c, trustProxy, options.publicOrigin)) return refuse('the request comes from another site');
    } else {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse('the request comes from another site');
    }
    let sent = c.req.header('x-csrf-token');
    if (sent === undefined) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const field = (await c.req.parseBody())._csrf;
        if (typeof field === 'string') sent = field;
      }
    }
    if (sent === undefined || sent === '') return refuse('the form has no CSRF token');
    const authSession = sessionOf(c);
    let expected: string | undefined;
    if (authSession !== undefined) {
      expected = authSession.csrfToken;
    } else {
      const pre = readCookie(c, 'ftr_csrf');
      expected = pre === undefined ? undefined : mac(key, `csrf:${pre}`);
    }
    if (expected === undefined || !constantTimeEqual(sent, expected)) return refuse('the CSRF token is wrong or expired');
    await next();
  };

  const core: AuthCore = {
    store,
    basePath,
    homePath,
    limits,
    passwords,
    oidc,
    oidcAutoCreateRole: options.oidc?.autoCreateRole ?? null,
    now,
    clientIp,
    csrfToken,
    render,
    startSession,
    audit,
  };

  const routes = new Hono();
  // The routes protect themselves too, so mounting them without install() is still safe.
  routes.use('*', csrf);

  routes.get('/sign-in', (c) => {
    const next = safeNextPath(c.req.query('next'), homePath);
    if (userOf(c) !== undefined) return c.redirect(next, 303);
    return renderSignIn(core, c, { next });
  });

  routes.post('/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNextPath(typeof body.next === 'string' ? body.next : undefined, homePath);
    if (!passwords) return renderSignIn(core, c, { next, error: 'Password sign-in is turned off here.' }, 400);
    const ip = clientIp(c);
    const at = now();
    const decision = await signInAllowed(store, limits, at, email, ip);
    const user = email === '' ? null : await store.users.findByEmail(email);
    if (!decision.allowed) {
      await audit(c, { action: 'auth.sign_in_refused', targetType: 'user', targetId: user?.id ?? null, detail: { reason: decision.reason, ip } });
      c.header('Retry-After', String(decision.retryAfterSeconds));
      const minutes = Math.ceil(decision.retryAfterSeconds / 60);
      return renderSignIn(core, c, { next, email, error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` }, 429);
    }
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!ok || user === null || user.disabledAt !== null) {
      await recordSignInFailure(store, limits, at, email === '' ? null : email, ip);
      const reason = user === null ? 'unknown_account' : !ok ? 'wrong_password' : 'disabled';
      // An unknown "email" may be a password typed in the wrong field: it is not written to the log.
      await audit(c, { action: 'auth.sign_in_failed', targetType: 'user', targetId: user?.id ?? null, detail: { method: 'password', reason, ip } });
      return renderSignIn(core, c, { next, email, error: SIGN_IN_FAILED }, 401);
    }
    await store.auth.clearFailures(accountKey(email));
    await startSession(c, user, 'password');
    return c.redirect(next, 303);
  });

  routes.post('/sign-out', async (c) => {
    const current = sessionOf(c);
    if (current !== undefined) {
      await store.auth.deleteSession(current.idHash);
      await audit(c, { action: 'auth.sign_out', targetType: 'user', targetId: userOf(c)?.id ?? null });
    }
    clearCookie(c, 'ftr_session');
    return c.redirect(`${basePath}/sign-in`, 303);
  });

  routes.get('/oidc/start', async (c) => {
    if (oidc === null) return c.notFound();
    const next = safeNextPath(c.req.query('next'), homePath);
    try {
      const { url, flow } = await oidc.start(next, now().getTime(), limits.oidcFlowMs);
      setCookie(c, cookieName(c, 'ftr_oidc'), sign(key, flow), cookieOptions(c, Math.round(limits.oidcFlowMs / 1000)));
      return c.redirect(url.href, 302);
    } catch (err) {
      await audit(c, { action: 'auth.sign_in_failed', targetType: 'user', targetId: null, detail: { method: 'oidc', reason: `discovery: ${oidcFailureReason(err)}`, ip: clientIp(c) } });
      return renderSignIn(core, c, { next, error: `Cannot reach the ${oidc.label} provider. Try again later or ask the administrator.` }, 502);
    }
  });

  routes.get('/oidc/callback', async (c) => {
    if (oidc === null) return c.notFound();
    const flow = unsign(key, readCookie(c, 'ftr_oidc')) as OidcFlow | null;
    clearCookie(c, 'ftr_oidc');
    const ip = clientIp(c);
    const fail = async (reason: string) => {
      await recordSignInFailure(store, limits, now(), null, ip);
      await audit(c, { action: 'auth.sign_in_failed', targetType: 'user', targetId: null, detail: { method: 'oidc', reason, ip } });
      return renderSignIn(core, c, { next: homePath, error: `Sign-in with ${oidc.label} failed. Start again.` }, 401);
    };
    if (flow === null || typeof flow.state !== 'string' || flow.expiresAt < now().getTime()) return fail('no or expired sign-in flow');
    let identity;
    try {
      identity = await oidc.finish(new URL(c.req.url).search, flow);
    } catch (err) {
      return fail(oidcFailureReason(err));
    }
    let user = await store.users.findByOidc(identity.issuer, identity.subject);
    if (user === null && identity.email !== null && identity.emailVerified) {
      const byEmail = await store.users.findByEmail(identity.email);
      if (byEmail !== null && byEmail.oidc === null) {
        // First OIDC sign-in of a user an admin added: link the provider's identity to the account.
        user = await store.users.linkOidc(byEmail.id, { issuer: identity.issuer, subject: identity.subject }, { userId: byEmail.id, label: byEmail.email });
      } else if (byEmail === null && core.oidcAutoCreateRole !== null) {
        user = await store.users.create(
          { email: identity.email, displayName: identity.name ?? identity.email, role: core.oidcAutoCreateRole, oidc: { issuer: identity.issuer, subject: identity.subject } },
          { userId: null, label: `oidc:${identity.issuer}` },
        );
      }
    }
    if (user === null) return fail(identity.email !== null && !identity.emailVerified ? 'email not verified by the provider' : 'no account for this identity');
    if (user.disabledAt !== null) return fail('disabled');
    await startSession(c, user, 'oidc');
    return c.redirect(safeNextPath(flow.next, homePath), 303);
  });

  routes.route('/', adminRoutes(core));

  return {
    basePath,
    session,
    csrf,
    routes,
    install(app) {
      app.use('*', session);
      app.use('*', csrf);
      app.route(basePath, routes);
    },
    csrfToken,
    csrfField: (c): Child => <CsrfField token={csrfToken(c)} />,
    actor: (c) => actorOf(userOf(c)),
    audit,
    async sweep() {
      const at = now();
      await store.auth.deleteExpiredSessions(at.toISOString(), new Date(at.getTime() - limits.idleTimeoutMs).toISOString());
      await store.auth.pruneFailures(new Date(at.getTime() - limits.rateLimitWindowMs).toISOString());
    },
  };
}

function renderSignIn(core: AuthCore, c: Context, p: { next: string; email?: string; error?: string }, status = 200) {
  return core.render(
    c,
    {
      title: 'Sign in',
      body: (
        <SignInPage
          action={`${core.basePath}/sign-in`}
          csrfToken={core.csrfToken(c)}
          next={p.next}
          passwords={core.passwords}
          oidc={core.oidc !== null ? { href: `${core.basePath}/oidc/start?next=${encodeURIComponent(p.next)}`, label: core.oidc.label } : null}
          email={p.email ?? ''}
          error={p.error ?? null}
        />
      ),
    },
    status,
  );
}
