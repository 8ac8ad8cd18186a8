/**
 * OIDC sign-in against a fake provider on 127.0.0.1 (test/helpers/fake-oidc-provider.ts): the happy path,
 * and the callbacks that must be refused (state or nonce mismatch, no flow cookie, unknown identity).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthTestClient } from '../../../test/helpers/auth-client.js';
import { startFakeOidcProvider, type FakeOidcProvider } from '../../../test/helpers/fake-oidc-provider.js';
import { openStore, type Store } from '../../store/db.js';
import { addUser, createAuth, requireRole, type AuthUser, type OidcOptions } from './index.js';

const CLI = { userId: null, label: 'cli:test' };
const ORIGIN = 'http://localhost';
let dir: string;
let store: Store;
let provider: FakeOidcProvider;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-oidc-test-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'oidc.db') });
  provider = await startFakeOidcProvider();
  await addUser(store, { email: 'ada@example.com', name: 'Ada', role: 'attester', password: null }, CLI);
});
afterAll(async () => {
  await provider.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  provider.nextIdentity = { sub: 'ada-sub', email: 'ada@example.com', email_verified: true, name: 'Ada' };
  provider.tamper = {};
});

function app(extra: Partial<OidcOptions> = {}) {
  const auth = createAuth({
    store,
    passwords: false,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: `${ORIGIN}/auth/oidc/callback`,
      label: 'Example SSO',
      allowInsecureHttp: true,
      ...extra,
    },
  });
  const hono = new Hono();
  auth.install(hono);
  hono.get('/items/:id', (c) => {
    const user = c.get('user' as never) as AuthUser | undefined;
    requireRole(user, 'viewer');
    return c.text(`${user.email} ${user.role}`);
  });
  return hono;
}

/** Browser: start, follow the provider's redirect (it answers at once), return the callback URL. */
async function toCallback(client: AuthTestClient, next = '/items/SEC-001'): Promise<URL> {
  const start = await client.request(`/auth/oidc/start?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const answer = await fetch(authorize, { redirect: 'manual' });
  return new URL(answer.headers.get('location')!);
}

describe('OIDC sign-in', () => {
  it('signs in a user an admin added, links the identity, and audits it', async () => {
    const client = new AuthTestClient(app());
    const signIn = await (await client.request('/auth/sign-in')).text();
    expect(signIn).toContain('Sign in with Example SSO');
    expect(signIn).not.toContain('type="password"');
    const callback = await toCallback(client);
    const res = await client.request(callback.pathname + callback.search);
    expect([res.status, res.headers.get('location')]).toEqual([303, '/items/SEC-001']);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('ftr_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
    expect(await (await client.request('/items/SEC-001')).text()).toBe('ada@example.com attester');
    expect((await store.users.findByEmail('ada@example.com'))?.oidc).toEqual({ issuer: provider.issuer, subject: 'ada-sub' });
    expect((await store.audit.list({ action: 'auth.sign_in', limit: 1 }))[0]).toMatchObject({ actor: 'ada@example.com', detail: { method: 'oidc' } });
    expect((await store.audit.list({ action: 'user.oidc_link', limit: 1 }))[0]).toMatchObject({ targetId: expect.any(String) });
    // The second time the subject alone finds the user.
    const again = new AuthTestClient(app());
    const cb = await toCallback(again);
    expect((await again.request(cb.pathname + cb.search)).status).toBe(303);
  });

  it('refuses a callback whose state does not match the flow (and never exchanges the code)', async () => {
    const client = new AuthTestClient(app());
    const callback = await toCallback(client);
    callback.searchParams.set('state', 'forged-state');
    const before = provider.tokenRequests;
    const res = await client.request(callback.pathname + callback.search);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Sign-in with Example SSO failed');
    expect(client.cookies.has('ftr_session')).toBe(false);
    expect(provider.tokenRequests).toBe(before);
    expect((await store.audit.list({ action: 'auth.sign_in_failed', limit: 1 }))[0]?.detail).toMatchObject({ reason: 'OAUTH_INVALID_RESPONSE' });
  });

  it('refuses an ID token whose nonce is not the flow’s', async () => {
    provider.tamper = { nonce: 'replayed-nonce' };
    const client = new AuthTestClient(app());
    const callback = await toCallback(client);
    const res = await client.request(callback.pathname + callback.search);
    expect(res.status).toBe(401);
    expect(client.cookies.has('ftr_session')).toBe(false);
    expect((await store.audit.list({ action: 'auth.sign_in_failed', limit: 1 }))[0]?.detail).toMatchObject({ reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
  });

  it('refuses a callback from a browser that did not start the flow', async () => {
    const starter = new AuthTestClient(app());
    const callback = await toCallback(starter);
    const victim = new AuthTestClient(app());
    const res = await victim.request(callback.pathname + callback.search);
    expect(res.status).toBe(401);
    expect((await store.audit.list({ action: 'auth.sign_in_failed', limit: 1 }))[0]?.detail).toMatchObject({ reason: 'no or expired sign-in flow' });
  });

  it('refuses identities with no account or an unverified email, unless autoCreateRole is set', async () => {
    provider.nextIdentity = { sub: 'stranger', email: 'stranger@example.com', email_verified: true };
    const client = new AuthTestClient(app());
    let cb = await toCallback(client);
    expect((await client.request(cb.pathname + cb.search)).status).toBe(401);
    expect(await store.users.findByEmail('stranger@example.com')).toBeNull();

    provider.nextIdentity = { sub: 'spoof', email: 'ada@example.com', email_verified: false };
    cb = await toCallback(client);
    expect((await client.request(cb.pathname + cb.search)).status).toBe(401);

    provider.nextIdentity = { sub: 'stranger', email: 'stranger@example.com', email_verified: true, name: 'Stranger' };
    const open = new AuthTestClient(app({ autoCreateRole: 'viewer' }));
    cb = await toCallback(open);
    expect((await open.request(cb.pathname + cb.search)).status).toBe(303);
    expect(await (await open.request('/items/x')).text()).toBe('stranger@example.com viewer');
  });
});
