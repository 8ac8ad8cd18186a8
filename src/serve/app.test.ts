/**
 * The dashboard's routes through Hono's app.request(), on one SQLite store with the bundled sample (and,
 * for escaping, the hostile assessment fixture). No browser, no network: the browser walk-through is
 * test/serve-browser.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { shardsOf, type Snapshot } from '../core/snapshot.js';
import { UserError } from '../core/errors.js';
import { getFramework } from '../frameworks/index.js';
import { readSnapshot } from '../io/snapshot-file.js';
import { openStore, type Store } from '../store/db.js';
import { MAX_EVIDENCE_BYTES } from '../store/evidence-policy.js';
import { isLoopbackHost, type AppEnv, type AuthSeam, type DashboardUser } from './access.js';
import { createApp, type DashboardApp } from './app.js';
import { INTERRUPTED_BY_RESTART, KILLED_SCAN_REASON, ScanJobs, type ScanRequest } from './jobs.js';
import type { ScanOptions } from '../collect/run-collection.js';
import { SnapshotFileWriter } from '../io/snapshot-stream.js';
import { ensureSampleWorkspace, reevaluate, SAMPLE_SNAPSHOT } from './workspace.js';
import { assess } from '../cli/write-assessment.js';
import { recordRun } from '../cli/record.js';
import type { Scope } from '../scope/types.js';
import { serveCommand } from '../cli/commands/serve.js';
import type { StoreLocation } from '../store/location.js';
import { storeEngine } from '../../test/helpers/store-engines.js';

const ORIGIN = 'http://localhost';
const actor = { userId: null, label: 'test' };
const PDF = Buffer.from('%PDF-1.4\n% evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * The store these routes run on: SQLite, or PostgreSQL when app.postgres.test.ts imports this file with
 * FTR_APP_TEST_ENGINE=postgres (the dashboard's team mode runs on PostgreSQL: same routes, other engine).
 */
const engine = storeEngine(process.env.FTR_APP_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');
let location: StoreLocation;
let dir: string;
let store: Store;
/** Job folders inside the test's temp folder (PostgreSQL's default is under the user's data directory). */
const jobsFolder = () => join(dir, 'scan-jobs');
let app: DashboardApp;
let sampleId: number;
let hostileId: number;
let sample: Snapshot;

/**
 * A scan runner that hands the sample's accounts to the snapshot file's sink: all of them (complete), or,
 * for the region `slow-1`, the first one and then nothing until the job is stopped (the rest incomplete).
 * A resume (accounts to skip) hands over only the accounts it lacks.
 */
const runnerCalls: ScanOptions[] = [];
const fakeRunner: NonNullable<Parameters<typeof createApp>[0]['scanRunner']> = async (options, sink) => {
  runnerCalls.push(options);
  options.onProgress?.({ phase: 'collecting', accountsTotal: 1, accountsReady: 1, accountsDone: 0, tasksTotal: 2, tasksDone: 1, apiCalls: 5, retries: 0, throttles: 0, errors: 0, requestsInFlight: 1, elapsedMs: 1000, etaMs: null, message: 'collecting' });
  const { header, shards, trailer } = shardsOf(sample);
  const todo = shards.filter((s) => !options.skipAccounts?.has(s.account.accountId)).map((s) => ({ ...s, complete: true }));
  await sink.start(header);
  if (options.regions?.includes('slow-1') && (options.skipAccounts?.size ?? 0) === 0) {
    const [first, ...rest] = todo;
    if (first) await sink.account(first);
    if (!options.signal?.aborted) await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
    for (const shard of rest) await sink.account({ ...shard, complete: false });
    return { ...trailer, complete: false, interruption: { reason: String(options.signal?.reason) } };
  }
  for (const shard of todo) await sink.account(shard);
  return trailer;
};

const post = (path: string, body: FormData | URLSearchParams, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers: { Origin: ORIGIN, ...headers } });

function attestation(fields: Partial<Record<string, string | Blob>> = {}, fileName = 'dr-runbook.pdf'): FormData {
  const base: Record<string, string | Blob> = {
    expectedVersion: '0',
    answer: 'yes',
    justification: 'Hosted in our AWS accounts only.',
    owner: 'alice@example.com',
    date: '2026-01-15',
    reviewer: '',
    expires: '',
    evidenceUrl: '',
  };
  const data = new FormData();
  for (const [k, v] of Object.entries({ ...base, ...fields })) {
    if (v === undefined) continue;
    if (v instanceof Blob) data.append(k, v, fileName);
    else data.append(k, v);
  }
  return data;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-serve-'));
  await engine.start();
  location = await engine.freshLocation();
  store = await openStore(location);
  sample = await readSnapshot(SAMPLE_SNAPSHOT);
  sampleId = (await ensureSampleWorkspace(store, actor))?.id ?? 0;
  hostileId = (await store.assessments.record(hostileAssessment(), { scanId: null, source: 'import', actor })).assessment.id;
  app = createApp({ store, scanRunner: fakeRunner, chromiumPath: null, scanJobsFolder: jobsFolder() });
});

