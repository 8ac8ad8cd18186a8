/**
 * Team mode through HTTP: a test app with a few representative routes mounted behind the seam, on a
 * SQLite store. Sign-in, lockout, expiry, cookie flags, CSRF, roles, user admin, audit log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthTestClient } from '../../../test/helpers/auth-client.js';
import { openStore, type Store } from '../../store/db.js';
import { AUTH_LIMITS, addUser, assertTeamModeReady, createAuth, isLoopbackHost, requireRole, SIGN_IN_FAILED, type AuthOptions, type AuthUser, type Role } from './index.js';

const PASSWORD = 'correct horse battery';
const CLI = { userId: null, label: 'cli:test' };
const START = Date.UTC(2026, 10, 2, 9, 0, 0);

let dir: string;
let store: Store;
let clock = START;
const users: Record<Role, string> = { viewer: 'vera@example.com', attester: 'arthur@example.com', admin: 'ada@example.com' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-auth-test-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'auth.db') });
  for (const [role, email] of Object.entries(users)) await addUser(store, { email, name: role, role, password: PASSWORD }, CLI);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  clock = START;
});

/** The representative routes: what a viewer, an attester and an admin may do in the dashboard. */
export const ROUTE_TABLE: readonly { method: 'GET' | 'POST'; path: string; role: Role }[] = [
  { method: 'GET', path: '/', role: 'viewer' },
  { method: 'GET', path: '/items/SEC-001', role: 'viewer' },
  { method: 'POST', path: '/items/SEC-001/attest', role: 'attester' },
  { method: 'POST', path: '/scans', role: 'admin' },
  { method: 'GET', path: '/auth/users', role: 'admin' },
  { method: 'GET', path: '/auth/audit', role: 'admin' },
];

function testApp(extra: Partial<AuthOptions> = {}) {
  const auth = createAuth({
    store,
    now: () => new Date(clock),
    clientIp: (c) => c.req.header('x-test-ip') ?? '10.0.0.1',
    publicPaths: ['/static/'],
    ...extra,
  });
  const app = new Hono();
  auth.install(app);
  const user = (c: { get(k: 'user'): unknown }) => c.get('user') as AuthUser | undefined;
  app.get('/static/app.css', (c) => c.text('body{}'));
  app.get('/', (c) => {
    requireRole(user(c), 'viewer');
    return c.html(`<form method="post" action="/items/SEC-001/attest"><input type="hidden" name="_csrf" value="${auth.csrfToken(c)}"></form>`);
  });
  app.get('/items/:id', (c) => {
    requireRole(user(c), 'viewer');
    return c.text(`item ${c.req.param('id')}`);
  });
  app.post('/items/:id/attest', async (c) => {
    const u = user(c);
    requireRole(u, 'attester');
    await auth.audit(c, { action: 'attestation.update', targetType: 'item', targetId: c.req.param('id') });
    return c.text(`attested by ${u.email}`);
  });
  app.post('/scans', (c) => {
    requireRole(user(c), 'admin');
    return c.text('scan started');
  });
  return { app, auth };
}

async function signedIn(role: Role, extra: Partial<AuthOptions> = {}) {
  const { app, auth } = testApp(extra);
  const client = new AuthTestClient(app);
  const res = await client.signIn(users[role], PASSWORD);
  expect(res.status).toBe(303);
  const token = await client.csrfFrom('/');
  return { app, auth, client, token };
}

const lastAudit = async (action: string) => (await store.audit.list({ action, limit: 1 }))[0];

