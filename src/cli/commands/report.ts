/**
 * `ftr report` (and `--format` of scan, evaluate and demo): renders an assessment into the requested
 * formats. `preflightReports` runs before any work: it parses the formats, finds Chromium when a PDF is
 * asked, and checks that no destination is a link or a folder.
 */
import type { Assessment } from '../../core/assessment.js';
import { assertWritableDestination } from '../../io/output-file.js';
import { requireChromium } from '../../report/chromium.js';
import { buildReportModel } from '../../report/model.js';
import { parseFormats, renderReports, reportPaths, type ReportFormat } from '../../report/render.js';

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
  /** `--accessible-pdf`: a tagged PDF. */
  readonly accessiblePdf?: boolean;
  readonly baseName?: string;
}

export interface ReportPlan {
  readonly formats: readonly ReportFormat[];
  /** The Chromium executable when a PDF is asked, else null. */
  readonly chromiumPath: string | null;
  /** `--accessible-pdf`. */
  readonly accessiblePdf: boolean;
}

/**
 * Before any work: parses `--format`, finds Chromium when a PDF is asked (ChromiumNotFoundError, exit 2,
 * rather than a failure after a long scan) and refuses destinations that are links or folders.
 */
export async function preflightReports(
  formats: string | undefined,
  chromiumOption: string | undefined,
  outDir: string,
  pdf: { readonly accessible?: boolean } = {},
): Promise<ReportPlan> {
  const accessiblePdf = pdf.accessible === true;
  if (formats === undefined) return { formats: [], chromiumPath: null, accessiblePdf };
  const parsed = parseFormats(formats);
  const chromiumPath = parsed.includes('pdf') ? requireChromium(chromiumOption ?? null) : null;
  for (const path of reportPaths(parsed, outDir)) await assertWritableDestination(path);
  return { formats: parsed, chromiumPath, accessiblePdf };
}

/** Renders the reports and returns the paths of the files written. */
export async function writeReports(options: WriteReportsOptions): Promise<string[]> {
  const formats = parseFormats(options.formats);
  const chromiumPath = formats.includes('pdf') ? requireChromium(options.chromiumPath ?? null) : null;
  const model = buildReportModel(options.assessment, {
    previous: options.previous ?? null,
    ...(options.caseStudies ? { caseStudies: options.caseStudies } : {}),
  });
  return renderReports(model, formats, {
    outDir: options.outDir,
    chromiumPath,
    accessiblePdf: options.accessiblePdf === true,
    ...(options.baseName ? { baseName: options.baseName } : {}),
  });
}
