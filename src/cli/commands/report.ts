/**
 * `ftr report` (and `ftr scan --format`): renders an assessment into the requested formats. The lead wires
 * `writeReports` into the CLI; it checks for Chromium before writing anything when a PDF is requested.
 */
import type { Assessment } from '../../core/assessment.js';
import { requireChromium } from '../../report/chromium.js';
import { buildReportModel } from '../../report/model.js';
import { parseFormats, renderReports, type ReportFormat } from '../../report/render.js';

export { parseFormats, REPORT_FORMATS, type ReportFormat } from '../../report/render.js';

export interface WriteReportsOptions {
  readonly assessment: Assessment;
  /** The previous assessment (`--compare old.json`): adds the "changes since" section. */
  readonly previous?: Assessment | null;
  /** Other case studies of the same competency checklist (one assessment each). */
  readonly caseStudies?: readonly Assessment[];
  /** Formats as a list or the `--format` string (`html,pdf`). */
  readonly formats: readonly ReportFormat[] | string;
  readonly outDir: string;
  /** `--chromium <path>`; else FTR_CHROMIUM, else PATH. */
  readonly chromiumPath?: string | null;
  readonly baseName?: string;
}

/** Renders the reports and returns the paths of the files written. */
export async function writeReports(options: WriteReportsOptions): Promise<string[]> {
  const formats = typeof options.formats === 'string' ? parseFormats(options.formats) : parseFormats(options.formats);
  const chromiumPath = formats.includes('pdf') ? requireChromium(options.chromiumPath ?? null) : null;
  const model = buildReportModel(options.assessment, {
    previous: options.previous ?? null,
    ...(options.caseStudies ? { caseStudies: options.caseStudies } : {}),
  });
  return renderReports(model, formats, {
    outDir: options.outDir,
    chromiumPath,
    ...(options.baseName ? { baseName: options.baseName } : {}),
  });
}
