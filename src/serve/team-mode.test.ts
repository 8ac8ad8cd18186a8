/**
 * Team mode on the real dashboard: the auth module (src/serve/auth/) wired through src/serve/team-mode.tsx
 * into createApp. Every route of the app (read from the app itself, so a new route is covered the day it
 * is added) refuses anonymous and under-privileged requests, and unsafe requests without the CSRF token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthTestClient } from '../../test/helpers/auth-client.js';
import { serveCommand } from '../cli/commands/serve.js';
import { openStore, type Store } from '../store/db.js';
import { createApp, type DashboardApp } from './app.js';
import { addUser, type Role } from './auth/index.js';
import { teamModeSeam } from './team-mode.js';
import { ensureSampleWorkspace } from './workspace.js';

const PASSWORD = 'correct horse battery';
const users: Record<Role, string> = { viewer: 'vera@example.com', attester: 'arthur@example.com', admin: 'ada@example.com' };

let dir: string;
let store: Store;
let app: DashboardApp;
let sampleId: number;
let itemId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-team-mode-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'team.db') });
  const sample = await ensureSampleWorkspace(store, { userId: null, label: 'test' });
  sampleId = sample?.id ?? 0;
  itemId = (await store.assessments.items(sampleId))[0]?.itemId ?? 'ARC-001';
  for (const [role, email] of Object.entries(users)) await addUser(store, { email, name: `${role} ${email}`, role, password: PASSWORD }, { userId: null, label: 'cli:test' });
  app = createApp({ store, chromiumPath: null, auth: teamModeSeam({ store, settings: { oidc: undefined, passwords: true, secret: undefined }, secure: false, trustProxy: false }) });
});
afterAll(async () => {
  await app.jobs.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every dashboard route with its parameters filled in (static assets and the auth module's own routes excluded). */
function dashboardRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.startsWith('/assets') || r.path.startsWith('/auth') || r.path === '/favicon.ico') continue;
    const path = r.path
      .replace(':itemId', encodeURIComponent(itemId))
      .replace(':format', 'json')
      .replace(':sha256', '0'.repeat(64))
      .replace(/\/jobs\/:id/, '/jobs/none')
      .replace(':id', String(sampleId));
    const key = `${r.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path });
  }
  return out;
}

/** The test client, through a browser's habit of naming the page's origin on every unsafe request (Hono's origin check needs it). */
function browser(): AuthTestClient {
  return new AuthTestClient({
    request: (url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (init?.method !== undefined && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', 'http://localhost');
      return app.request(url, { ...init, headers });
    },
  });
}

async function signedIn(role: Role): Promise<{ client: AuthTestClient; token: string }> {
  const client = browser();
  expect((await client.signIn(users[role], PASSWORD)).status).toBe(303);
  return { client, token: await client.csrfFrom('/') };
}

describe('ftr serve in team mode', () => {
  it('covers the whole dashboard: at least the overview, an item, the attestation form and scans', () => {
    const keys = dashboardRoutes().map((r) => `${r.method} ${r.path}`);
    expect(keys).toContain('GET /');
    expect(keys).toContain('POST /scans');
    expect(keys.some((k) => k.startsWith('POST') && k.includes('/attestation'))).toBe(true);
  });

  it('refuses every route to an anonymous visitor: the sign-in page for a browser, 401 otherwise', async () => {
    for (const r of dashboardRoutes()) {
      const res = await app.request(r.path, { method: r.method, headers: { accept: 'text/html', Origin: 'http://localhost' } });
      expect([302, 401, 403], `${r.method} ${r.path}`).toContain(res.status);
      expect(res.status === 302 ? res.headers.get('location') : '/auth/sign-in').toMatch(/^\/auth\/sign-in/);
    }
  });

  it('lets a viewer read but refuses every write (403), even with a valid CSRF token', async () => {
    const { client, token } = await signedIn('viewer');
    expect((await client.request('/', { headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await client.request(`/assessments/${sampleId}/items/${encodeURIComponent(itemId)}`)).status).toBe(200);
    for (const r of dashboardRoutes().filter((x) => x.method !== 'GET')) {
      const res = await client.request(r.path, { method: r.method, form: { _csrf: token } });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
    }
  });

  it('lets an attester attest but not start a scan; refuses a write without the CSRF token', async () => {
    const { client, token } = await signedIn('attester');
    const attest = dashboardRoutes().find((r) => r.method === 'POST' && r.path.includes('/attestation'))!;
    const noToken = await client.request(attest.path, { method: 'POST', form: { answer: 'yes' } });
    expect(noToken.status).toBe(403);
    const withToken = await client.request(attest.path, { method: 'POST', form: { _csrf: token, expectedVersion: '0', answer: 'maybe' } });
    expect(withToken.status).not.toBe(403);
    expect(withToken.status).not.toBe(401);
    expect((await client.request('/scans', { method: 'POST', form: { _csrf: token } })).status).toBe(403);
  });

  it('puts the session CSRF token in the dashboard forms and names the signed-in user', async () => {
    const { client, token } = await signedIn('admin');
    const html = await (await client.request(`/assessments/${sampleId}/items/${encodeURIComponent(itemId)}`)).text();
    expect(html).toContain(`name="_csrf" value="${token}"`);
    expect(html).toContain('ada@example.com');
  });

  it('serves the admin pages to an admin only, and signing out ends the session in the store', async () => {
    const { client: viewer } = await signedIn('viewer');
    expect((await viewer.request('/auth/audit', { headers: { accept: 'text/html' } })).status).toBe(403);
    const { client, token } = await signedIn('admin');
    const audit = await client.request('/auth/audit', { headers: { accept: 'text/html' } });
    expect(audit.status).toBe(200);
    expect(await audit.text()).toContain('auth.sign_in');
    expect((await client.request('/auth/users', { headers: { accept: 'text/html' } })).status).toBe(200);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await client.request('/auth/sign-out', { form: { _csrf: token } })).status).toBe(303);
    // The old cookie, replayed, no longer signs anyone in.
    const replayed = await app.request('/', { headers: { cookie, accept: 'text/html' } });
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get('location')).toMatch(/^\/auth\/sign-in/);
  });

  it('refuses to bind to another address while the store has no admin, with the command to create one', async () => {
    const empty = join(dir, 'empty.db');
    await expect(serveCommand({ host: '0.0.0.0', port: 0, db: empty, noSample: true, chromiumPath: undefined, until: Promise.resolve() })).rejects.toThrow(/ftr users add/);
  });
});
