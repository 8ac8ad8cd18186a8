/**
 * The store's behaviour, run against both engines: SQLite files and a private PostgreSQL 15 server.
 */
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../io/snapshot-file.js';
import type { Assessment } from '../core/assessment.js';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { storeEngines } from '../../test/helpers/store-engines.js';
import { openStore, type Store } from './db.js';
import { ConflictError, EvidenceRejectedError } from './errors.js';
import { diffAssessments, diffSideFromAssessment, diffSideFromStore } from './diff.js';
import { MAX_EVIDENCE_BYTES } from './evidence-policy.js';
import { MIGRATIONS, migratorFor } from './migrations/index.js';
import type { Actor } from './repositories/context.js';

const SAMPLE_SNAPSHOT = parseSnapshot(readFileSync(new URL('../../samples/sample-org.snapshot.json.gz', import.meta.url)), 'sample');
const ALICE: Actor = { userId: null, label: 'alice@example.com' };
const BOB: Actor = { userId: null, label: 'bob@example.com' };
const PDF = Buffer.from('%PDF-1.4\n% evidence of the game day\n');
const FTR = 'ftr-partner-hosted';
const itemKey = (subject: string) => ({ frameworkId: FTR, scopeName: null, kind: 'item' as const, subject });
const answer = (justification: string) => ({ answer: 'yes', justification, owner: 'security@example.com', date: '2026-01-10', reviewer: '', evidence: [{ url: 'https://wiki.example.com/x' }], expires: '' });

