/**
 * The console summary a first-time user reads (issue 8 "the first hour"): full ids, one-line reasons of the
 * items that are not met, top blockers, hardening beyond the checklist, expiring evidence, gaps by cause, the
 * real file name, scope headings, and the next command. Looked at in a pipe (100 columns) and narrower.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../core/assessment.js';
import type { CollectionError } from '../core/observed.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { readSnapshot } from '../io/snapshot-file.js';
import { SAMPLE_SNAPSHOT_PATH } from './commands/demo.js';
import { formatNextSteps, formatSummary, terminalWidth } from './summary.js';
import { assess } from './write-assessment.js';

const snapshot = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
const evaluated = (id: string): Assessment => {
  const framework = FRAMEWORKS.find((f) => f.id === id);
  if (!framework) throw new Error(id);
  return assess(snapshot, { framework, delivery: 'multi-tenant-saas', attestationsFile: null }).assessment;
};
const ftr = evaluated('ftr-partner-hosted');
const competency = evaluated('industrial-software-competency');

/** What the summary does to a line longer than the width. */
const cut = (line: string, width: number): string => (line.length > width ? `${line.slice(0, width - 1)}…` : line);

const denied: CollectionError = {
  kind: 'access_denied',
  accountId: '123456789012',
  region: 'us-east-1',
  service: 'ec2',
  operation: 'DescribeRegions',
  code: 'UnauthorizedOperation',
  message: 'denied',
};

describe('formatSummary', () => {
  it('shows full item and competency ids, never cut', () => {
    const text = formatSummary(competency, { width: 100 });
    for (const item of competency.items) expect(text).toMatch(new RegExp(`^${item.itemId.replace(/\./g, '\\.')} +[A-Z_]+ `, 'm'));
    expect(text).toContain('DOC-ARCHITECTURE-DIAGRAM ');
    expect(text).not.toMatch(/DOC-ARCHI…/);
  });

  it('gives every item that is not met its reason on the next line, and none to met or not-applicable items', () => {
    const lines = formatSummary(ftr, { width: 100 }).split('\n');
    const wrong = ftr.items.filter((item) => {
      const next = lines[lines.findIndex((l) => l.startsWith(`${item.itemId} `)) + 1] ?? '';
      const decided = item.verdict === 'MET' || item.verdict === 'NOT_APPLICABLE';
      return decided ? next.startsWith('  why: ') : next !== cut(`  why: ${item.reason}`, 100);
    });
    expect(wrong.map((item) => item.itemId)).toEqual([]);
    expect(ftr.items.some((item) => item.verdict === 'MET')).toBe(true);
  });

  it('fits every line to the width (a pipe gets 100 columns)', () => {
    for (const width of [100, 80]) {
      const long = formatSummary({ ...ftr, collectionErrors: [...ftr.collectionErrors, denied] }, { width, file: '/tmp/out/assessment.json' });
      expect(long.split('\n').filter((l) => l.length > width)).toEqual([]);
    }
    expect(terminalWidth({ isTTY: false })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 140 })).toBe(140);
  });

  it('explains why the columns add up to more than the distinct totals', () => {
    const text = formatSummary(ftr);
    const f = ftr.summary.findings;
    expect(text).toContain(`Results: ${f.PASS + f.FAIL + f.MANUAL + f.NOT_APPLICABLE + f.UNKNOWN} distinct (${f.PASS} pass, ${f.FAIL} fail`);
    expect(text.replace(/\n/g, ' ')).toContain('count a result under every item it decides, so they add up to more than these totals');
  });

  it('lists the top blockers, then hardening beyond the checklist with severity', () => {
    const text = formatSummary(ftr);
    expect(text).toMatch(/^Top blockers \(fix these first; \d+ items in all, ranked in the report\):\n {2}1\. \[critical\] ARC-003 NOT_MET: Required: iam_root_mfa_enabled/m);
    expect(text).toMatch(/^Hardening beyond the checklist \(advisory: never changes a verdict; \d+ failing results\):$/m);
    expect(text).toMatch(/^ {2}medium +ec2_ebs_default_encryption +4 failing {2}for SDAT-002$/m);
  });

  it('announces expired and expiring evidence', () => {
    const withAttestations: Assessment = {
      ...ftr,
      generatedAt: '2026-11-01T00:00:00.000Z',
      items: ftr.items.map((item) =>
        item.itemId === 'IAM-008'
          ? { ...item, attestation: { answer: 'yes', justification: 'j', owner: 'sec@example.com', date: '2026-07-01', expires: '2026-10-01', expired: true, reviewer: null, evidence: [] } }
          : item.itemId === 'RES-004'
            ? { ...item, attestation: { answer: 'yes', justification: 'j', owner: 'sre@example.com', date: '2026-01-15', expires: '2026-12-15', expired: false, reviewer: null, evidence: [] } }
            : item,
      ),
    };
    const text = formatSummary(withAttestations);
    expect(text).toContain('Evidence expired or expiring within 90 days:\n  IAM-008: expired 2026-10-01, owner sec@example.com\n  RES-004: expires 2026-12-15 (44 days left), owner sre@example.com');
  });

  it('groups what the scan could not see by cause, and names the assessment file only when one was written', () => {
    const withDenied = { ...ftr, collectionErrors: [...ftr.collectionErrors, denied] };
    const text = formatSummary(withDenied, { file: 'out/assessment-plant-a.json' });
    expect(text).toMatch(/^ {2}access denied \(grant these reads: policies\/ftr-scanner-policy\.json\), 1 read:\n {4}ec2:DescribeRegions$/m);
    expect(text).toMatch(/^ {2}not available on this endpoint \(an emulator, or a service missing in the region\), \d+ reads:$/m);
    expect(text).toContain('Every failed read: collectionErrors in out/assessment-plant-a.json');
    expect(formatSummary(withDenied)).not.toMatch(/collectionErrors in/);
  });

  it('names the scope of each table when several scopes are evaluated', () => {
    const scoped: Assessment = { ...ftr, scope: { ...ftr.scope, name: 'plant-a' }, caseStudy: { id: 'plant-a', name: 'Plant A, line 2' } };
    const text = formatSummary(scoped, { multiScope: true, file: 'out/assessment-plant-a.json' });
    expect(text.split('\n')[0]).toBe('== Scope "plant-a" (case study: Plant A, line 2), out/assessment-plant-a.json ==');
    expect(formatSummary(scoped)).not.toMatch(/^== Scope/);
  });

  it('says which regions the verdicts cover when the scan was limited', () => {
    expect(formatSummary(ftr)).toContain('Regions: covers only the regions you asked for: eu-west-1, us-east-1');
  });
});