afterAll(async () => {
  await app.jobs.close();
  await store.close();
  await engine.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Any <script> that is not a file (src=) nor a data block is an inline script. */
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>/g)];

describe('pages', () => {
  it('the sample is recorded once, and the overview shows readiness, its trend, blockers and a strict CSP', async () => {
    expect(sampleId).toBeGreaterThan(0);
    expect(await ensureSampleWorkspace(store, actor)).toBeNull();
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('Foundational Technical Review');
    expect(html).toContain('class="trend"');
    expect(html).toContain('Blockers by severity');
    expect(html).toContain('Evidence expiring within 90 days');
    expect(inlineScripts(html)).toEqual([]);
  });

  it('serves htmx from its npm package and the dashboard script as files', async () => {
    const res = await app.request('/assets/htmx.min.js');
    expect(res.status).toBe(200);
    const require = createRequire(import.meta.url);
    expect(await res.text()).toBe(await readFile(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8'));
    expect((await app.request('/assets/dashboard.js')).headers.get('Content-Type')).toContain('javascript');
  });

  it('the assessment page reuses the report components, filters by verdict, and answers htmx with the results only', async () => {
    const full = await (await app.request(`/assessments/${sampleId}`)).text();
    expect(full).toContain('id="glance"');
    expect(full).toContain('id="resources"');
    expect(inlineScripts(full)).toEqual([]);
    const met = await (await app.request(`/assessments/${sampleId}?verdict=MET`)).text();
    expect(met).toContain('article class="item v-MET"');
    expect(met).not.toContain('article class="item v-NOT_MET"');
    const fragment = await (await app.request(`/assessments/${sampleId}?verdict=NOT_MET&severity=critical`, { headers: { 'HX-Request': 'true' } })).text();
    expect(fragment.startsWith('<div id="results">')).toBe(true);
    expect(fragment).not.toContain('article class="item v-MET"');
  });

  it('exports every report format through the report renderers', async () => {
    for (const [format, type] of [
      ['md', 'text/markdown'],
      ['json', 'application/json'],
      ['csv', 'text/csv'],
      ['csv-resources', 'text/csv'],
      ['xlsx', 'spreadsheetml'],
      ['html', 'text/html'],
      ['junit', 'xml'],
    ] as const) {
      const res = await app.request(`/assessments/${sampleId}/export/${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toContain(type);
      expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="ftr-assessment-\d+/);
    }
    expect((await app.request(`/assessments/${sampleId}/export/exe`)).status).toBe(404);
  });

  it('an unknown assessment or item is a 404 page, not a stack trace', async () => {
    const res = await app.request('/assessments/999999');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
    expect((await app.request(`/assessments/${sampleId}/items/NOPE-1`)).status).toBe(404);
    expect((await app.request('/assessments/abc')).status).toBe(404);
  });

  it('hostile text from AWS and from people renders as text on the assessment and item pages', async () => {
    const pages = [`/assessments/${hostileId}`, `/assessments/${hostileId}/items/HOST-001`, '/', '/assessments', `/diff?a=${sampleId}&b=${hostileId}`];
    for (const path of pages) {
      const html = await (await app.request(path)).text();
      expect(html).not.toContain(HOSTILE.script);
      expect(html).not.toContain(HOSTILE.img);
      expect(html).not.toContain('<script>window.__pwned');
      expect(html).not.toContain('href="javascript:');
      expect(inlineScripts(html)).toEqual([]);
    }
    const item = await (await app.request(`/assessments/${hostileId}/items/HOST-001`)).text();
    expect(item).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;');
  });
});

describe('attesting', () => {
  it('saving with an uploaded file re-evaluates: the verdict turns MET in place and the history grows', async () => {
    const before = await (await app.request(`/assessments/${sampleId}/items/HOST-001`)).text();
    expect(before).toContain('Needs evidence');
    const res = await post(`/assessments/${sampleId}/items/HOST-001/attestation`, attestation({ evidenceFile: new Blob([PDF]) }), { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const pushed = res.headers.get('HX-Push-Url') ?? '';
    expect(pushed).toMatch(/^\/assessments\/\d+\/items\/HOST-001$/);
    const html = await res.text();
    expect(html.startsWith('<div id="item-main">')).toBe(true);
    expect(res.headers.get('HX-Retarget')).toBe('#item-main');
    expect(html).toContain('<span class="badge v-MET">Met</span>');
    expect(html).toContain('dr-runbook.pdf');
    const newId = Number(pushed.split('/')[2]);
    expect(newId).toBeGreaterThan(sampleId);
    const history = await store.assessments.itemHistory('HOST-001', { frameworkId: 'ftr-partner-hosted', scopeName: null });
    expect(history.map((h) => h.verdict)).toEqual(['NEEDS_EVIDENCE', 'MET']);
    const audit = await store.audit.list({ limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['evidence.upload', 'attestation.create']));
    const evidence = (await store.evidence.list()).find((e) => e.fileName === 'dr-runbook.pdf');
    const download = await app.request(`/evidence/${evidence?.sha256 ?? ''}`);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers a gating question from a gated item page: audited, re-evaluated, the gated item turns NOT_APPLICABLE', async () => {
    const framework = getFramework('ftr-partner-hosted');
    const gated = framework.items.find((i) => i.gatedBy !== undefined && framework.gatingQuestions.some((q) => q.id === i.gatedBy));
    if (!gated?.gatedBy) throw new Error('the FTR catalog has no gated item');
    const latest = (await store.assessments.list({ limit: 1 }))[0]?.id ?? 0;
    const page = await (await app.request(`/assessments/${latest}/items/${gated.id}`)).text();
    expect(page).toContain('id="gating-form"');
    expect(page).toContain(gated.gatedBy);
    const form = new URLSearchParams({ expectedVersion: '0', answer: 'no', justification: 'The product never assumes roles in customer accounts.', owner: 'cto@example.com', date: '2026-01-10' });
    const bad = await post(`/assessments/${latest}/items/${gated.id}/gating`, new URLSearchParams({ ...Object.fromEntries(form), answer: 'maybe' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('must be yes or no');
    const res = await post(`/assessments/${latest}/items/${gated.id}/gating`, form);
    expect(res.status).toBe(303);
    const newId = Number((res.headers.get('location') ?? '').split('/')[2]);
    expect(newId).toBeGreaterThan(latest);
    expect((await store.assessments.item(newId, gated.id))?.verdict).toBe('NOT_APPLICABLE');
    const stored = await store.attestations.get({ frameworkId: framework.id, scopeName: null, kind: 'gating', subject: gated.gatedBy });
    expect(stored?.document).toMatchObject({ answer: 'no', owner: 'cto@example.com' });
    const audit = await store.audit.list({ limit: 5, action: 'attestation.create' });
    expect(audit[0]?.detail).toMatchObject({ kind: 'gating', subject: gated.gatedBy });
    // A second save from the same (now stale) form is a conflict, not an overwrite.
    expect((await post(`/assessments/${newId}/items/${gated.id}/gating`, form)).status).toBe(409);
    // Put the answer back to "yes" so the other tests see the items applicable again.
    expect((await post(`/assessments/${newId}/items/${gated.id}/gating`, new URLSearchParams({ ...Object.fromEntries(form), answer: 'yes', expectedVersion: String(stored?.version ?? 0) }))).status).toBe(303);
  });

  it('suppresses one of an item\'s failing results (accepted risk): the result stays FAIL, marked suppressed; a made-up result is refused', async () => {
    const latest = (await store.assessments.list({ limit: 1 }))[0]?.id ?? 0;
    const failing = (await store.assessments.findings(latest, { statuses: ['FAIL'], limit: 50 })).find((f) => f.controlIds.length > 0 && f.resourceId !== '');
    if (!failing) throw new Error('the sample has no failing result');
    const itemId = failing.controlIds[0] ?? '';
    const page = await (await app.request(`/assessments/${latest}/items/${encodeURIComponent(itemId)}`)).text();
    expect(page).toContain('id="suppression-form"');
    const key = [failing.checkId, failing.accountId, failing.resourceId, failing.resourceArn ?? '', failing.region ?? ''].join('|');
    const fields = { justification: 'Accepted by the CISO until the migration.', owner: 'ciso@example.com', expires: '2099-12-31' };
    const madeUp = await post(`/assessments/${latest}/items/${encodeURIComponent(itemId)}/suppressions`, new URLSearchParams({ ...fields, finding: `${failing.checkId}|999999999999|anything||` }));
    expect(madeUp.status).toBe(400);
    const noExpiry = await post(`/assessments/${latest}/items/${encodeURIComponent(itemId)}/suppressions`, new URLSearchParams({ ...fields, finding: key, expires: '' }));
    expect(noExpiry.status).toBe(400);
    const res = await post(`/assessments/${latest}/items/${encodeURIComponent(itemId)}/suppressions`, new URLSearchParams({ ...fields, finding: key }));
    expect(res.status).toBe(303);
    const newId = Number((res.headers.get('location') ?? '').split('/')[2]);
    const after = (await store.assessments.findings(newId, { checkIds: [failing.checkId], statuses: ['FAIL'] })).find(
      (f) => f.accountId === failing.accountId && f.resourceId === failing.resourceId,
    );
    expect(after?.status).toBe('FAIL');
    expect(after?.suppression).toMatchObject({ owner: 'ciso@example.com', expires: '2099-12-31' });
    const audit = await store.audit.list({ limit: 5, action: 'attestation.create' });
    expect(audit[0]?.detail).toMatchObject({ kind: 'suppression', subject: key });
  });

  it('a stale version is a conflict (409), never a silent overwrite', async () => {
    const latest = (await store.assessments.list({ limit: 1 }))[0]?.id ?? 0;
    const res = await post(`/assessments/${latest}/items/HOST-001/attestation`, attestation({ expectedVersion: '0', justification: 'other' }), { 'HX-Request': 'true' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('was changed by');
  });

  it('refuses path traversal, the wrong type and oversized uploads, and stores nothing of them', async () => {
    const path = (id: number) => `/assessments/${id}/items/RES-001/attestation`;
    const count = async () => (await store.evidence.list()).length;
    const n = await count();
    const traversal = await post(path(sampleId), attestation({ evidenceFile: new Blob([PDF]) }, '../../etc/passwd.pdf'), { 'HX-Request': 'true' });
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).toContain('contains a path');
    const wrongType = await post(path(sampleId), attestation({ evidenceFile: new Blob(['<svg onload=alert(1)>']) }, 'diagram.svg'), { 'HX-Request': 'true' });
    expect(wrongType.status).toBe(415);
    const lying = await post(path(sampleId), attestation({ evidenceFile: new Blob(['not a pdf']) }, 'report.pdf'), { 'HX-Request': 'true' });
    expect(lying.status).toBe(415);
    const big = await post(path(sampleId), attestation({ evidenceFile: new Blob([Buffer.alloc(MAX_EVIDENCE_BYTES + 512 * 1024, 0x20)]) }, 'big.txt'), { 'HX-Request': 'true' });
    expect(big.status).toBe(413);
    expect(await count()).toBe(n);
    expect(await store.attestations.get({ frameworkId: 'ftr-partner-hosted', scopeName: null, kind: 'item', subject: 'RES-001' })).toBeNull();
  });

  it('refuses a form post from another origin (csrf) and a javascript: evidence URL', async () => {
    const foreign = await app.request(`/assessments/${sampleId}/items/RES-002/attestation`, {
      method: 'POST',
      body: attestation(),
      headers: { Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await app.request(`/assessments/${sampleId}/items/RES-002/attestation`, { method: 'POST', body: attestation() });
    expect(noOrigin.status).toBe(403);
    const js = await post(`/assessments/${sampleId}/items/RES-002/attestation`, attestation({ evidenceUrl: 'javascript:alert(1)' }), { 'HX-Request': 'true' });
    expect(js.status).toBe(400);
    expect(await js.text()).toContain('is not an http(s) URL');
  });
});

describe('the auth seam', () => {
  const seam = (user: DashboardUser, token?: string): AuthSeam => ({
    middleware: (async (c, next) => {
      c.set('user', user);
      c.set('csrfToken', token);
      await next();
    }) satisfies MiddlewareHandler<AppEnv>,
  });

  it('a viewer is refused every mutating route (403), and forms carry the seam’s CSRF token', async () => {
    const viewerApp = createApp({ store, auth: seam({ id: 7, name: 'viewer@example.com', role: 'viewer' }, 'tok-123'), scanRunner: fakeRunner, scanJobsFolder: jobsFolder() });
    const item = await viewerApp.request(`/assessments/${sampleId}/items/RES-003`);
    expect(await item.text()).toContain('Attesting needs the attester role');
    for (const path of [`/assessments/${sampleId}/items/RES-003/attestation`, '/scans', '/scans/jobs/1/stop']) {
      const res = await viewerApp.request(path, { method: 'POST', body: attestation(), headers: { Origin: ORIGIN } });
      expect(res.status).toBe(403);
    }
    const attesterApp = createApp({ store, auth: seam({ id: 8, name: 'attester@example.com', role: 'attester' }, 'tok-456'), scanRunner: fakeRunner, scanJobsFolder: jobsFolder() });
    expect(await (await attesterApp.request(`/assessments/${sampleId}/items/RES-003`)).text()).toContain('name="_csrf" value="tok-456"');
    await viewerApp.jobs.close();
    await attesterApp.jobs.close();
  });

  it('without auth, only loopback addresses are accepted', async () => {
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', '127.0.0.2'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.4', '::', 'example.com'].some(isLoopbackHost)).toBe(false);
    await expect(serveCommand({ host: '0.0.0.0', port: 0, db: join(dir, 'other.db'), noSample: true, chromiumPath: undefined })).rejects.toThrow(UserError);
  });
});

describe('scans', () => {
  it('a scan job records its snapshot and assessment, and streams its progress as server-sent events', async () => {
    const before = (await store.assessments.list()).length;
    const res = await post('/scans', new URLSearchParams({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', regions: 'us-east-1', concurrency: '4', maxAttempts: '3' }));
    expect(res.status).toBe(303);
    const [job] = await app.jobs.list();
    await app.jobs.idle();
    expect(job?.state).toBe('done');
    expect(job?.outcome).toBe('complete');
    expect((await store.assessments.list()).length).toBe(before + 1);
    const events = await (await app.request(`/scans/jobs/${job?.id ?? 0}/events`)).text();
    expect(events).toContain('event: state');
    expect(events).toContain('data: done: complete');
    expect(await (await app.request('/scans')).text()).toContain(`assessment #${job?.assessmentId ?? 0}`);
  });

  it('a stopped scan keeps its partial snapshot, marked incomplete', async () => {
    await post('/scans', new URLSearchParams({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', regions: 'slow-1' }));
    const [job] = await app.jobs.list();
    expect(job?.state).toBe('running');
    const stop = await post(`/scans/jobs/${job?.id ?? 0}/stop`, new URLSearchParams({}));
    expect(stop.status).toBe(303);
    await app.jobs.idle();
    expect(job?.state).toBe('done');
    expect(job?.outcome).toBe('partial: stopped from the dashboard');
    const scan = await store.scans.get(job?.scanId ?? 0);
    expect(scan?.complete).toBe(false);
  });

  it('a stopped scan can be resumed: the accounts it finished are kept, only the others are collected', async () => {
    await post('/scans', new URLSearchParams({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', regions: 'slow-1' }));
    const [job] = await app.jobs.list();
    const id = job?.id ?? 0;
    await post(`/scans/jobs/${id}/stop`, new URLSearchParams({}));
    await app.jobs.idle();
    const stopped = await app.jobs.get(id);
    const firstAccount = sample.accounts[0]?.accountId;
    expect(stopped?.completeAccounts).toEqual([firstAccount]);
    // The job folder is gone once its snapshot is in the store.
    expect(existsSync(app.jobs.folderOf(id))).toBe(false);
    expect((await store.audit.list({ limit: 50, action: 'scan_job.stop' })).some((a) => a.targetId === String(id))).toBe(true);
    expect(await (await app.request('/scans')).text()).toContain(`/scans/jobs/${id}/resume`);

    expect((await post(`/scans/jobs/${id}/resume`, new URLSearchParams({}))).status).toBe(303);
    const [resumed] = await app.jobs.list();
    await app.jobs.idle();
    expect(resumed).toMatchObject({ state: 'done', outcome: `complete (1 account(s) kept from job #${id})`, request: { resumeOf: id, regions: ['slow-1'] } });
    const snapshot = await store.scans.loadSnapshot(resumed?.scanId ?? 0);
    expect(snapshot.complete).toBe(true);
    expect(snapshot.accounts.map((a) => a.accountId)).toEqual(sample.accounts.map((a) => a.accountId));
    // As with `ftr scan --resume`, the snapshot keeps the time its first scan started.
    expect(snapshot.startedAt).toBe(sample.startedAt);
    // A complete snapshot has nothing to resume.
    const again = await post(`/scans/jobs/${resumed?.id ?? 0}/resume`, new URLSearchParams({}));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('nothing to resume');
  });

  it('jobs are rows of the store: a new server shows a job the old one left running as interrupted; a graceful stop records the partial snapshot', async () => {
    await post('/scans', new URLSearchParams({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', regions: 'slow-1' }));
    const [job] = await app.jobs.list();
    expect(job?.state).toBe('running');
    // A second server on the same store (what a restart after a crash looks like): the job did not vanish.
    // Its own jobs folder: on the shared one its recovery would take the job folder the first server, still
    // alive here (never after a real crash), is writing to (folder recovery has its own test).
    const restarted = createApp({ store, scanRunner: fakeRunner, chromiumPath: null, scanJobsFolder: join(dir, 'scan-jobs-restarted') });
    try {
      const [seen] = await restarted.jobs.list();
      expect(seen).toMatchObject({ id: job?.id, state: 'interrupted', outcome: INTERRUPTED_BY_RESTART, startedBy: job?.startedBy });
      expect(seen?.request.regions).toEqual(['slow-1']);
      expect(await (await restarted.request('/scans')).text()).toContain('interrupted');
      // The first server shuts down gracefully: it stops the job and records what was collected.
      await app.jobs.close();
      const [after] = await restarted.jobs.list();
      expect(after).toMatchObject({ id: job?.id, state: 'done', outcome: 'partial: stopped from the dashboard' });
      expect((await store.scans.get(after?.scanId ?? 0))?.complete).toBe(false);
      const audit = await store.audit.list({ limit: 20, action: 'scan_job.start' });
      expect(audit.some((a) => a.targetId === String(job?.id))).toBe(true);
    } finally {
      await restarted.jobs.close();
    }
  });

  it('bad scan options are a 400 page with the reason', async () => {
    const res = await post('/scans', new URLSearchParams({ framework: 'nope', delivery: 'multi-tenant-saas' }));
    expect(res.status).toBe(400);
    const accounts = await post('/scans', new URLSearchParams({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', accounts: '111111111111' }));
    expect(accounts.status).toBe(400);
    expect(await accounts.text()).toContain('--accounts only applies with --org');
  });

  /** The scan form as the browser posts it (multipart), with `ftr scan`'s defaults unless overridden. */
  const scanForm = (fields: Record<string, string | undefined> = {}, scopeFile?: { name: string; text: string | Uint8Array<ArrayBuffer> }): FormData => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ framework: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', roleName: 'FtrReadOnly', concurrency: '64', perAccountConcurrency: '8', maxAttempts: '8', ...fields })) {
      if (v !== undefined) data.append(k, v);
    }
    data.append('scopeFile', scopeFile ? new Blob([scopeFile.text]) : new Blob([]), scopeFile?.name ?? '');
    return data;
  };
  const SECRET = 'ext-S3CRET-4711';

  it('every option of the form reaches the scan as `ftr scan` would pass it; the job row lists them; the external id is never stored, audited or shown', async () => {
    const res = await post(
      '/scans',
      scanForm({
        org: '1',
        accounts: '111111111111, 222222222222',
        roleName: 'AuditRole',
        externalId: SECRET,
        profile: 'scanner',
        regions: 'us-east-1,eu-west-1',
        deepRegions: '1',
        delivery: 'single-tenant-saas',
        concurrency: '16',
        perAccountConcurrency: '4',
        maxAttempts: '5',
        workers: '1',
      }),
    );
    expect(res.status).toBe(303);
    const [job] = await app.jobs.list();
    await app.jobs.idle();
    expect(runnerCalls.at(-1)).toMatchObject({
      org: true,
      accounts: ['111111111111', '222222222222'],
      roleName: 'AuditRole',
      externalId: SECRET,
      profile: 'scanner',
      regions: ['us-east-1', 'eu-west-1'],
      deepRegions: true,
      concurrency: 16,
      perAccountConcurrency: 4,
      maxAttempts: 5,
      distribute: undefined,
    });
    expect(job?.request).toMatchObject({ delivery: 'single-tenant-saas', externalIdGiven: true, workers: 1 });
    expect((await store.assessments.require(job?.assessmentId ?? 0)).delivery).toBe('single-tenant-saas');
    const html = await (await app.request('/scans')).text();
    expect(html).toContain('Organization: 111111111111, 222222222222 · role AuditRole · external id set');
    expect(html).toContain('regions us-east-1, eu-west-1 · deep regions · profile scanner');
    expect(html).toContain('concurrency 16 · 4 per account · 5 attempts · 1 worker thread(s)');
    const stored = await store.scanJobs.get(job?.id ?? 0);
    const audit = await store.audit.list({ limit: 200 });
    for (const text of [html, JSON.stringify(stored), JSON.stringify(audit), JSON.stringify(await app.jobs.get(job?.id ?? 0))]) expect(text).not.toContain(SECRET);
  });

  it('bad values are refused on the page with the CLI’s own message, the form keeps what was typed (not the external id), and no job starts', async () => {
    const jobsBefore = (await app.jobs.list()).length;
    const refused = async (fields: Record<string, string>, scopeFile?: { name: string; text: string | Uint8Array<ArrayBuffer> }) => {
      const res = await post('/scans', scanForm({ externalId: SECRET, ...fields }, scopeFile));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).not.toContain(SECRET);
      expect(html).not.toContain('Internal error');
      return html;
    };
    const concurrency = await refused({ concurrency: 'many', regions: 'eu-central-1' });
    expect(concurrency).toContain('--concurrency must be a whole number of 1 or more (got &quot;many&quot;).');
    expect(concurrency).toContain('value="eu-central-1"');
    // A value away from the default opens "Advanced", so the refused value is in sight.
    expect(concurrency).toMatch(/<details class="advanced" open/);
    expect(await refused({ perAccountConcurrency: '0' })).toContain('--per-account-concurrency must be a whole number');
    expect(await refused({ maxAttempts: '2.5' })).toContain('--max-attempts must be a whole number');
    expect(await refused({ org: '1', workers: '-1' })).toContain('--workers must be a whole number');
    expect(await refused({ framework: 'nope' })).toContain('Unknown framework &quot;nope&quot;');
    expect(await refused({ delivery: 'on-prem' })).toContain('Unknown delivery category &quot;on-prem&quot;');
    expect(await refused({ scopeName: 'web' })).toContain('--scope-name only applies with --scope &lt;file&gt;');
    expect(await refused({}, { name: '../../etc/scopes.yaml', text: 'version: "1"\nscopes:\n  web:\n    accounts: ["12345"]\n' })).toMatch(
      /Invalid scope file scopes\.yaml \(1 problem\):\n\s+scopes\.yaml:4:\d+: .*an account id has 12 digits/,
    );
    expect(await refused({ scopeName: 'nope' }, { name: 'scopes.yaml', text: 'version: "1"\nscopes:\n  web:\n    accounts: ["123456789012"]\n' })).toContain(
      'no scope named &quot;nope&quot; (defined: web)',
    );
    // Over the `--scope` file limit (1 MB): refused by the same reader, before any parsing.
    expect(await refused({}, { name: 'big.yaml', text: new Uint8Array(1024 * 1024 + 10).fill(0x20) })).toContain('larger than the 1 MB limit for a scope file');
    expect(await refused({ scope: 'stored:gone' })).toContain('The workspace stores no scope named &quot;gone&quot;');
    expect((await app.jobs.list()).length).toBe(jobsBefore);
  });

  it('a scope file uploaded with the form: the job’s assessment is the scoped one, with its scope kept as `ftr scan --scope --scope-name --db` keeps it; a stored scope can be picked next', async () => {
    const [first, second] = sample.accounts.map((a) => a.accountId);
    const yaml = [
      'version: "1"',
      'scopes:',
      '  case-study-web:',
      '    description: Web tier',
      `    accounts: ["${second ?? ''}"]`,
      '    caseStudy:',
      '      customer: Acme Corp',
      '      productionDate: "2025-06-01"',
      '  platform:',
      `    accounts: ["${first ?? ''}"]`,
      '',
    ].join('\n');
    const expected: Scope = {
      name: 'case-study-web',
      description: 'Web tier',
      accounts: [second ?? ''],
      regions: null,
      tags: null,
      stacks: null,
      caseStudy: { customer: 'Acme Corp', productionDate: '2025-06-01', publicUrl: null, description: null },
    };
    expect((await post('/scans', scanForm({ scopeName: 'case-study-web' }, { name: 'scopes.yaml', text: yaml }))).status).toBe(303);
    const [job] = await app.jobs.list();
    await app.jobs.idle();
    expect(job).toMatchObject({ state: 'done', outcome: 'complete', request: { scopes: [expected], scopeSource: 'scopes.yaml' } });
    const scoped = await store.assessments.require(job?.assessmentId ?? 0);
    expect(scoped.scopeName).toBe('case-study-web');
    expect(await store.assessments.scopeDefinition(scoped.id)).toEqual(expected);
    const document = await store.assessments.loadDocument(scoped.id);
    expect(document.scope.accounts).toEqual([second]);
    expect(document.caseStudy).toMatchObject({ id: 'case-study-web', customer: 'Acme Corp' });

    // The stored scope is offered by the form and gives the same scoped assessment.
    const html = await (await app.request('/scans')).text();
    expect(html).toContain('<option value="stored:case-study-web">case-study-web (case study: Acme Corp)</option>');
    expect(html).toContain('scope case-study-web (from scopes.yaml)');
    expect((await post('/scans', scanForm({ scope: 'stored:case-study-web' }))).status).toBe(303);
    const [picked] = await app.jobs.list();
    await app.jobs.idle();
    expect(picked?.request).toMatchObject({ scopes: [expected], scopeSource: 'stored' });
    expect(await store.assessments.scopeDefinition(picked?.assessmentId ?? 0)).toEqual(expected);

    // Without a scope name every scope of the file is evaluated (case studies), one assessment each.
    expect((await post('/scans', scanForm({}, { name: 'scopes.yaml', text: yaml }))).status).toBe(303);
    const [both] = await app.jobs.list();
    await app.jobs.idle();
    expect(both?.outcome).toMatch(/^complete; assessments #\d+ \(case-study-web\), #\d+ \(platform\)$/);
    expect((await store.assessments.list({ scopeName: 'platform' }))[0]?.scopeName).toBe('platform');
  });

  it('a job run with an external id is resumed only with the external id typed again', async () => {
    expect((await post('/scans', scanForm({ regions: 'slow-1', externalId: SECRET }))).status).toBe(303);
    const [job] = await app.jobs.list();
    const id = job?.id ?? 0;
    await post(`/scans/jobs/${id}/stop`, new URLSearchParams({}));
    await app.jobs.idle();
    const page = await (await app.request('/scans')).text();
    expect(page).toContain(`aria-label="External id for resuming job ${id}"`);
    expect(page).not.toContain(SECRET);
    const without = await post(`/scans/jobs/${id}/resume`, new URLSearchParams({}));
    expect(without.status).toBe(400);
    expect(await without.text()).toContain('enter it again to resume');
    expect((await post(`/scans/jobs/${id}/resume`, new URLSearchParams({ externalId: SECRET }))).status).toBe(303);
    await app.jobs.idle();
    expect(runnerCalls.at(-1)).toMatchObject({ externalId: SECRET, regions: ['slow-1'] });
    expect((await app.jobs.list())[0]).toMatchObject({ state: 'done', request: { resumeOf: id, externalIdGiven: true } });
  });

  it('a job’s store writes land in order: a slow "stopping" write never overwrites the final "done" (PostgreSQL pools commit out of order)', async () => {
    // The store's write of "stopping" is slow, as on a busy PostgreSQL pool connection: it commits only after
    // the final write was sent (or after 1.5 s, when the final write waits for it, as it should).
    let finalSent = (): void => undefined;
    const finalWrite = new Promise<void>((resolve) => {
      finalSent = resolve;
      setTimeout(resolve, 1500);
    });
    const scanJobs = Object.create(store.scanJobs) as Store['scanJobs'];
    scanJobs.update = async (id, change) => {
      if (change.status === 'stopping') await finalWrite;
      if (change.status === 'done') finalSent();
      return store.scanJobs.update(id, change);
    };
    const slowStore = Object.assign(Object.create(store) as Store, { scanJobs });
    const jobs = new ScanJobs(slowStore, { folder: join(dir, 'ordered-writes'), runner: fakeRunner });
    const request: ScanRequest = { org: false, roleName: 'FtrReadOnly', frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', concurrency: 4, maxAttempts: 2, regions: ['slow-1'] };
    const job = await jobs.start(request, actor);
    expect(jobs.stop(job.id)).toBe(true);
    await jobs.idle();
    await jobs.close();
    expect(await store.scanJobs.get(job.id)).toMatchObject({ status: 'done' });
  });

  it('a killed server’s job folder is recovered by the CLI’s streamed recovery: a partial snapshot, evaluated with the job’s scope', async () => {
    const folder = join(dir, 'killed-jobs');
    const scope: Scope = { name: 'killed-scope', description: null, accounts: [sample.accounts[0]?.accountId ?? ''], regions: null, tags: null, stacks: null, caseStudy: null };
    const request: ScanRequest = { org: true, roleName: 'FtrReadOnly', frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', concurrency: 4, maxAttempts: 2, scopes: [scope], scopeSource: 'stored' };
    const row = await store.scanJobs.create({ options: request, actor });
    await store.scanJobs.update(row.id, { accountsTotal: 3 });
    // What a SIGKILLed job leaves: the snapshot's temp file with its header and one finished account, no trailer.
    const { header, shards } = shardsOf(sample);
    const [finished] = shards;
    if (!finished) throw new Error('the sample has no account');
    const writer = await SnapshotFileWriter.open(join(folder, String(row.id), 'snapshot.json.gz'));
    await writer.header(header);
    await writer.account({ ...finished, complete: true });
    const restarted = new ScanJobs(store, { folder, runner: fakeRunner });
    await restarted.recovered();
    const job = await restarted.get(row.id);
    expect(job).toMatchObject({ state: 'interrupted', outcome: 'partial snapshot of 1 of 3 accounts kept', completeAccounts: [sample.accounts[0]?.accountId] });
    expect(await store.scans.require(job?.scanId ?? 0)).toMatchObject({ complete: false, interruption: KILLED_SCAN_REASON, accountCount: 1 });
    expect(await store.assessments.scopeDefinition(job?.assessmentId ?? 0)).toEqual(scope);
    expect(existsSync(join(folder, String(row.id)))).toBe(false);
    await restarted.close();
  });
});

describe('scoped assessments', () => {
  it('saving on a scoped (case-study) assessment re-evaluates it with the scope `ftr evaluate --scope --db` recorded', async () => {
    const framework = getFramework('ftr-partner-hosted');
    const account = sample.accounts[1]?.accountId ?? '';
    const scope: Scope = {
      name: 'case-study-acme',
      description: 'Acme rollout',
      accounts: [account],
      regions: null,
      tags: null,
      stacks: null,
      caseStudy: { customer: 'Acme Corp', productionDate: '2025-06-01', publicUrl: null, description: null },
    };
    // What `ftr evaluate --scope <file> --scope-name case-study-acme --db` records.
    const { assessment } = assess(sample, { framework, delivery: 'multi-tenant-saas', attestationsFile: null, scope });
    await recordRun(location.engine === 'sqlite' ? location.file : location.url, sample, [assessment], 'evaluate', [scope]);
    const scoped = (await store.assessments.list({ scopeName: scope.name }))[0];
    if (!scoped) throw new Error('the scoped assessment was not recorded');
    expect(await store.assessments.scopeDefinition(scoped.id)).toEqual(scope);

    const res = await post(`/assessments/${scoped.id}/items/HOST-001/attestation`, attestation({ evidenceUrl: 'https://wiki.example.com/hosting' }));
    expect(res.status).toBe(303);
    const newId = Number((res.headers.get('location') ?? '').split('/')[2]);
    expect(newId).toBeGreaterThan(scoped.id);
    const reevaluated = await store.assessments.loadDocument(newId);
    expect(reevaluated.scope.name).toBe(scope.name);
    expect(reevaluated.scope.accounts).toEqual([account]);
    expect(reevaluated.caseStudy).toMatchObject({ id: scope.name, customer: 'Acme Corp' });
    expect(reevaluated.items.find((i) => i.itemId === 'HOST-001')?.verdict).toBe('MET');
    // The attestation belongs to the scope, and the new assessment keeps the scope for the next save.
    expect((await store.attestations.get({ frameworkId: framework.id, scopeName: scope.name, kind: 'item', subject: 'HOST-001' }))?.version).toBe(1);
    expect(await store.assessments.scopeDefinition(newId)).toEqual(scope);

    // A scoped assessment imported without its scope file cannot be re-applied here, and says how.
    const imported = await store.assessments.record({ ...assessment, generatedAt: '2026-01-01T00:00:00.000Z', scope: { ...assessment.scope, name: 'imported-scope' } }, { scanId: scoped.scanId, source: 'import', actor });
    const refused = await reevaluate(store, imported.assessment.id, actor);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('ftr evaluate --scope <file> --scope-name imported-scope --db') });
  });
});
