/**
 * The whole manual-evidence flow for every catalog, as a user runs it: `ftr attest init`, fill in the
 * answers, evaluate the bundled sample scan. No item may go missing, every NOT_APPLICABLE says why, and every
 * MET that rests on an attestation says so.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attestInit } from '../src/cli/commands/attest.js';
import { SAMPLE_SNAPSHOT_PATH } from '../src/cli/commands/demo.js';
import { assess } from '../src/cli/write-assessment.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { readSnapshot } from '../src/io/snapshot-file.js';
import { fillInAttestations as fillIn } from './helpers/fill-attestations.js';

const snapshot = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s: from attest init to a complete assessment', (_id, framework) => {
  const dir = mkdtempSync(join(tmpdir(), 'ftr-attest-flow-'));
  const file = join(dir, 'ftr-attestations.yaml');
  attestInit({ frameworkId: framework.id, delivery: 'multi-tenant-saas', outFile: file });
  const leaveOpen = framework.items.find((i) => i.automation === 'manual' && !i.gatedBy && !i.notPresentInSource)?.id;
  // Where every gate chooses a route (the Alternative), take the first route.
  const routeGates = framework.gatingQuestions.length > 0 && framework.gatingQuestions.every((g) => g.id.startsWith('ALT-')) ? [framework.gatingQuestions[0]?.id ?? ''] : [];
  fillIn(file, leaveOpen, routeGates);
  const { assessment } = assess(snapshot, { framework, delivery: 'multi-tenant-saas', attestationsFile: file });

  it('keeps every item of the catalog, in order', () => {
    expect(assessment.items.map((i) => i.itemId)).toEqual(framework.items.map((i) => i.id));
  });

  it('says why every NOT_APPLICABLE item does not apply', () => {
    const silent = assessment.items
      .filter((i) => i.verdict === 'NOT_APPLICABLE')
      .filter((i) => !/gating|answered "no"|not present in the source|does not apply|delivery|route/i.test(i.reason))
      .map((i) => i.itemId);
    expect(silent).toEqual([]);
  });

  it('says so wherever a MET rests on an attestation', () => {
    const attested = assessment.items.filter((i) => i.verdict === 'MET' && i.attestation);
    expect(attested.length).toBeGreaterThan(0);
    expect(attested.filter((i) => !/attestation/i.test(i.reason)).map((i) => i.itemId)).toEqual([]);
  });

  it('leaves the unanswered item needing evidence and never lets an attestation hide a required FAIL', () => {
    const open = assessment.items.find((i) => i.itemId === leaveOpen);
    expect(leaveOpen === undefined || open?.verdict === 'NEEDS_EVIDENCE').toBe(true);
    const requiredFail = (i: (typeof assessment.items)[number]) => (i.checks ?? []).some((c) => c.role === 'required' && c.outcome === 'fail');
    const hidden = assessment.items.filter((i) => requiredFail(i) && i.verdict !== 'NOT_MET' && i.verdict !== 'NOT_APPLICABLE');
    expect(hidden.map((i) => i.itemId)).toEqual([]);
    // An evidence check that fails may be answered by an attestation, and the reason then says so.
    const evidenceFail = assessment.items.filter((i) => i.verdict === 'MET' && (i.checks ?? []).some((c) => c.role === 'evidence' && c.outcome === 'fail'));
    expect(evidenceFail.filter((i) => !/not shown by the scan, so another accepted way is attested/.test(i.reason)).map((i) => i.itemId)).toEqual([]);
  });
});

describe('the FTR Partner-Hosted assessment of the sample Organization', () => {
  it('produces every verdict kind', () => {
    const framework = FRAMEWORKS.find((f) => f.id === 'ftr-partner-hosted');
    if (!framework) throw new Error('catalog missing');
    const dir = mkdtempSync(join(tmpdir(), 'ftr-attest-flow-'));
    const file = join(dir, 'ftr-attestations.yaml');
    attestInit({ frameworkId: framework.id, delivery: 'multi-tenant-saas', outFile: file });
    fillIn(file, 'RES-007');
    const { assessment } = assess(snapshot, { framework, delivery: 'multi-tenant-saas', attestationsFile: file });
    const kinds = new Set(assessment.items.map((i) => i.verdict));
    expect([...kinds].sort()).toEqual(['MET', 'NEEDS_EVIDENCE', 'NOT_APPLICABLE', 'NOT_MET', 'UNKNOWN']);
  });
});
