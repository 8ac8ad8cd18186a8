/**
 * Drives the HTML report in headless Chromium (Debian's package via playwright-core; no browser download)
 * and checks the PDF with poppler-utils. Skips, saying why, only when Chromium or poppler is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { syntheticAssessment } from '../../test/fixtures/assessments/synthetic.js';
import { hasPoppler, outlineItems } from '../../test/helpers/poppler.js';
import { findChromium, launchChromium, requireChromium, ChromiumNotFoundError } from './chromium.js';
import { SECTION_LABEL } from './format.js';
import { renderHtml } from './html/render-html.js';
import { buildReportModel } from './model.js';
import { renderPdf } from './pdf.js';

const chromiumPath = findChromium();
if (!chromiumPath) console.warn('SKIPPED browser/PDF report tests: no Chromium found (apt-get install chromium-headless-shell, or set FTR_CHROMIUM).');
if (!hasPoppler) console.warn('SKIPPED PDF text checks: poppler-utils not found (apt-get install poppler-utils).');

/** Where review screenshots go (printed by the test). */
export const SCREENSHOT_DIR = process.env.FTR_SCREENSHOT_DIR ?? join(tmpdir(), 'ftr-ready-report-screens');

describe('chromium lookup', () => {
  it('gives a clear error when Chromium is absent', () => {
    expect(() => requireChromium(null, { PATH: '/nonexistent' })).toThrow(ChromiumNotFoundError);
    expect(() => requireChromium(null, { PATH: '/nonexistent' })).toThrow(/apt-get install chromium-headless-shell/);
    expect(() => requireChromium('/nonexistent/chromium', {})).toThrow(/--chromium/);
    expect(findChromium(null, { PATH: '/nonexistent', FTR_CHROMIUM: '/nonexistent/x' })).toBeUndefined();
  });
});

