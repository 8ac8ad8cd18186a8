/**
 * `ftr report assessment.json [--format ...] [--out dir] [--compare old.json]`. Without Chromium the other
 * formats are still written and the PDF is skipped with the reason: exit 0 when the PDF only came with the
 * default format list, exit 6 (EXIT.reportSkipped) when `--format` asked for it.
 */
import { EXIT } from '../../core/errors.js';
import { readAssessment } from '../../io/assessment-file.js';
import { prepareOutputDir } from '../../io/output-file.js';
import { ChromiumNotFoundError, requireChromium } from '../../report/chromium.js';
import { parseFormats } from '../../report/render.js';
import { DEFAULT_OUT } from '../options.js';
import { preflightReports, writeReports } from './report.js';


export interface ReportCommandOptions {
  readonly assessmentPath: string;
  /** `--format`; undefined = every format (the PDF only when Chromium is there). */
  readonly formats: string | undefined;
  readonly out: string | undefined;
  readonly compare: string | undefined;
  readonly caseStudies: readonly string[];
  readonly chromiumPath: string | undefined;
  /** `--accessible-pdf`: a tagged PDF. */
  readonly accessiblePdf?: boolean;
}

export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const explicit = options.formats !== undefined;
  // Default: the six report formats ('all'); the exchange formats (OCSF, ASFF, JUnit) only when named.
  let formats = parseFormats(options.formats ?? 'all');
  let skipped: string | null = null;
  if (formats.includes('pdf')) {
    try {
      requireChromium(options.chromiumPath ?? null);
    } catch (err) {
      if (!(err instanceof ChromiumNotFoundError)) throw err;
      formats = formats.filter((f) => f !== 'pdf');
      skipped = err.message;
    }
  }
  const outDir = options.out ?? DEFAULT_OUT;
  // Every input and the output folder are checked before anything is written.
  const assessment = await readAssessment(options.assessmentPath);
  const previous = options.compare ? await readAssessment(options.compare) : null;
  const caseStudies = await Promise.all(options.caseStudies.map((p) => readAssessment(p)));
  await prepareOutputDir(outDir);
  const plan = await preflightReports(formats.join(','), options.chromiumPath, outDir, { accessible: options.accessiblePdf === true });
  const files = plan.formats.length > 0 ? await writeReports({ assessment, previous, caseStudies, formats: plan.formats, outDir, chromiumPath: plan.chromiumPath, accessiblePdf: plan.accessiblePdf }) : [];
  if (files.length > 0) process.stdout.write(`Wrote:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  if (skipped !== null) {
    process.stderr.write(`\nPDF skipped: ${skipped}\n`);
    return explicit ? EXIT.reportSkipped : EXIT.ok;
  }
  return EXIT.ok;
}
