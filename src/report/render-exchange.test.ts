/** The exchange formats (ocsf, asff, junit) through the same path as every report: --format and writeReports. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { writeReports } from '../cli/commands/report.js';
import { parseFormats } from './render.js';

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
