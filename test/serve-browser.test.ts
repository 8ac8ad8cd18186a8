/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core, one launch, never a
 * downloaded browser), in team mode with a local account: sign in through the sign-in form (its CSRF
 * token, then the session cookie), overview, open an item, attest with an uploaded file, the verdict turns
 * MET, diff the two assessments, export the PDF, the attestation in the audit log, sign out. No console
 * error, no request to anything but the dashboard on 127.0.0.1. Screenshots of each page go to
 * test-artifacts/serve/ (gitignored) for a person to look at. Skips, saying why, only when Chromium is
 * missing.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../src/report/chromium.js';
import { createApp, type DashboardApp } from '../src/serve/app.js';
import { addUser } from '../src/serve/auth/index.js';
import { teamModeSeam } from '../src/serve/team-mode.js';
import { ensureSampleWorkspace } from '../src/serve/workspace.js';
import { openStore, type Store } from '../src/store/db.js';

const chromiumPath = findChromium();
if (!chromiumPath) console.warn('SKIPPED dashboard browser test: no Chromium found (apt-get install chromium, or set FTR_CHROMIUM).');

const SCREENS = join(process.cwd(), 'test-artifacts', 'serve');
const ADMIN = { email: 'ada@example.com', password: 'correct horse battery staple' };
const PDF_EVIDENCE = Buffer.from('%PDF-1.4\n% restore test evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!chromiumPath)('ftr serve in Chromium', () => {
  let dir: string;
  let store: Store;
  let app: DashboardApp;
  let server: ReturnType<typeof serve>;
  let base: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ftr-serve-browser-'));
    await mkdir(SCREENS, { recursive: true });
    store = await openStore({ engine: 'sqlite', file: join(dir, 'ftr.db') });
    await ensureSampleWorkspace(store, { userId: null, label: 'test' });
    await addUser(store, { email: ADMIN.email, name: 'Ada Admin', role: 'admin', password: ADMIN.password }, { userId: null, label: 'cli:test' });
    app = createApp({
      store,
      chromiumPath: chromiumPath ?? null,
      auth: teamModeSeam({ store, settings: { oidc: undefined, passwords: true, secret: undefined }, secure: false, trustProxy: false }),
    });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The report's no-network flags, except that the dashboard on 127.0.0.1 must be reachable (the last
    // --host-resolver-rules wins): every other name still resolves to nothing.
    browser = await launchChromium(chromiumPath ?? '', { extraArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.jobs.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });

  it('signs in, walks from the overview to a MET item, a diff and the PDF, with no console error and no request off the host', async () => {
    // Anonymous: the dashboard sends the browser to the sign-in form.
    await page.goto(`${base}/`);
    await page.waitForURL(/\/auth\/sign-in\?next=%2F$/);
    expect(await page.locator('input[name=_csrf]').count()).toBe(1);
    await shot('0-sign-in');
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.click('form[action^="/auth/sign-in"] button[type=submit]');
    await page.waitForURL(`${base}/`);
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'ftr_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The top bar names the signed-in user and offers the admin pages and signing out.
    const topbar = page.locator('nav.topbar');
    expect(await topbar.textContent()).toContain('Ada Admin (admin)');
    expect(await topbar.locator('a[href="/auth/users"]').count()).toBe(1);
    expect(await topbar.locator('a[href="/auth/audit"]').count()).toBe(1);
    expect(await topbar.locator('form[action="/auth/sign-out"] button').count()).toBe(1);
    expect(await page.locator('svg.trend').count()).toBe(1);
    await shot('1-overview');

    await page.click('a[href="/assessments/1"]');
    await page.waitForSelector('#results');
    // A filter swaps the results in place (htmx) and keeps the URL shareable.
    await page.selectOption('select[name=verdict]', 'NEEDS_EVIDENCE');
    await page.waitForURL(/verdict=NEEDS_EVIDENCE/);
    await page.waitForFunction(() => document.querySelectorAll('#results article.item.v-MET').length === 0);
    await shot('2-assessment-filtered');

    await page.click('#results a.mono[href$="/items/HOST-001"]');
    await page.waitForSelector('#attestation-form');
    expect((await page.locator('#item-live .verdict-live .badge').textContent())?.trim()).toBe('Needs evidence');
    await shot('3-item-before');

    await page.selectOption('#answer', 'yes');
    await page.fill('#justification', 'Every component runs in our own AWS accounts; see the hosting runbook.');
    await page.fill('#owner', 'alice@example.com');
    await page.setInputFiles('#evidenceFile', { name: 'hosting-runbook.pdf', mimeType: 'application/pdf', buffer: PDF_EVIDENCE });
    await page.click('#attestation-form button[type=submit]');
    await page.waitForSelector('#item-live .flash.ok');
    expect((await page.locator('#item-live .verdict-live .badge').textContent())?.trim()).toBe('Met');
    await page.waitForURL(/\/assessments\/2\/items\/HOST-001$/);
    await shot('4-item-met');

    await page.goto(`${base}/diff`);
    await page.click('form[action="/diff"] button[type=submit]');
    await page.waitForSelector('#diff-result');
    expect(await page.locator('#diff-result').textContent()).toContain('HOST-001');
    await shot('5-diff');

    await page.goto(`${base}/assessments/2`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), page.click('a[href="/assessments/2/export/pdf"]')]);
    const pdfPath = join(dir, 'export.pdf');
    await download.saveAs(pdfPath);
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('6-assessment-after');

    await page.goto(`${base}/scans`);
    await shot('7-scans');

    // The attestation is in the audit log under the signed-in user.
    await page.click('nav.topbar a[href="/auth/audit"]');
    await page.waitForURL(/\/auth\/audit/);
    const audit = (await page.locator('body').textContent()) ?? '';
    expect(audit).toContain('attestation');
    expect(audit).toContain(ADMIN.email);
    await shot('8-audit-log');

    await page.click('nav.topbar form[action="/auth/sign-out"] button');
    await page.goto(`${base}/`);
    await page.waitForURL(/\/auth\/sign-in/);

    expect(consoleErrors).toEqual([]);
    const offHost = requests.filter((url) => !url.startsWith(`${base}/`));
    expect(offHost).toEqual([]);
  });
});

