/**
 * Importing files into the store, on both engines: what each kind of file records, that a corrupt or
 * foreign file changes nothing, and that attestations round-trip between the store and the YAML file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { parseDocument, type YAMLSeq } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../attest/evidence-hash.js';
import { renderStarterFile } from '../attest/init.js';
import { parseAttestations } from '../attest/parse.js';
import { ALL_CHECKS } from '../checks/index.js';
import { getFramework } from '../frameworks/index.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { fillInAttestations } from '../../test/helpers/fill-attestations.js';
import { storeEngines } from '../../test/helpers/store-engines.js';
import { exportAttestations } from './attestations-yaml.js';
import { openStore, type Store } from './db.js';
import { detectImportKind, importFile } from './import.js';
import type { Actor } from './repositories/context.js';

const SAMPLE = new URL('../../samples/sample-org.snapshot.json.gz', import.meta.url);
const ALICE: Actor = { userId: null, label: 'alice@example.com' };
const FTR = getFramework('ftr-partner-hosted');
const TABLES = ['blobs', 'scans', 'assessments', 'assessment_items', 'findings', 'resources', 'attestations', 'attestation_versions', 'evidence_files', 'audit_log'];

describe('detectImportKind', () => {
  it('tells files apart by extension, gzip magic and leading keys', () => {
    expect(detectImportKind('a.yaml', Buffer.from(''))).toBe('attestations');
    expect(detectImportKind('x', Buffer.from([0x1f, 0x8b, 8]))).toBe('snapshot');
    expect(detectImportKind('x.json', Buffer.from('{"schemaVersion":"1.0","tool":{},"startedAt":"x"'))).toBe('snapshot');
    expect(detectImportKind('x.json', Buffer.from('{\n  "schemaVersion": "1.0",\n  "generatedAt": "x",\n  "tool": {}, "framework": {}'))).toBe('assessment');
    expect(detectImportKind('x.json', Buffer.from('[1,2]'))).toBeNull();
    expect(detectImportKind('x.json', Buffer.from('{"hello":1}'))).toBeNull();
  });
});

describe.each(storeEngines())('import on $name', (engine) => {
  let store: Store;
  let dir = '';
  // The fill helper dates answers today, and dates after `now` are refused: use the real clock.
  const now = new Date().toISOString();

  beforeAll(engine.start);
  afterAll(engine.stop);
  beforeEach(async (ctx) => {
    if (engine.skipReason !== null) ctx.skip(engine.skipReason);
    dir = mkdtempSync(join(tmpdir(), 'ftr-import-'));
    store = await openStore(await engine.freshLocation(), { now: () => now });
  });
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countRows(store, t)] as const)));

  it('records a snapshot, then links an assessment of it to the scan', async () => {
    const snapshot = await importFile(store, SAMPLE.pathname, { actor: ALICE, now });
    expect(snapshot).toMatchObject({ kind: 'snapshot', created: true });
    const assessment = sampleAssessment();
    const stored = (await store.scans.list())[0]!;
    const linked = { ...assessment, scope: { ...assessment.scope, principal: stored.principalArn, scanStartedAt: stored.startedAt, scanFinishedAt: stored.finishedAt } };
    const file = join(dir, 'assessment.json');
    writeFileSync(file, JSON.stringify(linked, null, 2));
    const result = await importFile(store, file, { actor: ALICE, now });
    expect(result).toMatchObject({ kind: 'assessment', created: true, linkedScan: stored.id });
    expect(await importFile(store, file, { actor: ALICE, now })).toMatchObject({ kind: 'assessment', created: false });
  });

  it('changes nothing when a file is corrupt, truncated, foreign or incomplete', async () => {
    await importFile(store, SAMPLE.pathname, { actor: ALICE, now });
    const before = await counts();
    const bad: [string, string | Buffer, RegExp][] = [
      ['truncated.json.gz', readFileSync(SAMPLE).subarray(0, 2_000), /corrupt or truncated gzip/],
      ['broken.json.gz', gzipSync('{"schemaVersion":"1.0","tool":{"name":"ftr-ready"'), /not valid JSON/],
      ['assessment.json', JSON.stringify(sampleAssessment()).slice(0, 5_000), /not valid JSON/],
      ['no-scan-times.json', JSON.stringify({ ...sampleAssessment(), scope: { ...sampleAssessment().scope, scanStartedAt: undefined } }), /scope\.scanStartedAt/],
      ['dup-items.json', JSON.stringify({ ...sampleAssessment(), items: [...sampleAssessment().items, sampleAssessment().items[0]] }), /item ids must be unique/],
      ['other.json', '{"hello": "world"}', /is not a snapshot .*, an assessment .* or an attestations file/],
      ['ftr-attestations.yaml', 'version: "1"\nframework: ftr-partner-hosted\nitems:\n  HOST-001:\n    answer: perhaps\n', /answer "perhaps" must be one of/],
      ['bad.yaml', 'version: "1"\nframework: [unclosed\n', /YAML syntax error/],
      ['unknown.yaml', 'version: "1"\nframework: nope\n', /Unknown framework "nope"/],
    ];
    for (const [name, content, error] of bad) {
      const file = join(dir, name);
      writeFileSync(file, content);
      await expect(importFile(store, file, { actor: ALICE, now })).rejects.toThrow(error);
    }
    await expect(importFile(store, join(dir, 'missing.json'), { actor: ALICE, now })).rejects.toThrow(/not found/);
    expect(await counts()).toEqual(before);
  });

  it('rolls back an attestations import whose second evidence file is refused (the first is not kept)', async () => {
    const file = join(dir, 'ftr-attestations.yaml');
    writeFileSync(file, renderStarterFile(FTR, { delivery: 'multi-tenant-saas' }));
    fillInAttestations(file, undefined);
    // Give one item a second evidence file that passes the hash check but is not an accepted type.
    const exe = Buffer.from('MZ\x90\x00 not a document');
    writeFileSync(join(dir, 'evidence', 'tool.exe'), exe);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    (doc.getIn(['items', 'HOST-001', 'evidence']) as YAMLSeq).add(doc.createNode({ file: 'evidence/tool.exe', sha256: sha256Of(exe) }));
    const text = doc.toString();
    expect(text).toContain('tool.exe');
    writeFileSync(file, text);
    const before = await counts();
    await expect(importFile(store, file, { actor: ALICE, now })).rejects.toThrow(/tool\.exe has a type the store does not accept/);
    expect(await counts()).toEqual(before);
  });

  it('round-trips attestations: file -> store -> file gives the same file and the same evaluation input', async () => {
    const file = join(dir, 'ftr-attestations.yaml');
    writeFileSync(file, renderStarterFile(FTR, { delivery: 'multi-tenant-saas' }));
    fillInAttestations(file, 'HOST-001');
    // Untrusted text must survive exactly (quotes, colons, a YAML-looking line, unicode).
    const hostile = 'Owner said: "yes" # not a comment\n- not: a list — ünïcode <script>alert(1)</script>';
    const text = readFileSync(file, 'utf8').replace(/("SUP-001":\n(?:\s+#.*\n)*?\s+answer: .*\n\s+justification: ).*/, `$1${JSON.stringify(hostile)}`);
    writeFileSync(file, text);
    const original = parseAttestations(text, file, { framework: FTR, now, baseDir: dir, knownCheckIds: ALL_CHECKS.map((c) => c.id) });

    const imported = await importFile(store, file, { actor: ALICE, now });
    expect(imported).toMatchObject({ kind: 'attestations', created: original.items.length + original.gatingAnswers.length, updated: 0, unanswered: 1, evidenceFilesStored: 1 });

    const exported = await exportAttestations(store, { framework: FTR, delivery: 'multi-tenant-saas', scopeName: null, now });
    // The same document, with every comment of the starter file (the YAML library may re-wrap a long or
    // multi-line string, which is why this is not a byte comparison).
    const comments = (t: string) => t.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(parseDocument(exported.text, { schema: 'failsafe' }).toJS()).toEqual(parseDocument(text, { schema: 'failsafe' }).toJS());
    expect(comments(exported.text)).toEqual(comments(text));
    expect(exported.set.items.find((i) => i.itemId === 'SUP-001')?.justification).toBe(hostile);
    expect({ ...exported.set, file: '' }).toEqual({ ...original, file: '', unanswered: ['HOST-001'] });
    expect(exported.evidenceFiles).toEqual([{ ref: 'evidence/record.pdf', sha256: sha256Of(readFileSync(join(dir, 'evidence', 'record.pdf'))) }]);

    // Importing the export again changes nothing.
    const exportDir = join(dir, 'export');
    mkdirSync(join(exportDir, 'evidence'), { recursive: true });
    writeFileSync(join(exportDir, 'ftr-attestations.yaml'), exported.text);
    copyFileSync(join(dir, 'evidence', 'record.pdf'), join(exportDir, 'evidence', 'record.pdf'));
    expect(await importFile(store, join(exportDir, 'ftr-attestations.yaml'), { actor: ALICE, now })).toMatchObject({ created: 0, updated: 0 });
  });

  it('lets a dashboard edit and a git edit meet: the file gets the web answer, the import versions the git one', async () => {
    const key = { frameworkId: FTR.id, scopeName: null, kind: 'item' as const, subject: 'HOST-001' };
    const web = await store.users.create({ email: 'web@example.com', displayName: 'Web', role: 'attester' }, ALICE);
    await store.attestations.save({
      ...key,
      document: { answer: 'yes', justification: 'Answered in the dashboard', owner: 'web@example.com', date: '2026-10-01', reviewer: '', evidence: [{ url: 'https://wiki.example.com/a' }], expires: '' },
      expectedVersion: 0,
      actor: { userId: web.id, label: web.email },
      source: 'web',
    });
    const exported = await exportAttestations(store, { framework: FTR, delivery: 'multi-tenant-saas', scopeName: null, now });
    expect(exported.text).toContain('justification: "Answered in the dashboard"');
    const file = join(dir, 'ftr-attestations.yaml');
    writeFileSync(file, exported.text.replace('Answered in the dashboard', 'Reworded in a pull request'));
    expect(await importFile(store, file, { actor: ALICE, now })).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const history = await store.attestations.history(key);
    expect(history.map((h) => [h.version, h.source, h.changedBy, h.before?.justification ?? null, h.after?.justification ?? null])).toEqual([
      [1, 'web', 'web@example.com', null, 'Answered in the dashboard'],
      [2, 'import', ALICE.label, 'Answered in the dashboard', 'Reworded in a pull request'],
    ]);
  });
});

async function countRows(store: Store, table: string): Promise<number> {
  const db = (store.blobs as unknown as { ctx: { db: Kysely<unknown> } }).ctx.db;
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n);
}