describe('signing in', () => {
  it('sends anonymous visitors to the sign-in page (browser), 401 otherwise, and serves public paths', async () => {
    const client = new AuthTestClient(testApp().app);
    const page = await client.request('/items/SEC-001?tab=history', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/auth/sign-in?next=%2Fitems%2FSEC-001%3Ftab%3Dhistory');
    expect((await client.request('/items/SEC-001')).status).toBe(401);
    const htmx = await client.request('/items/SEC-001', { headers: { 'hx-request': 'true' } });
    expect([htmx.status, htmx.headers.get('hx-redirect')]).toEqual([401, '/auth/sign-in?next=%2Fitems%2FSEC-001']);
    expect((await client.request('/scans', { method: 'POST' })).status).toBe(401);
    expect((await client.request('/static/app.css')).status).toBe(200);
    const signIn = await client.request('/auth/sign-in');
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await signIn.text()).not.toMatch(/<script|style=/i);
  });

  it('signs in with the right password: a new HttpOnly, SameSite=Lax session cookie, and an audit line', async () => {
    const { app } = testApp();
    const client = new AuthTestClient(app);
    const res = await client.signIn(users.attester, PASSWORD, '/auth', '/items/SEC-001');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/items/SEC-001');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ftr_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    expect(await (await client.request('/items/SEC-001')).text()).toBe('item SEC-001');
    const entry = await lastAudit('auth.sign_in');
    expect(entry).toMatchObject({ actor: users.attester, detail: { method: 'password', ip: '10.0.0.1' } });
  });

  it('marks cookies Secure (__Host- prefix) behind TLS: the option, or X-Forwarded-Proto with trustProxy', async () => {
    const secure = new AuthTestClient(testApp({ secure: true }).app);
    const res = await secure.signIn(users.viewer, PASSWORD);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('__Host-ftr_session='))).toMatch(/; Secure/);
    expect((await secure.request('/items/x')).status).toBe(200);

    const proxied = testApp({ trustProxy: true }).app;
    const viaProxy = new AuthTestClient({ request: (input, init) => proxied.request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-forwarded-proto': 'https' } }) });
    const res2 = await viaProxy.signIn(users.viewer, PASSWORD);
    expect(res2.headers.getSetCookie().some((c) => c.startsWith('__Host-ftr_session=') && c.includes('Secure'))).toBe(true);
  });

  it('rotates the session on sign-in: the session of before no longer works', async () => {
    const { app } = testApp();
    const client = new AuthTestClient(app);
    await client.signIn(users.viewer, PASSWORD);
    const first = client.cookies.get('ftr_session')!;
    // Signing in again (the sign-in page redirects a signed-in visitor, so post with the session's token).
    const res = await client.request('/auth/sign-in', { form: { email: users.viewer, password: PASSWORD, _csrf: await client.csrfFrom('/') } });
    expect(res.status).toBe(303);
    expect(client.cookies.get('ftr_session')).not.toBe(first);
    expect((await client.request('/items/x')).status).toBe(200);
    const stale = new AuthTestClient(app);
    stale.cookies.set('ftr_session', first);
    expect((await stale.request('/items/x')).status).toBe(401);
  });

  it('refuses a wrong password or an unknown account with the same message, and logs no unknown "email"', async () => {
    const client = new AuthTestClient(testApp().app);
    const wrong = await client.signIn(users.viewer, 'not the password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain(SIGN_IN_FAILED);
    expect(client.cookies.has('ftr_session')).toBe(false);
    expect(await lastAudit('auth.sign_in_failed')).toMatchObject({ actor: 'anonymous', detail: { reason: 'wrong_password' } });
    const unknown = await client.signIn('my-secret-password@oops', PASSWORD);
    expect(unknown.status).toBe(401);
    const entry = await lastAudit('auth.sign_in_failed');
    expect(entry).toMatchObject({ targetId: null, detail: { reason: 'unknown_account' } });
    expect(JSON.stringify(entry)).not.toContain('my-secret-password');
  });

  it('never redirects to another site after sign-in', async () => {
    const client = new AuthTestClient(testApp().app);
    for (const next of ['//evil.example.com/x', 'https://evil.example.com', '/\\evil.example.com']) {
      client.cookies.clear();
      const res = await client.signIn(users.viewer, PASSWORD, '/auth', next);
      expect(res.headers.get('location')).toBe('/');
    }
  });
});

describe('rate limit', () => {
  it(`locks an account after ${AUTH_LIMITS.maxFailuresPerAccount} failures in ${AUTH_LIMITS.rateLimitWindowMs / 60000} minutes, even for the right password, until the window passes`, async () => {
    const { app } = testApp();
    const email = 'locked@example.com';
    await addUser(store, { email, role: 'viewer', password: PASSWORD }, CLI);
    const client = new AuthTestClient(app);
    for (let i = 0; i < AUTH_LIMITS.maxFailuresPerAccount; i++) {
      clock += 1000;
      expect((await client.signIn(email, `wrong ${i}`)).status).toBe(401);
    }
    const locked = await client.signIn(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.text()).toMatch(/Too many failed sign-ins/);
    expect(await lastAudit('auth.sign_in_refused')).toMatchObject({ detail: { reason: 'account_locked' } });
    // From another address too: the lock is on the account.
    const elsewhere = new AuthTestClient({ request: (input, init) => app.request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-test-ip': '192.0.2.44' } }) });
    expect((await elsewhere.signIn(email, PASSWORD)).status).toBe(429);
    clock += AUTH_LIMITS.rateLimitWindowMs;
    expect((await client.signIn(email, PASSWORD)).status).toBe(303);
  });

  it(`limits one client address (default ${AUTH_LIMITS.maxFailuresPerIp} failures) across accounts; other addresses still sign in`, async () => {
    const maxFailuresPerIp = 8;
    const { app } = testApp({ limits: { maxFailuresPerIp } });
    const fromIp = (ip: string) => new AuthTestClient({ request: (input, init) => app.request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-test-ip': ip } }) });
    const attacker = fromIp('203.0.113.9');
    for (let i = 0; i < maxFailuresPerIp; i++) expect((await attacker.signIn(`probe${i}@example.com`, 'guess guess guess')).status).toBe(401);
    expect((await attacker.signIn(users.admin, PASSWORD)).status).toBe(429);
    expect(await lastAudit('auth.sign_in_refused')).toMatchObject({ detail: { reason: 'ip_limited', ip: '203.0.113.9' } });
    expect((await fromIp('198.51.100.7').signIn(users.admin, PASSWORD)).status).toBe(303);
  });
});

describe('sessions', () => {
  it(`end after ${AUTH_LIMITS.idleTimeoutMs / 60000} idle minutes`, async () => {
    const { client } = await signedIn('viewer');
    clock += AUTH_LIMITS.idleTimeoutMs - 1000;
    expect((await client.request('/items/x')).status).toBe(200);
    clock += AUTH_LIMITS.idleTimeoutMs - 1000;
    expect((await client.request('/items/x')).status).toBe(200);
    clock += AUTH_LIMITS.idleTimeoutMs;
    const res = await client.request('/items/x', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(302);
    expect(client.cookies.has('ftr_session')).toBe(false);
  });

  it(`end ${AUTH_LIMITS.absoluteTimeoutMs / 3600000} hours after sign-in however active`, async () => {
    const { client } = await signedIn('viewer');
    const before = await store.auth.countSessions();
    for (let t = 0; t < AUTH_LIMITS.absoluteTimeoutMs - 30 * 60000; t += 30 * 60000) {
      clock = START + t;
      expect((await client.request('/items/x')).status).toBe(200);
    }
    clock = START + AUTH_LIMITS.absoluteTimeoutMs;
    expect((await client.request('/items/x')).status).toBe(401);
    expect(await store.auth.countSessions()).toBe(before - 1);
  });

  it('sign-out ends the session and is audited; sweep removes expired sessions', async () => {
    const { client, token, auth } = await signedIn('viewer');
    const session = client.cookies.get('ftr_session')!;
    const res = await client.request('/auth/sign-out', { form: { _csrf: token } });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/auth/sign-in']);
    expect(client.cookies.has('ftr_session')).toBe(false);
    const replay = new AuthTestClient(testApp().app);
    replay.cookies.set('ftr_session', session);
    expect((await replay.request('/items/x')).status).toBe(401);
    expect(await lastAudit('auth.sign_out')).toMatchObject({ actor: users.viewer });

    await signedIn('viewer');
    clock += AUTH_LIMITS.absoluteTimeoutMs + 1;
    await auth.sweep();
    expect(await store.auth.countSessions()).toBe(0);
  });

  it('a disabled user is signed out at once and cannot sign in', async () => {
    const email = 'leaver@example.com';
    const leaver = await addUser(store, { email, role: 'attester', password: PASSWORD }, CLI);
    const { app } = testApp();
    const client = new AuthTestClient(app);
    expect((await client.signIn(email, PASSWORD)).status).toBe(303);
    await store.users.disable(leaver.id, CLI);
    expect((await client.request('/items/x')).status).toBe(401);
    expect((await client.signIn(email, PASSWORD)).status).toBe(401);
    expect(await lastAudit('auth.sign_in_failed')).toMatchObject({ targetId: String(leaver.id), detail: { reason: 'disabled' } });
  });
});

describe('CSRF', () => {
  it('refuses a write without the token, with a wrong one, or with another session’s', async () => {
    const { client, token } = await signedIn('attester');
    const other = await signedIn('attester');
    expect((await client.request('/items/SEC-001/attest', { form: { answer: 'yes' } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: 'x'.repeat(43) } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: other.token } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token } })).status).toBe(200);
    expect((await client.request('/items/SEC-001/attest', { method: 'POST', headers: { 'x-csrf-token': token } })).status).toBe(200);
  });

  it('accepts the token in a multipart upload and leaves the body for the route', async () => {
    const { app } = testApp();
    app.post('/evidence', async (c) => {
      requireRole(c.get('user' as never) as AuthUser | undefined, 'attester');
      const body = await c.req.parseBody();
      return c.text(`got ${(body.file as File).name}`);
    });
    const client = new AuthTestClient(app);
    await client.signIn(users.attester, PASSWORD);
    const token = await client.csrfFrom('/');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('file', new File(['%PDF-1.4'], 'policy.pdf', { type: 'application/pdf' }));
    expect(await (await client.request('/evidence', { method: 'POST', body: form })).text()).toBe('got policy.pdf');
    const noToken = new FormData();
    noToken.set('file', new File(['%PDF-1.4'], 'policy.pdf'));
    expect((await client.request('/evidence', { method: 'POST', body: noToken })).status).toBe(403);
  });

  it('refuses a write from another origin even with the right token', async () => {
    const { client, token } = await signedIn('attester');
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { origin: 'https://evil.example.com' } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { origin: 'null' } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    // What Chromium sends for a plain form post under Referrer-Policy: no-referrer: Origin null, Sec-Fetch-Site same-origin.
    expect((await client.request('/items/SEC-001/attest', { form: { _csrf: token }, headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('protects the sign-in form itself (login CSRF)', async () => {
    const client = new AuthTestClient(testApp().app);
    expect((await client.request('/auth/sign-in', { form: { email: users.viewer, password: PASSWORD } })).status).toBe(403);
    const token = await client.csrfFrom('/auth/sign-in');
    const fresh = new AuthTestClient(testApp().app);
    // The token belongs to the first visitor's cookie: useless to another browser.
    expect((await fresh.request('/auth/sign-in', { form: { email: users.viewer, password: PASSWORD, _csrf: token } })).status).toBe(403);
  });
});

describe('roles', () => {
  const ORDER: readonly Role[] = ['viewer', 'attester', 'admin'];
  const clients = new Map<Role | null, { client: AuthTestClient; token: string }>();
  beforeAll(async () => {
    const anonymous = new AuthTestClient(testApp().app);
    clients.set(null, { client: anonymous, token: await anonymous.csrfFrom('/auth/sign-in') });
    for (const role of ORDER) clients.set(role, await signedIn(role));
  });

  it.each(ROUTE_TABLE)('$method $path needs $role: refused below it (403), and without a session (401)', async (route) => {
    for (const role of [null, ...ORDER]) {
      const expected = role === null ? 401 : ORDER.indexOf(role) >= ORDER.indexOf(route.role) ? 200 : 403;
      const { client, token } = clients.get(role)!;
      const res = await client.request(route.path, route.method === 'POST' ? { form: { _csrf: token } } : {});
      expect([role, res.status]).toEqual([role, expected]);
    }
  });
});

describe('user administration and the audit log', () => {
  it('lets an admin add a user, change a role and disable an account, all audited; keeps the last admin', async () => {
    const { client, token } = await signedIn('admin');
    const added = await client.request('/auth/users', { form: { _csrf: token, email: 'New.Person@example.com', name: '<b>New</b>', role: 'viewer', password: 'short' } });
    expect(added.status).toBe(400);
    expect(await added.text()).toContain('at least 12 characters');
    const ok = await client.request('/auth/users', { form: { _csrf: token, email: 'new.person@example.com', name: '<img src=x onerror=alert(1)>', role: 'viewer', password: PASSWORD } });
    const html = await ok.text();
    expect(html).toContain('Added new.person@example.com as viewer.');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    const person = (await store.users.findByEmail('new.person@example.com'))!;
    expect(person.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await (await client.request(`/auth/users/${person.id}/role`, { form: { _csrf: token, role: 'attester' } })).text()).toContain('is now attester');
    expect(await lastAudit('user.role')).toMatchObject({ actor: users.admin, targetId: String(person.id), detail: { before: 'viewer', after: 'attester' } });
    expect((await client.request(`/auth/users/${person.id}/disable`, { form: { _csrf: token } })).status).toBe(200);
    expect(await lastAudit('user.disable')).toMatchObject({ actor: users.admin, targetId: String(person.id) });

    const ada = (await store.users.findByEmail(users.admin))!;
    const self = await client.request(`/auth/users/${ada.id}/disable`, { form: { _csrf: token } });
    expect([self.status, await self.text()]).toEqual([400, expect.stringContaining('cannot disable yourself')]);
    const demote = await client.request(`/auth/users/${ada.id}/role`, { form: { _csrf: token, role: 'viewer' } });
    expect([demote.status, await demote.text()]).toEqual([400, expect.stringContaining('last active admin')]);
  });

  it('pages the audit log for admins, newest first, every value as text', async () => {
    for (let i = 0; i < 60; i++) await store.audit.append({ userId: null, label: `cli:<script>alert(${i})</script>` }, { action: 'test.entry', targetType: 'item', targetId: `<i>${i}</i>`, detail: { note: '"><svg onload=alert(1)>' } });
    const { client } = await signedIn('admin');
    const first = await client.request('/auth/audit');
    const html = await first.text();
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<svg|<i>/);
    expect(html).toContain('cli:&lt;script&gt;alert(59)&lt;/script&gt;');
    expect(html.match(/<tr>/g)!.length).toBe(51);
    const older = /href="(\/auth\/audit\?before=\d+)"/.exec(html)![1]!;
    const second = await (await client.request(older)).text();
    expect(second).toContain('Newest');
    expect(second).not.toContain('alert(59)');
  });
});

describe('first run', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', 'ftr.example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  it('refuses a non-loopback bind without an admin, with instructions', async () => {
    const empty = await openStore({ engine: 'sqlite', file: join(dir, 'empty.db') });
    try {
      await expect(assertTeamModeReady(empty, '127.0.0.1')).resolves.toBeUndefined();
      await expect(assertTeamModeReady(empty, '0.0.0.0')).rejects.toThrow(/has no admin account[\s\S]*ftr users add --email you@example.com --role admin --password-stdin/);
      await addUser(empty, { email: 'root@example.com', role: 'admin', password: null }, CLI);
      await expect(assertTeamModeReady(empty, '0.0.0.0')).resolves.toBeUndefined();
    } finally {
      await empty.close();
    }
  });
});

describe('settings from the environment', () => {
  it('reads OIDC from FTR_OIDC_* and refuses incomplete or insecure settings', async () => {
    const { authSettingsFromEnv } = await import('./index.js');
    expect(authSettingsFromEnv({})).toEqual({ oidc: undefined, passwords: true, secret: undefined });
    const env = { FTR_OIDC_ISSUER: 'https://idp.example.com', FTR_OIDC_CLIENT_ID: 'ftr', FTR_OIDC_CLIENT_SECRET: 's3cret', FTR_OIDC_REDIRECT_URL: 'https://ftr.example.com/auth/oidc/callback' };
    expect(authSettingsFromEnv({ ...env, FTR_AUTH_PASSWORDS: 'off' })).toMatchObject({ passwords: false, oidc: { clientId: 'ftr', autoCreateRole: null } });
    expect(() => authSettingsFromEnv({ FTR_OIDC_ISSUER: 'https://idp.example.com' })).toThrow(/FTR_OIDC_CLIENT_ID, FTR_OIDC_CLIENT_SECRET, FTR_OIDC_REDIRECT_URL/);
    expect(() => authSettingsFromEnv({ ...env, FTR_OIDC_ISSUER: 'http://idp.example.com' })).toThrow(/https/);
    expect(() => authSettingsFromEnv({ ...env, FTR_OIDC_AUTO_ROLE: 'owner' })).toThrow(/Unknown role/);
    expect(() => authSettingsFromEnv({ FTR_AUTH_PASSWORDS: 'off' })).toThrow(/no way to sign in/);
    expect(() => createAuth({ store, oidc: { ...authSettingsFromEnv(env).oidc!, issuer: 'http://idp.example.com', allowInsecureHttp: true } })).toThrow(/this machine only/);
  });
});
