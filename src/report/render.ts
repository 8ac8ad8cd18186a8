/** Dispatches the report model to the requested formats and writes the files. */
import { join } from 'node:path';
import { assertWritableDestination, ensureDir, writeOutputFile, writeOutputStream } from '../io/output-file.js';
import type { ReportModel } from './model.js';
// Each renderer is imported when its format is written (below), so parsing --format or writing one format
// does not load the XLSX writer, playwright-core or hono.

/** Formats other tools read (OCSF, Security Hub ASFF, JUnit XML): written when named, not by `all`. */
export const EXCHANGE_FORMATS = ['ocsf', 'asff', 'junit'] as const;
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'md', 'csv', 'json', ...EXCHANGE_FORMATS] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class UnknownFormatError extends Error {
  constructor(format: string) {
    super(`Unknown report format "${format}". Use one or more of: ${REPORT_FORMATS.join(', ')}.`);
    this.name = 'UnknownFormatError';
  }
}

/** Parses `html,pdf` (also accepts `markdown`, `all`). */
export function parseFormats(value: string | readonly string[]): ReportFormat[] {
  const parts = (typeof value === 'string' ? value.split(',') : value.flatMap((v) => v.split(',')))
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const out = new Set<ReportFormat>();
  for (const p of parts) {
    if (p === 'all') REPORT_FORMATS.filter((f) => !(EXCHANGE_FORMATS as readonly string[]).includes(f)).forEach((f) => out.add(f));
    else if (p === 'markdown') out.add('md');
    else if ((REPORT_FORMATS as readonly string[]).includes(p)) out.add(p as ReportFormat);
    else throw new UnknownFormatError(p);
  }
  return REPORT_FORMATS.filter((f) => out.has(f));
}

export interface RenderOptions {
  readonly outDir: string;
  /** File name stem: `<base>.html`, `<base>-findings.csv`, ... */
  readonly baseName?: string;
  readonly chromiumPath?: string | null;
  /** `--accessible-pdf`: a tagged PDF (pdf.ts, docs/decisions/0014). */
  readonly accessiblePdf?: boolean;
}

/** The files each format writes, in REPORT_FORMATS order. */
/** The file name ending of each single-file format (CSV writes two files). */
const FILE_EXTENSION: Record<Exclude<ReportFormat, 'csv'>, string> = {
  html: 'html',
  pdf: 'pdf',
  xlsx: 'xlsx',
  md: 'md',
  json: 'json',
  ocsf: 'ocsf.json',
  asff: 'asff.json',
  junit: 'junit.xml',
};

export function reportPaths(formats: readonly ReportFormat[], outDir: string, baseName = 'ftr-report'): string[] {
  const base = join(outDir, baseName);
  return REPORT_FORMATS.filter((f) => formats.includes(f)).flatMap((format) =>
    format === 'csv' ? [`${base}-findings.csv`, `${base}-resources.csv`] : [`${base}.${FILE_EXTENSION[format]}`],
  );
}

/**
 * Writes every requested format; returns the paths written, in REPORT_FORMATS order. Every destination is
 * checked before anything is rendered (a link or a folder in the way fails fast), and each file is written
 * by io/output-file.ts (temp file + rename, 0600, never through a link).
 */
export async function renderReports(model: ReportModel, formats: readonly ReportFormat[], options: RenderOptions): Promise<string[]> {
  await ensureDir(options.outDir);
  for (const path of reportPaths(formats, options.outDir, options.baseName)) await assertWritableDestination(path);
  const base = join(options.outDir, options.baseName ?? 'ftr-report');
  const written: string[] = [];
  for (const format of REPORT_FORMATS.filter((f) => formats.includes(f))) {
    switch (format) {
      case 'html':
        await writeOutputFile(`${base}.html`, await (await import('./html/render-html.js')).renderHtml(model, { mode: 'screen' }));
        written.push(`${base}.html`);
        break;
      case 'pdf':
        await writeOutputFile(`${base}.pdf`, await (await import('./pdf.js')).renderPdf(model, { chromiumPath: options.chromiumPath ?? null, tagged: options.accessiblePdf === true }));
        written.push(`${base}.pdf`);
        break;
      case 'xlsx':
        {
          const { renderXlsx } = await import('./xlsx.js');
          await writeOutputStream(`${base}.xlsx`, (stream) => renderXlsx(model, stream));
        }
        written.push(`${base}.xlsx`);
        break;
      case 'md':
        await writeOutputFile(`${base}.md`, (await import('./markdown.js')).renderMarkdown(model));
        written.push(`${base}.md`);
        break;
      case 'csv':
        {
          const { findingsCsvLines, resourcesCsvLines, writeCsv } = await import('./csv.js');
          await writeOutputStream(`${base}-findings.csv`, (stream) => writeCsv(stream, findingsCsvLines(model)));
          await writeOutputStream(`${base}-resources.csv`, (stream) => writeCsv(stream, resourcesCsvLines(model)));
        }
        written.push(`${base}-findings.csv`, `${base}-resources.csv`);
        break;
      case 'json':
        await writeOutputFile(`${base}.json`, (await import('./json.js')).renderJson(model));
        written.push(`${base}.json`);
        break;
      case 'ocsf':
        await (await import('./ocsf.js')).writeOcsf(model, `${base}.ocsf.json`);
        written.push(`${base}.ocsf.json`);
        break;
      case 'asff':
        await (await import('./asff.js')).writeAsff(model, `${base}.asff.json`);
        written.push(`${base}.asff.json`);
        break;
      case 'junit':
        await writeOutputFile(`${base}.junit.xml`, (await import('./junit.js')).renderJunit(model));
        written.push(`${base}.junit.xml`);
        break;
    }
  }
  return written;
}
