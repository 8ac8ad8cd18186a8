/**
 * The workspace-store commands (import, history, diff, attest export), called as the CLI calls them, on
 * both engines. Output goes to a collector instead of stdout.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError } from '../../attest/errors.js';
import { sha256Of } from '../../attest/evidence-hash.js';
import { renderStarterFile } from '../../attest/init.js';
import { getFramework } from '../../frameworks/index.js';
import { NotFoundError } from '../../store/errors.js';
import type { StoreLocation } from '../../store/location.js';
import { openStore } from '../../store/db.js';
import { previousSampleAssessment, sampleAssessment } from '../../../test/fixtures/assessments/sample.js';
import { fillInAttestations } from '../../../test/helpers/fill-attestations.js';
import { storeEngines } from '../../../test/helpers/store-engines.js';
import { attestExportCommand, evidenceTarget } from './attestations-export.js';
import { diffCommand } from './diff.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';

const SAMPLE = new URL('../../../samples/sample-org.snapshot.json.gz', import.meta.url).pathname;
const dbOf = (location: StoreLocation) => (location.engine === 'sqlite' ? location.file : location.url);

describe('evidenceTarget', () => {
  it('keeps evidence inside the export directory', () => {
    expect(evidenceTarget('/out', 'evidence/a.pdf')).toBe('/out/evidence/a.pdf');
    expect(evidenceTarget('/out', '../secrets/a.pdf')).toBeNull();
    expect(evidenceTarget('/out', 'evidence/../../a.pdf')).toBeNull();
    expect(evidenceTarget('/out', '/etc/passwd')).toBeNull();
    expect(evidenceTarget('/out', '')).toBeNull();
  });
});

describe.each(storeEngines())('store commands on $name', (engine) => {
  let dir = '';
  let db = '';
  let out: string[] = [];
  const write = (text: string) => out.push(text);
  const printed = () => out.join('');

  beforeAll(engine.start);
  afterAll(engine.stop);
  beforeEach(async (ctx) => {
    if (engine.skipReason !== null) ctx.skip(engine.skipReason);
    dir = mkdtempSync(join(tmpdir(), 'ftr-store-cli-'));
    db = dbOf(await engine.freshLocation());
    out = [];
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeJson = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(value, null, 2));
    return file;
  };

  it('imports files, lists them in history, and says when a file is already stored', async () => {
    const older = writeJson('older.json', previousSampleAssessment());
    const newer = writeJson('newer.json', sampleAssessment());
    await importCommand({ files: [SAMPLE, older, newer], db, write });
    expect(printed()).toMatch(/sample-org\.snapshot\.json\.gz: recorded as scan #1 \(3 account\(s\), 2 region\(s\)\)\./);
    expect(printed()).toMatch(/older\.json: recorded as assessment #1 \(ftr-partner-hosted, scope Acme Analytics production, readiness \d+\/\d+\)\./);
    out = [];
    await importCommand({ files: [newer], db, write });
    expect(printed()).toBe(`${newer}: already stored as assessment #2.\n`);

    out = [];
    await historyCommand({ db, write });
    const lines = printed().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+GENERATED \(UTC\)\s+FRAMEWORK\s+SCOPE\s+READINESS/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual(['2', '1']);
    out = [];
    await historyCommand({ db, write, json: true });
    expect((JSON.parse(printed()) as { id: number }[]).map((a) => a.id)).toEqual([2, 1]);
    out = [];
    await historyCommand({ db, write, scans: true });
    expect(printed()).toMatch(/^ID\s+FINISHED \(UTC\)\s+MODE.*\n\s*1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+organization\s+3\s+2\s/);
    out = [];
    await historyCommand({ db, write, frameworkId: 'industrial-software-competency' });
    expect(printed()).toMatch(/^No assessments in /);
  });

  it('prints untrusted names with control characters neutralised', async () => {
    const hostile = sampleAssessment();
    const file = writeJson('hostile.json', { ...hostile, scope: { ...hostile.scope, name: 'prod\u001b[2J\u001b]0;pwned\u0007' } });
    await importCommand({ files: [file], db, write });
    out = [];
    await historyCommand({ db, write });
    expect(printed()).not.toContain('\u001b');
    expect(printed()).toContain('prod?[2J?]0;pwned?');
  });

  it('diffs stored assessments by id, and files, with the same result', async () => {
    const older = writeJson('older.json', previousSampleAssessment());
    const newer = writeJson('newer.json', sampleAssessment());
    await importCommand({ files: [older, newer], db, write });
    out = [];
    await diffCommand({ a: '1', b: '#2', db, write });
    const text = printed();
    expect(text).toMatch(/^#1 \(2026-10-02 09:30\) -> #2 \(2026-11-02 09:30\): ftr-partner-hosted, scope Acme Analytics production\n/);
    expect(text).toMatch(/Readiness: \d+\/\d+ \(\d+%\) -> \d+\/\d+ \(\d+%\)/);
    // The previous month had a weak password policy and an unencrypted-volume check that passed.
    expect(text).toMatch(/\n {2}fixed \(\d+\):\n {4}iam_password_policy_strong {2}/);
    expect(text).toMatch(/\n {2}new failing resources \(\d+\):\n {4}ec2_ebs_volume_encrypted {2}111111111111 {2}\S+ {2}\S+ {2}\S+/);
    expect(text).toMatch(/\n {2}verdict: \S+ -> \S+\n/);

    out = [];
    await diffCommand({ a: '1', b: '2', db, write, json: true });
    const fromStore = JSON.parse(printed()) as { items: unknown[] };
    out = [];
    await diffCommand({ a: older, b: newer, db: undefined, write, json: true });
    const fromFiles = JSON.parse(printed()) as { items: unknown[] };
    expect(fromStore.items).toEqual(fromFiles.items);

    await expect(diffCommand({ a: '1', b: '9', db, write })).rejects.toThrow(NotFoundError);
  });

  it('exports the stored attestations with their evidence files, and refuses to overwrite', async () => {
    const source = join(dir, 'git');
    mkdirSync(source);
    const file = join(source, 'ftr-attestations.yaml');
    writeFileSync(file, renderStarterFile(getFramework('ftr-partner-hosted'), { delivery: 'multi-tenant-saas' }));
    fillInAttestations(file, undefined);
    await importCommand({ files: [file], db, write });

    const exportDir = join(dir, 'export');
    mkdirSync(exportDir);
    const target = join(exportDir, 'ftr-attestations.yaml');
    out = [];
    await attestExportCommand({ db, frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, out: target, force: false, write });
    expect(printed()).toMatch(/Wrote .*: 47 stored entries for ftr-partner-hosted, 1 evidence file\(s\) written\./);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(file, 'utf8'));
    expect(sha256Of(readFileSync(join(exportDir, 'evidence', 'record.pdf')))).toBe(sha256Of(readFileSync(join(source, 'evidence', 'record.pdf'))));

    await expect(attestExportCommand({ db, frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, out: target, force: false, write })).rejects.toThrow(
      FileExistsError,
    );
    // Evidence that differs from the stored file is not overwritten without --force.
    writeFileSync(join(exportDir, 'evidence', 'record.pdf'), '%PDF-1.4 edited');
    await expect(attestExportCommand({ db, frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, out: target, force: true, write })).resolves.toBe(0);
    expect(sha256Of(readFileSync(join(exportDir, 'evidence', 'record.pdf')))).toBe(sha256Of(readFileSync(join(source, 'evidence', 'record.pdf'))));

    out = [];
    const warnings: string[] = [];
    await attestExportCommand({ db, frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, out: '-', force: false, write, warn: (t) => warnings.push(t) });
    expect(printed()).toBe(readFileSync(file, 'utf8'));
    expect(warnings.join('')).toMatch(/1 evidence file\(s\) are referenced but not written/);
  });

  it('does not write evidence outside the export directory', async () => {
    // An entry whose evidence lives next to, not below, the attestations file (legal in a git repository).
    const store = await openStore(engine.name === 'sqlite' ? { engine: 'sqlite', file: db } : { engine: 'postgres', url: db });
    try {
      const pdf = Buffer.from('%PDF-1.4 shared policy');
      const { evidence } = await store.evidence.put({ fileName: 'policy.pdf', bytes: pdf, actor: { userId: null, label: 'cli:test' } });
      await store.attestations.save({
        frameworkId: 'ftr-partner-hosted',
        scopeName: null,
        kind: 'item',
        subject: 'HOST-001',
        document: { answer: 'yes', justification: 'j', owner: 'o', date: '2026-01-01', reviewer: '', evidence: [{ file: '../shared/policy.pdf', sha256: evidence.sha256 }], expires: '' },
        expectedVersion: 0,
        actor: { userId: null, label: 'cli:test' },
        source: 'cli',
      });
    } finally {
      await store.close();
    }
    const exportDir = join(dir, 'export');
    mkdirSync(exportDir);
    const warnings: string[] = [];
    await attestExportCommand({ db, frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, out: join(exportDir, 'a.yaml'), force: false, write, warn: (t) => warnings.push(t) });
    expect(warnings.join('')).toMatch(/evidence file \.\.\/shared\/policy\.pdf points outside .*; its reference is kept but the file is not written/);
    expect(existsSync(join(dir, 'shared'))).toBe(false);
    expect(readFileSync(join(exportDir, 'a.yaml'), 'utf8')).toContain('file: ../shared/policy.pdf');
  });
});
