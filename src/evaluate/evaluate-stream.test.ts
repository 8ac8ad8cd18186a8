/**
 * Streaming evaluation gives the assessment `evaluate` gives: same verdicts, reasons, counts, findings (in
 * the same order), inventory, costs and errors, for the old single-document snapshot and the new sharded
 * one, with and without a scope.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/index.js';
import { SAMPLE_SNAPSHOT_PATH } from '../cli/commands/demo.js';
import { resolveFramework } from '../cli/options.js';
import { assess, assessAndWrite } from '../cli/write-assessment.js';
import type { Assessment } from '../core/assessment.js';
import type { AccountShard, Snapshot } from '../core/snapshot.js';
import { openSnapshot, readSnapshot, writeSnapshot } from '../io/snapshot-file.js';
import { sourceFromSnapshot, writeShardedSnapshot } from '../io/snapshot-stream.js';
import type { Scope } from '../scope/types.js';
import { CROSS_ACCOUNT_CHECKS, evaluateStream } from './evaluate-stream.js';
import { evaluate } from './evaluate.js';

let dir: string;
let sample: Snapshot;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-eval-stream-'));
  sample = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const framework = resolveFramework('ftr-partner-hosted');
const baseOptions = { framework, delivery: 'multi-tenant-saas' as const, attestationsFile: null };
const NOW = '2026-01-01T00:00:00.000Z';

/** The file's assessment with the in-memory one's generation time (the only field that differs). */
async function written(path: string, reference: Assessment): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  const parsed = JSON.parse(text) as Assessment;
  expect(text).toBe(`${JSON.stringify({ ...reference, generatedAt: parsed.generatedAt }, null, 2)}\n`);
  return { ...parsed, generatedAt: reference.generatedAt };
}

describe('streaming evaluation', () => {
  it('gives deep-equal assessments from the old and the new snapshot format, equal to the in-memory evaluation', async () => {
    const oldPath = join(dir, 'old.json.gz');
    const newPath = join(dir, 'new.json.gz');
    await writeSnapshot(oldPath, sample);
    await writeShardedSnapshot(newPath, sample);
    const reference = assess(sample, baseOptions).assessment;
    const fromOld = await assessAndWrite(await openSnapshot(oldPath), { ...baseOptions, scopes: [null], outDir: join(dir, 'old') });
    const fromNew = await assessAndWrite(await openSnapshot(newPath), { ...baseOptions, scopes: [null], outDir: join(dir, 'new') });
    expect((await openSnapshot(newPath)).format).toBe('shards');
    const a = await written(join(dir, 'old', 'assessment.json'), reference);
    const b = await written(join(dir, 'new', 'assessment.json'), reference);
    expect(b).toEqual(a);
    expect(fromNew.assessments[0]?.items).toEqual(reference.items);
    expect(fromNew.assessments[0]?.findings).toEqual(reference.findings);
    expect(fromOld.assessments[0]?.findings).toEqual(reference.findings);
    expect(fromNew.findingsInMemory).toBe(true);
  });

  it('applies a scope per account as applyScope does on the whole snapshot', async () => {
    const [first, , third] = sample.accounts;
    const scope: Scope = { name: 'workload', description: null, accounts: [first?.accountId ?? '', third?.accountId ?? ''], regions: null, tags: null, stacks: null, caseStudy: null };
    const path = join(dir, 'scoped.json.gz');
    await writeShardedSnapshot(path, sample);
    const reference = assess(sample, { ...baseOptions, scope }).assessment;
    const result = await assessAndWrite(await openSnapshot(path), { ...baseOptions, scopes: [scope], outDir: join(dir, 'scoped') });
    await written(join(dir, 'scoped', 'assessment.json'), reference);
    expect(result.assessments[0]?.scope.accounts).toEqual(scope.accounts);
  });

  it('keeps the verdicts when each account carries its own errors (as `ftr scan` writes them)', async () => {
    // Errors move into their account's shard: only the order of collectionErrors changes.
    const shards: AccountShard[] = sample.accounts.map((account) => ({
      complete: true,
      account,
      errors: sample.errors.filter((e) => e.accountId === account.accountId),
      operations: sample.operations.filter((o) => o.accountId === account.accountId),
    }));
    const path = join(dir, 'per-account.json.gz');
    await writeShardedSnapshot(path, sample, shards);
    const result = await assessAndWrite(await openSnapshot(path), { ...baseOptions, scopes: [null], outDir: join(dir, 'per-account') });
    const reference = assess(sample, baseOptions).assessment;
    const streamed = result.assessments[0];
    expect(streamed?.items).toEqual(reference.items);
    expect(streamed?.findings).toEqual(reference.findings);
    // Errors no account owns were not written in this file (the trailer is empty here).
    expect(streamed?.collectionErrors).toEqual(sample.accounts.flatMap((a) => sample.errors.filter((e) => e.accountId === a.accountId)));
  });

  it('every check outside CROSS_ACCOUNT_CHECKS gives, account by account, what it gives on the whole snapshot', () => {
    for (const check of ALL_CHECKS.filter((c) => !CROSS_ACCOUNT_CHECKS.has(c.id))) {
      const whole = check.evaluate(sample);
      const perAccount = sample.accounts.flatMap((account) => check.evaluate({ ...sample, accounts: [account] }));
      expect({ check: check.id, outcomes: perAccount }).toEqual({ check: check.id, outcomes: whole });
    }
  });

  it('evaluateStream equals evaluate for an in-memory source (findings through the sink, in check order)', async () => {
    const options = { delivery: 'multi-tenant-saas' as const, checks: ALL_CHECKS, toolVersion: 'test', now: NOW };
    const byIndex: { index: number; checkId: string }[] = [];
    const streamed = await evaluateStream(sourceFromSnapshot(sample), framework, options, { add: (index, f) => byIndex.push({ index, checkId: f.checkId }) });
    const reference = evaluate(sample, framework, options);
    expect({ ...streamed.assessment, findings: reference.findings }).toEqual(reference);
    expect(streamed.findingCount).toBe(reference.findings.length);
    expect(byIndex.every((e) => streamed.checks[e.index]?.id === e.checkId)).toBe(true);
  });
});