describe.skipIf(!chromiumPath)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath ?? '');
    dir = await mkdtemp(join(tmpdir(), 'ftr-browser-'));
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const file = join(dir, name);
    await writeFile(file, html);
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  const visible = (page: Page, selector: string): Promise<string[]> =>
    page.$$eval(selector, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id || e.getAttribute('data-account') || ''));

  const firstCells = (page: Page, selector: string): Promise<string[]> =>
    page.$$eval(selector, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLTableRowElement).cells[0]?.textContent ?? ''));

  it('filters by section, account and verdict, requests nothing, logs no errors', async () => {
    const assessment = sampleAssessment();
    const model = buildReportModel(assessment, { previous: previousSampleAssessment() });
    const { page, requests, errors } = await open('sample.html', await renderHtml(model));
    try {
      const items = assessment.items.length;
      expect(await visible(page, 'article.item')).toHaveLength(items);

      await page.selectOption('#f-section', 'IAM');
      const iam = assessment.items.filter((i) => i.section === 'IAM').map((i) => `item-${i.itemId.toLowerCase()}`);
      expect((await visible(page, 'article.item')).sort()).toEqual(iam.sort());
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-filter-iam.png'), fullPage: false });

      await page.click('#f-reset');
      await page.uncheck('input[name=f-verdict][value=MET]');
      const notMet = assessment.items.filter((i) => i.verdict !== 'MET').length;
      expect(await visible(page, 'article.item')).toHaveLength(notMet);

      await page.click('#f-reset');
      await page.selectOption('#f-account', '222222222222');
      const rows = await firstCells(page, '#resources-table tbody tr');
      expect(rows.length).toBe(assessment.resources.filter((r) => r.accountId === '222222222222').length);
      expect(new Set(rows)).toEqual(new Set(['222222222222']));

      await page.click('#f-reset');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-top.png'), fullPage: false });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-full.png'), fullPage: true });
      console.info(`Report screenshots for review: ${SCREENSHOT_DIR}`);

      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(requests).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs no injected script from hostile AWS text', async () => {
    const { page, errors } = await open('hostile.html', await renderHtml(buildReportModel(hostileAssessment())));
    try {
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.$$eval('img', (els) => els.length)).toBe(0);
      expect(await page.textContent('#resources-table')).toContain('<script>window.__pwned = 1</script>');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('paginates a 20,000-resource inventory', async () => {
    const model = buildReportModel(syntheticAssessment({ findings: 5_000, resources: 20_000 }));
    const { page, errors } = await open('large.html', await renderHtml(model));
    try {
      expect(await firstCells(page, '#resources-table tbody tr')).toHaveLength(50);
      const pager = page.locator('#resources-table + .pager');
      expect(await pager.textContent()).toContain('Rows 1–50 of 20000');
      await pager.locator('button', { hasText: 'Next' }).click();
      expect(await pager.textContent()).toContain('Rows 51–100 of 20000');
      expect(await firstCells(page, '#resources-table tbody tr')).toHaveLength(50);
      const account = model.resources.rows[7]!.accountId;
      await page.selectOption('#f-account', account);
      const cells = await firstCells(page, '#resources-table tbody tr');
      expect(new Set(cells)).toEqual(new Set([account]));
      expect(await pager.textContent()).toContain(`of ${model.resources.rows.filter((r) => r.accountId === account).length}`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens no omnibox popup page for a new window (UNUSED_UI_DISABLED_FEATURES; it cost seconds of CPU per PDF)', async () => {
    // Without the flags Chromium 156 lists chrome://omnibox-popup.top-chrome/ (and its AI-mode page) as
    // browser_ui targets as soon as a context's first page exists: each is a renderer loading a WebUI app.
    const session = await browser.newBrowserCDPSession();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.newPage();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.filter((t) => t.url.startsWith('chrome://')).map((t) => `${t.type} ${t.url}`)).toEqual([]);
      expect(targetInfos.some((t) => t.type === 'page')).toBe(true);
    } finally {
      await context.close();
      await session.detach();
    }
  });

  it.skipIf(!hasPoppler)('prints a PDF with a contents page, page numbers and every item', async () => {
    const assessment = sampleAssessment();
    const model = buildReportModel(assessment, { previous: previousSampleAssessment() });
    const pdf = await renderPdf(model, { browser });
    const file = join(SCREENSHOT_DIR, 'report.pdf');
    await writeFile(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(5);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Contents');
    expect(text).toContain('1. At a glance');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const item of assessment.items) expect(text).toContain(item.itemId);
    for (const s of model.sections) expect(text).toContain(s.area);
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', file, join(SCREENSHOT_DIR, 'report-pdf')]);
    // Untagged by default, with the report's contents as bookmarks (pdf-outline.ts), each on its page.
    expect(info).toMatch(/Tagged:\s+no/);
    const bookmarks = outlineItems(file);
    expect(bookmarks.map((b) => b.title)).toEqual(expect.arrayContaining(['1. At a glance', '2. Attached resources and costs', '3. Detail sections']));
    for (const [i, s] of model.sections.entries()) expect(bookmarks.some((b) => b.title === `3.${i + 1} ${s.area} — ${SECTION_LABEL[s.status]}`)).toBe(true);
    const pageTexts = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    for (const item of assessment.items) {
      const mark = bookmarks.find((b) => b.title.startsWith(`${item.itemId} `));
      expect(mark).toBeDefined();
      // The page the bookmark opens shows the item.
      expect(pageTexts[(mark?.page ?? 0) - 1]).toContain(item.itemId);
    }
  });

  it.skipIf(!hasPoppler)('--accessible-pdf prints a tagged PDF with Chromium\'s own bookmarks', async () => {
    const model = buildReportModel(sampleAssessment());
    const file = join(SCREENSHOT_DIR, 'report-tagged.pdf');
    await writeFile(file, await renderPdf(model, { browser, tagged: true }));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(outlineItems(file).map((b) => b.title)).toContain('1. At a glance');
  });
});
