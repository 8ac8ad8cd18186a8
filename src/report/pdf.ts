/**
 * PDF output: the print variant of the HTML report rendered by headless Chromium. A4, page numbers in
 * the footer, a table of contents (linked), bookmarks, table headers repeated on each page, rows never split.
 *
 * No network: the page is served from memory by a request-interception route that aborts every other
 * request, with a Content-Security-Policy that allows only inline styles and data: images/fonts, JavaScript
 * off and service workers blocked, on top of chromium.ts's launch flags (pdf-network.test.ts proves it).
 */
import type { Browser } from 'playwright-core';
import { launchChromium, requireChromium } from './chromium.js';
import { reportContents } from './contents.js';
import { addPdfOutline } from './pdf-outline.js';
import { renderHtml } from './html/render-html.js';
import type { ReportModel } from './model.js';

export interface PdfOptions {
  readonly chromiumPath?: string | null;
  /** Reuse a running browser (tests, several reports in one run). */
  readonly browser?: Browser;
  /** Rows of long tables printed before pointing to the XLSX/CSV. */
  readonly printRowLimit?: number;
  /**
   * A tagged PDF (`--accessible-pdf`): Chromium's structure tree for screen readers, with the bookmarks
   * Chromium builds from it. Off by default (docs/decisions/0014): tagging costs about 40% more time on a
   * large report and triples the file; the untagged PDF gets its bookmarks from pdf-outline.ts.
   */
  readonly tagged?: boolean;
}

export interface PrintOptions {
  readonly chromiumPath?: string | null;
  readonly browser?: Browser;
  /** Left part of the footer (plain text; escaped here). */
  readonly footerLabel: string;
  /** The caller closes `browser` right after: the context goes with it, no need to close it first. */
  readonly browserClosedAfter?: boolean;
  /** A tagged PDF with Chromium's heading outline (PdfOptions.tagged); else untagged, without bookmarks. */
  readonly tagged?: boolean;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The report's own address. It is served by the route below (never resolved: chromium.ts maps every host
 * name to NOTFOUND), so the page gets a real Content-Security-Policy header.
 */
const REPORT_URL = 'http://report.ftr-offline.invalid/';

/**
 * What the page may load: inline styles and inline SVG, images and fonts only as data: URLs. The renderer
 * refuses anything else before a request exists (an iframe would otherwise make Chromium preconnect to
 * its host, past the request interception).
 */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'none'; " +
  "script-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** Prints a self-contained HTML page to PDF without letting it (or Chromium) reach the network. */
export async function printHtmlToPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const browser = options.browser ?? (await launchChromium(requireChromium(options.chromiumPath)));
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    try {
      // On the context, so a popup or frame is covered too: the report is the one request answered, from
      // memory; every other request is aborted. data: URLs never reach a route and need none.
      await context.route('**/*', async (route) => {
        const request = route.request();
        if (request.url() === REPORT_URL && request.isNavigationRequest() && request.frame().parentFrame() === null) {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': PRINT_CSP }, body: html });
        } else {
          await route.abort('blockedbyclient');
        }
      });
      const page = await context.newPage();
      // Print media before the page loads: it is laid out once, for print, instead of for screen first.
      await page.emulateMedia({ media: 'print' });
      await page.goto(REPORT_URL, { waitUntil: 'load', timeout: 120_000 });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          `<div style="font-size:8px;color:#5b6477;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:'DejaVu Sans',sans-serif">` +
          `<span>${esc(options.footerLabel)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
        outline: options.tagged === true,
        tagged: options.tagged === true,
      });
    } finally {
      if (!(options.browser && options.browserClosedAfter)) await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** Rows an item's findings table prints at most, and at least when a large report has to share. */
export const PRINT_ITEM_ROWS = { max: 40, min: 10 } as const;
/** Finding rows all item and section tables print together before each table gets fewer (down to PRINT_ITEM_ROWS.min). */
export const PRINT_FINDING_ROW_BUDGET = 600;

/**
 * How many rows each item's (and info section's) findings table prints. Chromium's time to lay out, paginate
 * and tag the PDF grows with its rows (at 107,000 findings, 40 rows for each of some 40 tables made a 99-page
 * PDF and most of its 15 s), while every row is in the XLSX and CSV anyway. So the tables share a budget:
 * the largest cap between min and max whose rows fit in it; a report whose tables fit prints 40 as before.
 */
export function printItemRowLimit(model: ReportModel, budget = PRINT_FINDING_ROW_BUDGET): number {
  const sizes: number[] = [];
  for (const section of model.sections) {
    if (section.relatedFindings.length > 0) sizes.push(section.relatedFindings.length);
    for (const item of section.items) {
      if (item.attention.length > 0) sizes.push(item.attention.length);
      if (item.passingSample.length > 0) sizes.push(item.passingSample.length);
    }
  }
  const printed = (cap: number): number => sizes.reduce((sum, n) => sum + Math.min(n, cap), 0);
  let cap = PRINT_ITEM_ROWS.max;
  while (cap > PRINT_ITEM_ROWS.min && printed(cap) > budget) cap--;
  return cap;
}

/** How long the page build waits for Chromium's process to be started before it takes the CPU. */
const LAUNCH_HEAD_START_MS = 50;

export async function renderPdf(model: ReportModel, options: PdfOptions = {}): Promise<Buffer> {
  // Chromium starts up (about a second of its own CPU) while the page is built: the two overlap on a machine
  // with two CPUs. Building the page is synchronous, so playwright first gets a moment of the event loop to
  // get as far as starting the process (a temp profile folder, then spawn); without it Chromium started only
  // once the page was built.
  const launching = options.browser ? null : launchChromium(requireChromium(options.chromiumPath));
  if (launching) await Promise.race([launching.then(() => undefined, () => undefined), new Promise((r) => setTimeout(r, LAUNCH_HEAD_START_MS))]);
  let html: string;
  try {
    html = await renderHtml(model, { mode: 'print', printRowLimit: options.printRowLimit ?? 200, printItemRowLimit: printItemRowLimit(model) });
  } catch (err) {
    await launching?.then((b) => b.close()).catch(() => undefined);
    throw err;
  }
  const browser = options.browser ?? (await (launching as Promise<Browser>));
  const tagged = options.tagged === true;
  let pdf: Buffer;
  try {
    pdf = await printHtmlToPdf(html, {
      footerLabel: `${model.framework.title} — ${model.framework.checklistVersion}${model.scope.name ? ` — ${model.scope.name}` : ''}`,
      browser,
      browserClosedAfter: !options.browser,
      tagged,
    });
  } finally {
    if (!options.browser) await browser.close();
  }
  if (tagged) return pdf;
  // Chromium builds an outline only from tags: the untagged PDF gets the report's contents as bookmarks. A
  // PDF this cannot extend (not expected from Chromium) is still the report, written without them.
  return addPdfOutline(pdf, reportContents(model)).pdf;
}
