/** The exchange formats (ocsf, asff, junit) through the same path as every report: --format and writeReports. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SaxesParser } from 'saxes';
import { runCli, isolatedEnv } from '../../test/e2e/cli-runner.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { ASFF_FILE_SCHEMA } from '../../test/helpers/asff-schema.js';
import { compileOcsfClassSchema } from '../../test/helpers/ocsf-schema.js';
import { syntheticAssessment } from '../../test/fixtures/assessments/synthetic.js';
import { renderAsff } from './asff.js';
import { buildReportModel } from './model.js';
import { OCSF_APPLIED_PROFILES, OCSF_CLASS, OCSF_VERSION, renderOcsf } from './ocsf.js';
import { writeReports } from '../cli/commands/report.js';
import { parseFormats, renderReports } from './render.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-exchange-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--format ocsf,asff,junit', () => {
  it('are accepted by name and are not part of "all" (the human-readable reports)', () => {
    expect(parseFormats('junit, ocsf,asff')).toEqual(['ocsf', 'asff', 'junit']);
    expect(parseFormats('all')).not.toContain('ocsf');
    expect(parseFormats('all,junit')).toContain('junit');
  });

  it('writes one file each from the same report model', async () => {
    const files = await writeReports({ assessment: sampleAssessment(), formats: 'ocsf,asff,junit', outDir: dir });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['ftr-report.ocsf.json', 'ftr-report.asff.json', 'ftr-report.junit.xml']);
    expect((await readdir(dir)).sort()).toEqual(['ftr-report.asff.json', 'ftr-report.junit.xml', 'ftr-report.ocsf.json']);
    const asff = JSON.parse(await readFile(join(dir, 'ftr-report.asff.json'), 'utf8')) as { Findings: unknown[] };
    const ocsf = JSON.parse(await readFile(join(dir, 'ftr-report.ocsf.json'), 'utf8')) as unknown[];
    expect(asff.Findings).toHaveLength(ocsf.length);
    expect(await readFile(join(dir, 'ftr-report.junit.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });
});

describe('the OCSF and ASFF files are streamed', () => {
  it('byte for byte what the one-string renderers give: indented when small, compact above 5,000 findings', async () => {
    for (const [name, assessment] of [
      ['small', sampleAssessment()],
      ['large', syntheticAssessment({ findings: 5_200, resources: 50 })],
    ] as const) {
      const model = buildReportModel(assessment);
      const out = join(dir, `streamed-${name}`);
      await renderReports(model, ['ocsf', 'asff'], { outDir: out });
      const ocsf = await readFile(join(out, 'ftr-report.ocsf.json'), 'utf8');
      expect(ocsf).toBe(renderOcsf(model));
      expect(await readFile(join(out, 'ftr-report.asff.json'), 'utf8')).toBe(renderAsff(model));
      expect(ocsf.startsWith('[\n')).toBe(name === 'small');
    }
  });
});

describe('the bundled sample scan (real check results) through the CLI', () => {
  it('ftr demo --format ocsf,asff,junit writes files that validate', async () => {
    const out = join(dir, 'demo');
    const result = await runCli(['demo', '--format', 'ocsf,asff,junit', '--out', out], { env: isolatedEnv() });
    expect(result.code, `ftr demo: ${result.stderr}`).toBe(0);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const ocsfSchema = compileOcsfClassSchema(`schemas/ocsf/${OCSF_VERSION}`, OCSF_CLASS.name, OCSF_APPLIED_PROFILES).schema;
    const validateEvent = ajv.compile(ocsfSchema);
    const events = JSON.parse(await readFile(join(out, 'ftr-report.ocsf.json'), 'utf8')) as unknown[];
    expect(events.length).toBeGreaterThan(100);
    expect(events.filter((e) => !validateEvent(e))).toEqual([]);
    const validateAsff = ajv.compile(ASFF_FILE_SCHEMA);
    const asff: unknown = JSON.parse(await readFile(join(out, 'ftr-report.asff.json'), 'utf8'));
    expect(validateAsff(asff) ? [] : validateAsff.errors).toEqual([]);
    const sax = new SaxesParser({ xmlns: false });
    expect(() => sax.write(readFileSync(join(out, 'ftr-report.junit.xml'), 'utf8')).close()).not.toThrow();
  });
});