describe('formatNextSteps', () => {
  it('suggests answering the manual items, evaluating again and reading the report, commands in full', () => {
    const text = formatNextSteps([ftr], { command: 'scan', snapshotPath: 'ftr-out/snapshot.json.gz', files: ['ftr-out/assessment.json'], reportsWritten: false });
    expect(text.split('\n')).toEqual([
      'Next:',
      '  1. Answer the items a person must confirm (writes ftr-attestations.yaml):',
      '     ftr attest init',
      '  2. Evaluate again with the answers:',
      '     ftr evaluate ftr-out/snapshot.json.gz',
      '  3. Read every reason and remediation in the report:',
      '     ftr report ftr-out/assessment.json --format html',
    ]);
    const other = formatNextSteps([competency], { command: 'evaluate', snapshotPath: 's.json.gz', files: [], reportsWritten: true, width: 40 });
    expect(other).toContain('     ftr evaluate s.json.gz --framework industrial-software-competency');
  });

  it('asks for the denied reads first, quotes paths with spaces, and says nothing when nothing is left', () => {
    const text = formatNextSteps([{ ...ftr, collectionErrors: [denied] }], { command: 'evaluate', snapshotPath: 'my scans/s.json.gz', files: [], reportsWritten: true, width: 200 });
    expect(text).toContain('Grant the denied reads (policies/ftr-scanner-policy.json), then scan again.');
    expect(text).toContain("     ftr evaluate 'my scans/s.json.gz'");
    const done: Assessment = { ...ftr, collectionErrors: [], summary: { ...ftr.summary, items: { ...ftr.summary.items, NEEDS_EVIDENCE: 0 } } };
    expect(formatNextSteps([done], { command: 'evaluate', files: ['a.json'], reportsWritten: true })).toBe('');
  });
});