describe.each(storeEngines())('store on $name', (engine) => {
  let store: Store;
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 10, 2, 12, 0, clock++)).toISOString();

  beforeAll(engine.start);
  afterAll(engine.stop);
  beforeEach(async (ctx) => {
    if (engine.skipReason !== null) ctx.skip(engine.skipReason);
    store = await openStore(await engine.freshLocation(), { now });
  });
  afterEach(async () => {
    await store?.close();
  });

  it('migrates an empty database to the latest schema, once', async () => {
    const status = await store.migrationStatus();
    expect(status.map((m) => [m.name, m.executedAt !== null])).toEqual(Object.keys(MIGRATIONS).map((name) => [name, true]));
    for (const table of ['blobs', 'scans', 'scan_shards', 'assessments', 'assessment_items', 'findings', 'resources', 'attestations', 'attestation_versions', 'evidence_files', 'users', 'audit_log']) {
      expect(await countRows(store, table)).toBe(0);
    }
    expect(await countRows(store, 'roles')).toBe(3);
    // Re-opening the same database applies nothing and keeps the data.
    await store.users.create({ email: 'Admin@Example.com', displayName: 'Admin', role: 'admin' }, ALICE);
    await store.close();
    store = await openStore(store.location, { now });
    expect((await store.users.findByEmail('admin@example.com'))?.role).toBe('admin');
  });

  it('undoes every migration in reverse order (down), leaving an empty schema, and applies them again (up)', async () => {
    const db = rawDb(store);
    const migrator = migratorFor(db, engine.name);
    const names = Object.keys(MIGRATIONS);
    for (const name of [...names].reverse()) {
      const step = await migrator.migrateDown();
      expect(step.error).toBeUndefined();
      expect(step.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual([[name, 'Down', 'Success']]);
    }
    expect(await schemaObjects(db, engine.name)).toEqual([]);
    const again = await migrator.migrateToLatest();
    expect(again.error).toBeUndefined();
    expect(again.results?.map((r) => r.migrationName)).toEqual(names);
    expect(await countRows(store, 'roles')).toBe(3);
    await store.users.create({ email: 'after@example.com', displayName: 'After', role: 'viewer' }, ALICE);
  });

  it('migrates a store written before 0003: FAIL counts by severity are backfilled from the finding rows', async () => {
    const { assessment } = await store.assessments.record(sampleAssessment(), { scanId: null, source: 'import', actor: ALICE });
    const expected: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of sampleAssessment().findings) if (f.status === 'FAIL') expected[f.severity] = (expected[f.severity] ?? 0) + 1;
    expect(assessment.failsBySeverity).toEqual(expected);
    // Put the database back to its 0002 shape with the migrations' own down(): 0003 and every later one undone.
    const undone = await migratorFor(rawDb(store), engine.name).migrateTo('0002_auth_sessions');
    expect(undone.error).toBeUndefined();
    expect(undone.results?.map((r) => r.migrationName)).toEqual(Object.keys(MIGRATIONS).filter((name) => name >= '0003').reverse());
    await store.close();
    store = await openStore(store.location, { now });
    expect((await store.assessments.require(assessment.id)).failsBySeverity).toEqual(expected);
    expect(await store.assessments.failCountsBySeverity(assessment.id)).toEqual(expected);
  });

  it('records a scan once per snapshot content, and gives the snapshot back', async () => {
    const first = await store.scans.record(SAMPLE_SNAPSHOT, { source: 'scan', actor: ALICE });
    expect(first.created).toBe(true);
    expect(first.scan).toMatchObject({ storage: 'snapshot', complete: SAMPLE_SNAPSHOT.complete, accountCount: SAMPLE_SNAPSHOT.accounts.length, source: 'scan', recordedBy: ALICE.label });
    expect(first.scan.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await store.scans.record(structuredClone(SAMPLE_SNAPSHOT), { source: 'import', actor: BOB });
    expect(again).toEqual({ scan: first.scan, created: false });
    expect(await store.scans.loadSnapshot(first.scan.id)).toEqual(SAMPLE_SNAPSHOT);
    expect((await store.audit.list({ action: 'scan.record' })).map((a) => a.actor)).toEqual([ALICE.label]);
  });

  it('stores an assessment as its document plus indexed rows, and reads pages without the document', async () => {
    const assessment = sampleAssessment();
    const { assessment: stored, created } = await store.assessments.record(assessment, { scanId: null, source: 'evaluate', actor: ALICE });
    expect(created).toBe(true);
    expect(stored).toMatchObject({
      frameworkId: FTR,
      scopeName: 'Acme Analytics production',
      generatedAt: assessment.generatedAt,
      readiness: assessment.summary.readiness,
      items: assessment.summary.items,
      findings: { total: assessment.findings.length, fail: assessment.findings.filter((f) => f.status === 'FAIL').length },
    });
    expect(await store.assessments.loadDocument(stored.id)).toEqual(assessment);
    const header = await store.assessments.header(stored.id);
    expect(header).not.toHaveProperty('findings');
    expect(header.checks).toEqual(assessment.checks);
    expect((await store.assessments.items(stored.id)).map((i) => i.itemId)).toEqual(assessment.items.map((i) => i.itemId));

    // An item page: the item and the findings of its checks, filtered by the database.
    const item = assessment.items.find((i) => i.checkIds.length > 1 && i.findingCounts.FAIL > 0)!;
    expect(await store.assessments.item(stored.id, item.itemId)).toEqual(item);
    const expected = assessment.findings.filter((f) => item.checkIds.includes(f.checkId));
    expect(await store.assessments.findings(stored.id, { checkIds: item.checkIds })).toEqual(expected);
    expect(await store.assessments.findings(stored.id, { checkIds: item.checkIds, statuses: ['FAIL'] })).toEqual(expected.filter((f) => f.status === 'FAIL'));
    const fails = assessment.findings.filter((f) => f.status === 'FAIL');
    const bySeverity = await store.assessments.failCountsBySeverity(stored.id);
    expect(Object.values(bySeverity).reduce((a, b) => a + b, 0)).toBe(fails.length);
    expect(await store.assessments.findings(stored.id, { limit: 2, offset: 1 })).toEqual(assessment.findings.slice(1, 3));

    // The same document again is the same assessment.
    expect((await store.assessments.record(assessment, { scanId: null, source: 'import', actor: BOB })).created).toBe(false);
  });

  it('offers the newest definition of each scope the assessments were recorded with (migration 0006), for the scan form', async () => {
    const base = sampleAssessment();
    const name = base.scope.name ?? '';
    const scope = (accounts: string[]) => ({ name, description: null, accounts, regions: null, tags: null, stacks: null, caseStudy: null });
    await store.assessments.record(base, { scanId: null, source: 'evaluate', actor: ALICE, scope: scope(['111111111111']) });
    await store.assessments.record({ ...base, generatedAt: '2026-11-03T00:00:00.000Z' }, { scanId: null, source: 'evaluate', actor: ALICE, scope: scope(['222222222222']) });
    // Recorded without its definition (an import): not offered, and the newest definition still wins.
    await store.assessments.record({ ...base, generatedAt: '2026-11-04T00:00:00.000Z' }, { scanId: null, source: 'import', actor: ALICE });
    expect(await store.assessments.scopeDefinitions()).toEqual([scope(['222222222222'])]);
  });

  it('keeps fields it does not know about (the Assessment type grows without migrations)', async () => {
    const base = sampleAssessment();
    const [first, ...rest] = base.items;
    const grown = {
      ...base,
      futureField: [{ id: 'ADV-1', text: 'newer field' }],
      items: [{ ...first!, checkRoles: { some_check: 'supporting' } }, ...rest],
    } as unknown as Assessment;
    const { assessment: stored } = await store.assessments.record(grown, { scanId: null, source: 'import', actor: ALICE });
    expect(await store.assessments.header(stored.id)).toHaveProperty('futureField', [{ id: 'ADV-1', text: 'newer field' }]);
    expect(await store.assessments.item(stored.id, first!.itemId)).toHaveProperty('checkRoles', { some_check: 'supporting' });
    // The stored JSON keeps them; loading it as an Assessment validates it, and the schema drops what no
    // renderer knows about (core/schemas/assessment.ts), so the document equals the known part.
    const loaded = await store.assessments.loadDocument(stored.id);
    expect(loaded).not.toHaveProperty('futureField');
    expect(loaded).toEqual(base);
  });

  it('lists history newest first, finds the previous assessment and an item across assessments', async () => {
    const older = (await store.assessments.record(previousSampleAssessment(), { scanId: null, source: 'import', actor: ALICE })).assessment;
    const newer = (await store.assessments.record(sampleAssessment(), { scanId: null, source: 'import', actor: ALICE })).assessment;
    expect((await store.assessments.list()).map((a) => a.id)).toEqual([newer.id, older.id]);
    expect((await store.assessments.list({ frameworkId: 'other' })).length).toBe(0);
    expect((await store.assessments.previous(newer.id))?.id).toBe(older.id);
    expect(await store.assessments.previous(older.id)).toBeNull();
    // (the sample's scope is named; the previous sample fixture has the same scope)
    const history = await store.assessments.itemHistory('IAM-002', { frameworkId: FTR, scopeName: 'Acme Analytics production' });
    expect(history.map((h) => h.assessmentId)).toEqual([older.id, newer.id]);
  });

  it('diffs two stored assessments exactly as it diffs the two files', async () => {
    const a = previousSampleAssessment();
    const b = sampleAssessment();
    const older = (await store.assessments.record(a, { scanId: null, source: 'import', actor: ALICE })).assessment;
    const newer = (await store.assessments.record(b, { scanId: null, source: 'import', actor: ALICE })).assessment;
    const fromStore = diffAssessments(await diffSideFromStore(store, older.id), await diffSideFromStore(store, newer.id));
    const fromFiles = diffAssessments(diffSideFromAssessment(`#${older.id}`, a), diffSideFromAssessment(`#${newer.id}`, b));
    expect(fromStore).toEqual(fromFiles);
    expect(fromStore.items.length).toBeGreaterThan(0);
  });

  describe('attestations', () => {
    it('versions every change with who, when, before and after', async () => {
      const v1 = await store.attestations.save({ ...itemKey('HOST-001'), document: answer('first'), expectedVersion: 0, actor: ALICE, source: 'web' });
      expect(v1.version).toBe(1);
      const v2 = await store.attestations.save({ ...itemKey('HOST-001'), document: answer('second'), expectedVersion: 1, actor: BOB, source: 'web' });
      expect(v2).toMatchObject({ version: 2, updatedBy: BOB.label, document: { justification: 'second' } });
      // Saving the same content is not a new version.
      const same = await store.attestations.save({ ...itemKey('HOST-001'), document: answer('second'), expectedVersion: 2, actor: BOB, source: 'web' });
      expect(same.version).toBe(2);
      const history = await store.attestations.history(itemKey('HOST-001'));
      expect(history.map((h) => [h.version, h.changedBy, h.before?.justification ?? null, h.after?.justification ?? null])).toEqual([
        [1, ALICE.label, null, 'first'],
        [2, BOB.label, 'first', 'second'],
      ]);
      const removed = await store.attestations.remove({ ...itemKey('HOST-001'), expectedVersion: 2, actor: ALICE, source: 'web' });
      expect(removed).toMatchObject({ version: 3, document: null });
      expect(await store.attestations.list({ frameworkId: FTR, scopeName: null })).toEqual([]);
      expect((await store.audit.list({ targetType: 'attestation' })).map((e) => e.action)).toEqual(['attestation.delete', 'attestation.update', 'attestation.create']);
    });

    it('refuses a save based on a stale version: the last writer does not silently win', async () => {
      await store.attestations.save({ ...itemKey('HOST-001'), document: answer('original'), expectedVersion: 0, actor: ALICE, source: 'web' });
      // Alice and Bob both opened version 1. Alice saves first.
      await store.attestations.save({ ...itemKey('HOST-001'), document: answer('alice'), expectedVersion: 1, actor: ALICE, source: 'web' });
      const bob = store.attestations.save({ ...itemKey('HOST-001'), document: answer('bob'), expectedVersion: 1, actor: BOB, source: 'web' });
      await expect(bob).rejects.toThrow(ConflictError);
      await expect(bob).rejects.toThrow(/changed by alice@example\.com at .*now version 2, you edited version 1/);
      expect((await store.attestations.get(itemKey('HOST-001')))?.document).toMatchObject({ justification: 'alice' });
    });

    it('lets exactly one of two simultaneous writers of the same version win', async () => {
      await store.attestations.save({ ...itemKey('HOST-001'), document: answer('original'), expectedVersion: 0, actor: ALICE, source: 'web' });
      const results = await Promise.allSettled([
        store.attestations.save({ ...itemKey('HOST-001'), document: answer('alice'), expectedVersion: 1, actor: ALICE, source: 'web' }),
        store.attestations.save({ ...itemKey('HOST-001'), document: answer('bob'), expectedVersion: 1, actor: BOB, source: 'web' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const history = await store.attestations.history(itemKey('HOST-001'));
      expect(history.map((h) => h.version)).toEqual([1, 2]);

      // Two creators of the same new entry: one wins too.
      const creates = await Promise.allSettled([
        store.attestations.save({ ...itemKey('SUP-001'), document: answer('alice'), expectedVersion: 0, actor: ALICE, source: 'web' }),
        store.attestations.save({ ...itemKey('SUP-001'), document: answer('bob'), expectedVersion: 0, actor: BOB, source: 'web' }),
      ]);
      expect(creates.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((creates.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    });

    it('validates entries like the attestations file does', async () => {
      const save = (subject: string, document: unknown, kind: 'item' | 'gating' = 'item') =>
        store.attestations.save({ frameworkId: FTR, scopeName: null, kind, subject, document, expectedVersion: 0, actor: ALICE, source: 'web' });
      await expect(save('NOPE-1', answer('x'))).rejects.toThrow(/unknown item id "NOPE-1"/);
      await expect(save('HOST-001', { ...answer('x'), date: '2099-01-01' })).rejects.toThrow(/in the future/);
      await expect(save('HOST-001', { ...answer('x'), answer: 'maybe' })).rejects.toThrow(/answer "maybe"/);
      await expect(save('HOST-001', { ...answer('x'), evidence: [{ file: 'e.pdf', sha256: 'a'.repeat(64) }] })).rejects.toThrow(/not in the store; upload it first/);
      await expect(save('CAA-999', { answer: 'no', justification: 'j', owner: 'o', date: '2026-01-01' }, 'gating')).rejects.toThrow(/unknown gating question/);
      expect(await store.audit.count()).toBe(0);
    });
  });

  describe('evidence files', () => {
    it('stores a file once by content, and refuses oversized or mislabelled files', async () => {
      const first = await store.evidence.put({ fileName: '../../etc/game-day.pdf', bytes: PDF, actor: ALICE });
      expect(first.created).toBe(true);
      expect(first.evidence).toMatchObject({ fileName: 'game-day.pdf', mediaType: 'application/pdf', size: PDF.length });
      expect((await store.evidence.put({ fileName: 'game-day.pdf', bytes: PDF, actor: BOB })).created).toBe(false);
      expect(await store.evidence.content(first.evidence.sha256)).toEqual({ bytes: PDF, mediaType: 'application/pdf' });
      await expect(store.evidence.put({ fileName: 'payload.html', bytes: Buffer.from('<script>x</script>'), actor: ALICE })).rejects.toThrow(EvidenceRejectedError);
      await expect(store.evidence.put({ fileName: 'fake.pdf', bytes: Buffer.from('MZ\x90\x00'), actor: ALICE })).rejects.toThrow(/does not contain what its \.pdf extension says/);
      await expect(store.evidence.put({ fileName: 'big.pdf', bytes: Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x25), actor: ALICE })).rejects.toThrow(/the limit is/);
      expect((await store.evidence.list()).length).toBe(1);
    });
  });

  describe('users and roles', () => {
    it('creates users with a role, changes roles, and logs each change', async () => {
      const admin = await store.users.create({ email: 'Admin@Example.com', displayName: 'Ada', role: 'admin' }, ALICE);
      expect(admin).toMatchObject({ email: 'admin@example.com', role: 'admin', passwordHash: null });
      await expect(store.users.create({ email: 'admin@example.com', displayName: 'x', role: 'viewer' }, ALICE)).rejects.toThrow(/already exists/);
      await expect(store.users.create({ email: 'x@example.com', displayName: 'x', role: 'owner' }, ALICE)).rejects.toThrow(/Unknown role/);
      const viewer = await store.users.create({ email: 'v@example.com', displayName: 'V', role: 'viewer', oidc: { issuer: 'https://idp', subject: 'abc' } }, ALICE);
      expect((await store.users.findByOidc('https://idp', 'abc'))?.id).toBe(viewer.id);
      await store.users.setRole(viewer.id, 'attester', { userId: admin.id, label: admin.email });
      await store.users.setPasswordHash(viewer.id, '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', { userId: admin.id, label: admin.email });
      const log = await store.audit.list({ targetType: 'user' });
      expect(log.map((e) => e.action)).toEqual(['user.password', 'user.role', 'user.create', 'user.create']);
      expect(log[1]).toMatchObject({ actorUserId: admin.id, detail: { before: 'viewer', after: 'attester' } });
      expect(JSON.stringify(log)).not.toContain('argon2id');
    });
  });

  describe('distributed-scan shards (issue 10 seam)', () => {
    it('writes a unit shard once: a retried unit changes nothing', async () => {
      const scan = await store.scans.createSharded(
        { schemaVersion: '2.0', toolVersion: '0.1.0', mode: 'organization', principalArn: 'arn:aws:iam::111111111111:root', principalAccount: '111111111111', startedAt: '2026-11-02T10:00:00Z' },
        { source: 'worker', actor: ALICE },
      );
      expect(await store.scans.putShard(scan.id, { unitKey: '222222222222', accountId: '222222222222', json: '{"a":1}', worker: 'w1' })).toMatchObject({ written: true });
      expect(await store.scans.putShard(scan.id, { unitKey: '222222222222', accountId: '222222222222', json: '{"a":1}', worker: 'w2' })).toMatchObject({ written: false });
      expect((await store.scans.listShards(scan.id)).map((s) => s.unitKey)).toEqual(['222222222222']);
    });

    it('records a sharded scan\'s end: finished, complete, counts', async () => {
      const scan = await store.scans.createSharded(
        { schemaVersion: '1.0', toolVersion: '0.1.0', mode: 'organization', principalArn: 'arn:aws:iam::111111111111:root', principalAccount: '111111111111', startedAt: '2026-11-02T10:00:00Z' },
        { source: 'queue', actor: ALICE },
      );
      expect(scan).toMatchObject({ complete: false, accountCount: 0 });
      const end = { finishedAt: '2026-11-02T10:05:00Z', complete: true, interruption: null, accountCount: 3, regionCount: 17, apiCalls: 2900, failedReads: 4 };
      expect(await store.scans.finishSharded(scan.id, end, ALICE)).toMatchObject({ ...end, id: scan.id, storage: 'shards' });
      expect(await store.scans.get(scan.id)).toMatchObject(end);
      await expect(store.scans.finishSharded(scan.id + 1000, end, ALICE)).rejects.toThrow(/No sharded scan/);
    });
  });

  describe('serve lease: one ftr serve per store (migration 0007)', () => {
    const claim = (holder: string, host: string, pid: number, options: { staleAfterMs?: number; isAlive?: (pid: number) => boolean } = {}) => ({
      holder,
      host,
      pid,
      staleAfterMs: options.staleAfterMs ?? 60_000,
      isAlive: options.isAlive ?? (() => true),
    });

    it('is held by one server; another takes it over only from a dead process of its host or once it is stale', async () => {
      expect(await store.serveLease.acquire(claim('a', 'host-1', 10))).toEqual({ acquired: true, tookOverFrom: null });
      expect(await store.serveLease.acquire(claim('a', 'host-1', 10))).toEqual({ acquired: true, tookOverFrom: null });
      // Alive on this host, or fresh on another: refused, naming the holder.
      expect(await store.serveLease.acquire(claim('b', 'host-1', 11))).toMatchObject({ acquired: false, heldBy: { holder: 'a', host: 'host-1', pid: 10 } });
      expect(await store.serveLease.acquire(claim('b', 'host-2', 11, { isAlive: () => false }))).toMatchObject({ acquired: false, heldBy: { holder: 'a' } });
      // The holder's process is gone (same host): taken at once; the old holder can no longer renew.
      expect(await store.serveLease.acquire(claim('b', 'host-1', 11, { isAlive: (pid) => pid !== 10 }))).toMatchObject({ acquired: true, tookOverFrom: { holder: 'a', pid: 10 } });
      expect(await store.serveLease.renew('a')).toBe(false);
      expect(await store.serveLease.renew('b')).toBe(true);
      // Another host: only once the lease was not renewed for staleAfterMs (the test clock moves 1 s per read).
      expect(await store.serveLease.acquire(claim('c', 'host-2', 12, { staleAfterMs: 0 }))).toMatchObject({ acquired: true, tookOverFrom: { holder: 'b', host: 'host-1' } });
      // Only the holder gives it back.
      await store.serveLease.release('b');
      expect((await store.serveLease.current())?.holder).toBe('c');
      await store.serveLease.release('c');
      expect(await store.serveLease.current()).toBeNull();
    });

    it('goes to exactly one of several servers claiming it at once', async () => {
      const outcomes = await Promise.all(['x', 'y', 'z'].map((holder, i) => store.serveLease.acquire(claim(holder, 'host-1', 100 + i))));
      expect(outcomes.filter((o) => o.acquired)).toHaveLength(1);
      const winner = (await store.serveLease.current())?.holder;
      expect(outcomes.flatMap((o) => (o.acquired ? [] : [o.heldBy.holder]))).toEqual([winner, winner]);
    });
  });

  // Team mode (src/serve/auth) keeps its sessions and sign-in failures here; both engines, one server.
  it('keeps team mode\'s sign-in state (migration 0002): sessions with their user, expiry, failures, the audit hook', async () => {
    const ada = await store.users.create({ email: 'ada@example.com', displayName: 'Ada', role: 'admin' }, ALICE);
    const bob = await store.users.create({ email: 'bob@example.com', displayName: 'Bob', role: 'viewer' }, ALICE);
    expect(await store.users.countActiveAdmins()).toBe(1);

    await store.auth.createSession({ idHash: 'h1', userId: ada.id, csrfToken: 'c1', method: 'password', createdAt: authTime(0), expiresAt: authTime(600), ip: '10.0.0.1' });
    await store.auth.createSession({ idHash: 'h2', userId: bob.id, csrfToken: 'c2', method: 'oidc', createdAt: authTime(0), expiresAt: authTime(5), ip: null });
    await store.auth.createSession({ idHash: 'h3', userId: bob.id, csrfToken: 'c3', method: 'oidc', createdAt: authTime(0), expiresAt: authTime(600), ip: null });
    expect(await store.auth.findSession('h1')).toMatchObject({ userId: ada.id, csrfToken: 'c1', user: { email: 'ada@example.com', role: 'admin', disabledAt: null } });
    expect(await store.auth.findSession('nope')).toBeNull();
    await store.auth.touchSession('h1', authTime(50));
    // Absolute expiry (h2) and idle (h3, last seen at 0 < 30) go; h1 was seen at 50 and stays.
    expect(await store.auth.deleteExpiredSessions(authTime(60), authTime(30))).toBe(2);
    expect(await store.auth.countSessions()).toBe(1);

    await store.auth.createSession({ idHash: 'h4', userId: bob.id, csrfToken: 'c4', method: 'oidc', createdAt: authTime(60), expiresAt: authTime(600), ip: null });
    await store.users.disable(bob.id, ALICE);
    expect(await store.auth.findSession('h4')).toBeNull();

    await store.auth.recordFailure(['account:bob@example.com', 'ip:10.0.0.9'], authTime(1));
    await store.auth.recordFailure(['account:bob@example.com', 'ip:10.0.0.9'], authTime(2));
    expect(await store.auth.failuresSince('account:bob@example.com', authTime(0))).toEqual({ count: 2, oldest: authTime(1) });
    expect(await store.auth.failuresSince('account:bob@example.com', authTime(2))).toEqual({ count: 1, oldest: authTime(2) });
    await store.auth.pruneFailures(authTime(2));
    await store.auth.clearFailures('account:bob@example.com');
    expect(await store.auth.failuresSince('account:bob@example.com', authTime(0))).toEqual({ count: 0, oldest: null });
    expect((await store.auth.failuresSince('ip:10.0.0.9', authTime(0))).count).toBe(1);

    await store.audit.append({ userId: ada.id, label: ada.email }, { action: 'auth.sign_in', targetType: 'user', targetId: ada.id, detail: { method: 'password' } });
    expect((await store.audit.list({ action: 'auth.sign_in' }))[0]).toMatchObject({ actorUserId: ada.id, targetId: String(ada.id) });

    const linked = await store.users.linkOidc(ada.id, { issuer: 'https://idp', subject: 's-1' }, ALICE);
    expect(linked.oidc).toEqual({ issuer: 'https://idp', subject: 's-1' });
    await expect(store.users.linkOidc(ada.id, { issuer: 'https://idp', subject: 's-2' }, ALICE)).rejects.toThrow(/without an OIDC identity/);
  });

  it('rolls back everything written in a failed transaction', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.scans.record(SAMPLE_SNAPSHOT, { source: 'import', actor: ALICE });
        await tx.assessments.record(sampleAssessment(), { scanId: null, source: 'import', actor: ALICE });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.scans.list()).toEqual([]);
    expect(await store.assessments.list()).toEqual([]);
    expect(await store.audit.count()).toBe(0);
    expect(await countRows(store, 'findings')).toBe(0);
    expect(await countRows(store, 'blobs')).toBe(0);
  });
});

const authTime = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, minutes)).toISOString();

/** Rows of a table, read through the store's own database handle (tests only). */
async function countRows(store: Store, table: string): Promise<number> {
  const db = (store.blobs as unknown as { ctx: { db: Kysely<unknown> } }).ctx.db;
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n);
}

/** The store's own database handle (tests only). */
function rawDb(store: Store): Kysely<unknown> {
  return (store.blobs as unknown as { ctx: { db: Kysely<unknown> } }).ctx.db;
}

/** Tables, indexes, views and triggers of the schema, apart from the migrator's own bookkeeping tables. */
async function schemaObjects(db: Kysely<unknown>, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  const query =
    engine === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where name not like 'sqlite_%' and name not like 'ftr_migrations%' order by name`
      : sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'i', 'v', 'm', 'S') and c.relname not like 'ftr_migrations%' order by c.relname`;
  return (await query.execute(db)).rows.map((r) => r.name);
}
