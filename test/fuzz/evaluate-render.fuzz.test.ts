/**
 * Whatever the readers accept must evaluate and render: mutated snapshots that pass the schema are
 * evaluated against every catalog and rendered as HTML, Markdown, CSV, XLSX and JSON (not PDF: it is the
 * HTML printed by Chromium); mutated assessments that pass the schema are rendered the same way. Nothing may
 * throw, and no check may crash (a crashing check shows up as an UNKNOWN finding flagged as a bug).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_SNAPSHOT_PATH } from '../../src/cli/commands/demo.js';
import { resolveFramework } from '../../src/cli/options.js';
import { assess } from '../../src/cli/write-assessment.js';
import type { Assessment } from '../../src/core/assessment.js';
import { UserError } from '../../src/core/errors.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { parseAssessment } from '../../src/io/assessment-file.js';
import { parseSnapshot } from '../../src/io/snapshot-file.js';
import { renderFindingsCsv, renderResourcesCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderXlsx } from '../../src/report/xlsx.js';
import { applyMutations, FUZZ, jsonPaths, mutations, RENDER_WEIGHTS } from './mutate.js';

// One account and two regions of the sample keep each run light while every slice is present.
const full = JSON.parse(gunzipSync(readFileSync(SAMPLE_SNAPSHOT_PATH)).toString('utf8')) as { accounts: { regional: unknown[] }[] };
const base = { ...full, accounts: full.accounts.slice(0, 1).map((a) => ({ ...a, regional: a.regional.slice(0, 2) })) };
const basePaths = jsonPaths(base);
const xlsxPath = join(mkdtempSync(join(tmpdir(), 'ftr-fuzz-render-')), 'fuzz.xlsx');

/** Parses, or returns null for a UserError (the reader's job, fuzzed in json-readers.fuzz.test.ts). */
function acceptedOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

async function renderAll(assessment: Assessment): Promise<void> {
  const model = buildReportModel(assessment, { previous: null });
  expect((await renderHtml(model, { mode: 'screen' })).length).toBeGreaterThan(0);
  expect(renderMarkdown(model).length).toBeGreaterThan(0);
  renderFindingsCsv(model);
  renderResourcesCsv(model);
  JSON.parse(renderJson(model));
  await renderXlsx(model, xlsxPath);
}

describe('evaluate and render fuzzing', () => {
  it('every mutated snapshot the reader accepts evaluates under every catalog and renders in every format', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(mutations(basePaths.length, RENDER_WEIGHTS), fc.constantFrom(...FRAMEWORKS.map((f) => f.id)), async (list, frameworkId) => {
        const doc = applyMutations(base, basePaths, list);
        const snapshot = acceptedOrNull(() => parseSnapshot(Buffer.from(JSON.stringify(doc)), 'fuzz.json'));
        if (snapshot === null) return;
        const { assessment } = assess(snapshot, { framework: resolveFramework(frameworkId), delivery: 'multi-tenant-saas', attestationsFile: null });
        const crashed = assessment.findings.filter((f) => f.evidence.bug === true).map((f) => `${f.checkId}: ${f.message}`);
        expect(crashed).toEqual([]);
        // The written assessment reads back: evaluation never produces what the assessment reader refuses.
        const reread = parseAssessment(JSON.stringify(assessment), 'assessment.json');
        await renderAll(reread);
        rendered++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(120) },
    );
    expect(rendered).toBeGreaterThan(0);
  });

  it('every mutated assessment the reader accepts renders in every format', async () => {
    const snapshot = parseSnapshot(Buffer.from(JSON.stringify(base)), 'base.json');
    const assessment = JSON.parse(JSON.stringify(assess(snapshot, { framework: resolveFramework('ftr-partner-hosted'), delivery: 'multi-tenant-saas', attestationsFile: null }).assessment)) as unknown;
    const paths = jsonPaths(assessment);
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(mutations(paths.length, RENDER_WEIGHTS), async (list) => {
        const accepted = acceptedOrNull(() => parseAssessment(JSON.stringify(applyMutations(assessment, paths, list)), 'fuzz.json'));
        if (accepted === null) return;
        await renderAll(accepted);
        rendered++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(120) },
    );
    expect(rendered).toBeGreaterThan(0);
  });
});
