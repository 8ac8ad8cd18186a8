/**
 * PDF output: the print variant of the HTML report rendered by headless Chromium. A4, page numbers in
 * the footer, a table of contents (linked), table headers repeated on each page, rows never split.
 */
import type { Browser } from 'playwright-core';
import { launchChromium, requireChromium } from './chromium.js';
import { renderHtml } from './html/render-html.js';
import type { ReportModel } from './model.js';

export interface PdfOptions {
  readonly chromiumPath?: string | null;
  /** Reuse a running browser (tests, several reports in one run). */
  readonly browser?: Browser;
  /** Rows of long tables printed before pointing to the XLSX/CSV. */
  readonly printRowLimit?: number;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderPdf(model: ReportModel, options: PdfOptions = {}): Promise<Buffer> {
  const html = await renderHtml(model, { mode: 'print', printRowLimit: options.printRowLimit ?? 200 });
  const browser = options.browser ?? (await launchChromium(requireChromium(options.chromiumPath)));
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
      await page.emulateMedia({ media: 'print' });
      const label = esc(`${model.framework.title} — ${model.framework.checklistVersion}${model.scope.name ? ` — ${model.scope.name}` : ''}`);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          `<div style="font-size:8px;color:#5b6477;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:'DejaVu Sans',sans-serif">` +
          `<span>${label}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
        outline: true,
        tagged: true,
      });
      return pdf;
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
