/** `ftr report assessment.json --format ... --out dir [--compare old.json]`. */
import { dirname } from 'node:path';
import { EXIT } from '../../core/errors.js';
import { readAssessment } from '../../io/assessment-file.js';
import { writeReports } from './report.js';

export interface ReportCommandOptions {
  readonly assessmentPath: string;
  readonly formats: string;
  readonly out: string | undefined;
  readonly compare: string | undefined;
  readonly caseStudies: readonly string[];
  readonly chromiumPath: string | undefined;
}

export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const assessment = await readAssessment(options.assessmentPath);
  const previous = options.compare ? await readAssessment(options.compare) : null;
  const caseStudies = await Promise.all(options.caseStudies.map((p) => readAssessment(p)));
  const files = await writeReports({
    assessment,
    previous,
    caseStudies,
    formats: options.formats,
    outDir: options.out ?? dirname(options.assessmentPath),
    chromiumPath: options.chromiumPath ?? null,
  });
  process.stdout.write(`Wrote:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  return EXIT.ok;
}
