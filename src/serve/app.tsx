/**
 * The dashboard: a Hono app over the workspace store. `createApp({ store, auth? })` builds it; the serve
 * command (src/cli/commands/serve.ts) listens with @hono/node-server, and tests call `app.request()`.
 *
 * Order of what runs for a request: security headers (strict CSP) -> static assets -> Hono's csrf
 * (Origin / Sec-Fetch-Site check on every unsafe request) -> the auth seam's own routes -> the auth seam's
 * middleware (or, without auth, the local admin) -> the pages. See src/serve/README.md.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import { UserError } from '../core/errors.js';
import { redact } from '../core/redact.js';
import { inputLimitBytes } from '../io/bounded-read.js';
import { ChromiumNotFoundError } from '../report/chromium.js';
import { REPORT_FORMATS, renderReports, type ReportFormat } from '../report/render.js';
import type { Store } from '../store/db.js';
import { scanJobsFolder } from '../store/location.js';
import { diffAssessments, diffSideFromStore } from '../store/diff.js';
import { ConflictError, EvidenceRejectedError, NotFoundError } from '../store/errors.js';
import { MAX_EVIDENCE_BYTES, safeFileName } from '../store/evidence-policy.js';
import { actorOf, localAdmin, requireRole, type AppContext, type AppEnv, type AuthSeam } from './access.js';
import { registerAssets } from './assets.js';
import { ScanJobs, type ScanRunner } from './jobs.js';
import { fragment, page } from './layout.js';
import { loadItemView } from './loaders.js';
import { AssessmentPage, AssessmentResults, readFilter } from './pages/assessment.js';
import { AssessmentsPage, DiffPage } from './pages/history.js';
import { ItemLive, ItemMain, ItemPage, type Flash } from './pages/item.js';
import { loadOverview, OverviewPage } from './pages/overview.js';
import { ScansPage, type ScanFormValues } from './pages/scans.js';
import { scanFormValues, scanRequestFromForm } from './scan-form.js';
import { itemHref } from './paths.js';
import { findingKey } from './pages/risk-forms.js';
import { AssessmentViewCache } from './view-cache.js';
import { ReportModelCache, reevaluate } from './workspace.js';

export interface CreateAppOptions {
  readonly store: Store;
  /** Team mode (src/serve/auth/). Without it every request is the local admin: loopback only. */
  readonly auth?: AuthSeam;
  /** How scan jobs collect into their snapshot file (tests inject a fake; default the real `runScanToSink`). */
  readonly scanRunner?: ScanRunner;
  /** Where scan jobs keep their folders (default `scanJobsFolder(store.location)`: next to a SQLite store). */
  readonly scanJobsFolder?: string;
  /** Chromium for the PDF export (default: FTR_CHROMIUM, then PATH). */
  readonly chromiumPath?: string | null;
  /** `ftr serve --accessible-pdf`: the PDF export is tagged. */
  readonly accessiblePdf?: boolean;
}

export type DashboardApp = Hono<AppEnv> & { readonly jobs: ScanJobs };

/**
 * Scripts, styles, fonts, images and connections from this server only; no inline script, no eval, no
 * framing, forms post only here. Style attributes are allowed: the report's components set a few
 * (colours, grid columns) from constants, never from data.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with every plain form
  // post, which team mode's origin check cannot tell from a forged one. Other sites still get no referrer.
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  'csv-resources': 'text/csv; charset=utf-8',
  json: 'application/json',
  ocsf: 'application/json',
  asff: 'application/json',
  junit: 'application/xml',
};

function idParam(value: string | undefined): number {
  if (value === undefined || !/^\d{1,12}$/.test(value)) throw new HTTPException(404, { message: 'No such page.' });
  return Number(value);
}

const isHtmx = (c: AppContext) => c.req.header('HX-Request') === 'true';

function statusOf(err: unknown): 400 | 404 | 409 | 413 | 415 {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof EvidenceRejectedError) return /the limit is/.test(err.message) ? 413 : /does not accept|does not contain/.test(err.message) ? 415 : 400;
  return 400;
}

const formText = (body: Record<string, unknown>, name: string, max = 4_000): string => {
  const value = body[name];
  const text = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
  return text.trim().slice(0, max);
};

export function createApp(options: CreateAppOptions): DashboardApp {
  const { store } = options;
  const jobs = new ScanJobs(store, { folder: options.scanJobsFolder ?? scanJobsFolder(store.location), runner: options.scanRunner });
  const models = new ReportModelCache();
  // Immutable views of stored assessments for the overview and item pages (src/serve/view-cache.ts).
  const views = new AssessmentViewCache();
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders);
  registerAssets(app);
  // The origin check of every unsafe request (form posts, htmx): a page of another site cannot post here.
  app.use('*', csrf());
  // Body sizes are limited before anything reads a body (team mode's CSRF check parses forms): the
  // attestation form carries an evidence upload, every other form is small.
  const uploadLimit = bodyLimit({
    maxSize: MAX_EVIDENCE_BYTES + 256 * 1024,
    onError: (c) => c.text(`The upload is larger than the evidence limit (${MAX_EVIDENCE_BYTES} bytes).`, 413),
  });
  const formLimit: MiddlewareHandler<AppEnv> = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.text('The request body is larger than 1 MiB.', 413) });
  // The scan form carries a scope file: the `--scope` file limit (1 MiB) plus room for the other fields, so a
  // file a little too large still reaches the scope reader, which says so on the page.
  const scanFormLimit = bodyLimit({
    maxSize: inputLimitBytes('scope') + 256 * 1024,
    onError: (c) => c.text(`The scan form is larger than the scope file limit (${inputLimitBytes('scope')} bytes) allows.`, 413),
  });
  const hasOwnLimit = (path: string) => /^\/assessments\/[^/]+\/items\/[^/]+\/attestation$/.test(path) || path === '/scans';
  app.use('/assessments/:id/items/:itemId/attestation', uploadLimit);
  app.use('/scans', scanFormLimit);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- Hono's '*' context carries an `any` input type; same object
  app.use('*', async (c, next) => (hasOwnLimit(c.req.path) ? next() : formLimit(c, next)));
  if (options.auth?.routes) options.auth.routes(app);
  app.use(
    '*',
    options.auth?.middleware ??
      (async (c, next) => {
        c.set('user', localAdmin());
        c.set('csrfToken', undefined);
        await next();
      }),
  );

  app.onError(async (err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 403 && !c.get('user')) return c.text(err.message, 403);
      return c.get('user') ? page(c, 'Error', <p class="flash err">{err.message}</p>, err.status as 403 | 404) : c.text(err.message, err.status);
    }
    if (err instanceof UserError) return page(c, 'Error', <p class="flash err">{err.message}</p>, statusOf(err));
    process.stderr.write(`ftr serve: internal error on ${c.req.method} ${c.req.path}: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    return c.get('user') ? page(c, 'Error', <p class="flash err">Internal error (a bug in ftr-ready); the server log has the details.</p>, 500) : c.text('Internal error', 500);
  });
  app.notFound((c) => (c.get('user') ? page(c, 'Not found', <p class="flash err">No such page.</p>, 404) : c.text('Not found', 404)));

  app.get('/', async (c) => page(c, 'Overview', <OverviewPage groups={await loadOverview(store, new Date(), views)} />));

  app.get('/assessments', async (c) => page(c, 'Assessments', <AssessmentsPage list={await store.assessments.list({ limit: 1_000 })} />));

  app.get('/assessments/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const stored = await store.assessments.require(id);
    const previous = await store.assessments.previous(id);
    const { model } = await models.get(store, id, previous?.id ?? null);
    const filter = readFilter((name) => c.req.query(name));
    if (isHtmx(c)) return fragment(c, <AssessmentResults id={id} m={model} f={filter} />);
    return page(c, `Assessment #${id}`, <AssessmentPage stored={stored} m={model} f={filter} path={`/assessments/${id}`} />);
  });

  app.get('/assessments/:id/export/:format', async (c) => {
    const id = idParam(c.req.param('id'));
    const requested = c.req.param('format');
    const format = (requested === 'csv-resources' ? 'csv' : requested) as ReportFormat;
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new HTTPException(404, { message: `Unknown export format "${requested}".` });
    const stored = await store.assessments.require(id);
    const previous = await store.assessments.previous(id);
    const { model } = await models.get(store, id, previous?.id ?? null);
    const dir = await mkdtemp(join(tmpdir(), 'ftr-serve-export-'));
    try {
      const baseName = `ftr-assessment-${stored.id}`;
      let paths: string[];
      try {
        paths = await renderReports(model, [format], { outDir: dir, baseName, chromiumPath: options.chromiumPath ?? null, accessiblePdf: options.accessiblePdf === true });
      } catch (err) {
        if (err instanceof ChromiumNotFoundError) return await page(c, 'PDF unavailable', <p class="flash err">{err.message}</p>, 503);
        throw err;
      }
      const path = requested === 'csv-resources' ? paths.find((p) => p.endsWith('-resources.csv')) : paths[0];
      if (!path) throw new Error(`the ${format} renderer wrote no file`);
      const bytes = await readFile(path);
      const fileName = path.slice(dir.length + 1);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': CONTENT_TYPES[requested] ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get('/assessments/:id/items/:itemId', async (c) => {
    const id = idParam(c.req.param('id'));
    const view = await loadItemView(store, id, c.req.param('itemId'), views);
    return page(c, `${view.item.itemId} — assessment #${id}`, <ItemPage c={c} v={view} />);
  });

  app.post(
    '/assessments/:id/items/:itemId/attestation',
    async (c) => {
      requireRole(c, 'attester');
      const id = idParam(c.req.param('id'));
      const itemId = c.req.param('itemId');
      let view = await loadItemView(store, id, itemId, views);
      const actor = actorOf(c);
      const answerError = async (status: 400 | 404 | 409 | 413 | 415, text: string) => {
        const flash: Flash = { kind: 'err', text };
        if (isHtmx(c)) return fragment(c, <ItemLive c={c} v={view} flash={flash} />, status === 404 ? 400 : status);
        return page(c, `${itemId} — assessment #${id}`, <ItemPage c={c} v={view} flash={flash} />, status);
      };
      const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      const expectedVersion = Number(formText(body, 'expectedVersion', 12));
      const previous = view.attestation?.document ?? null;
      const keep = new Set([body.keep].flat().filter((k): k is string => typeof k === 'string'));
      const kept = previous && 'evidence' in previous ? previous.evidence.filter((_, i) => keep.has(String(i))) : [];
      const evidence: ({ url: string } | { file: string; sha256: string })[] = [...kept];
      const url = formText(body, 'evidenceUrl', 2_000);
      if (url !== '') evidence.push({ url });
      const file = [body.evidenceFile].flat()[0];
      let upload: { fileName: string; bytes: Buffer } | null = null;
      if (file instanceof File && file.size > 0) {
        // A name with a path in it is refused, not silently shortened: the name is what an export writes.
        if (safeFileName(file.name) !== file.name.trim() || file.name.includes('..')) {
          return answerError(400, `The file name "${file.name}" contains a path or control characters; rename the file and upload it again.`);
        }
        if (file.size > MAX_EVIDENCE_BYTES) return answerError(413, `Evidence file ${file.name} is ${file.size} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes.`);
        upload = { fileName: file.name.trim(), bytes: Buffer.from(await file.arrayBuffer()) };
      }
      const document = {
        answer: formText(body, 'answer', 40),
        justification: formText(body, 'justification'),
        owner: formText(body, 'owner', 200),
        date: formText(body, 'date', 10),
        reviewer: formText(body, 'reviewer', 200),
        expires: formText(body, 'expires', 10),
        evidence: [] as typeof evidence,
      };
      try {
        await store.transaction(async (tx) => {
          if (upload) {
            const { evidence: stored } = await tx.evidence.put({ fileName: upload.fileName, bytes: upload.bytes, actor });
            evidence.push({ file: stored.fileName, sha256: stored.sha256 });
          }
          document.evidence = evidence;
          await tx.attestations.save({
            frameworkId: view.stored.frameworkId,
            scopeName: view.stored.scopeName,
            kind: 'item',
            subject: view.item.itemId,
            document,
            expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
            actor,
            source: 'web',
          });
        });
      } catch (err) {
        if (err instanceof UserError) return answerError(statusOf(err), err.message);
        throw err;
      }
      const result = await reevaluate(store, id, actor);
      const targetId = result.ok ? result.assessment.id : id;
      view = await loadItemView(store, targetId, itemId, views);
      const flash: Flash = result.ok
        ? { kind: 'ok', text: `Saved. Re-evaluated as assessment #${targetId}: ${view.item.itemId} is now ${view.item.verdict}.` }
        : { kind: 'ok', text: `Saved. ${result.reason}` };
      if (isHtmx(c)) {
        // The verdict, the findings and the history all changed: swap the item's whole main part in place.
        c.header('HX-Push-Url', itemHref(targetId, itemId));
        c.header('HX-Retarget', '#item-main');
        c.header('HX-Reswap', 'outerHTML');
        return fragment(c, <ItemMain c={c} v={view} flash={flash} />);
      }
      return c.redirect(itemHref(targetId, itemId), 303);
    },
  );

  /**
   * The gating question of an item, and accepted-risk suppressions of its failing results: the other two
   * attestation kinds (docs/attestations.md). Saved as versioned, audited records, then re-evaluated.
   */
  const saveAndReevaluate = async (
    c: AppContext,
    id: number,
    itemId: string,
    save: (view: Awaited<ReturnType<typeof loadItemView>>) => Promise<void>,
  ): Promise<Response> => {
    const view = await loadItemView(store, id, itemId, views);
    const actor = actorOf(c);
    try {
      await save(view);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const status = statusOf(err);
      return page(c, `${itemId} — assessment #${id}`, <ItemPage c={c} v={view} flash={{ kind: 'err', text: err.message }} />, status === 404 ? 400 : status);
    }
    const result = await reevaluate(store, id, actor);
    if (!result.ok) return page(c, `${itemId} — assessment #${id}`, <ItemPage c={c} v={await loadItemView(store, id, itemId, views)} flash={{ kind: 'ok', text: `Saved. ${result.reason}` }} />);
    return c.redirect(itemHref(result.assessment.id, itemId), 303);
  };

  app.post('/assessments/:id/items/:itemId/gating', async (c) => {
    requireRole(c, 'attester');
    const id = idParam(c.req.param('id'));
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    return saveAndReevaluate(c, id, c.req.param('itemId'), async (view) => {
      if (!view.gating) throw new UserError(`Item ${view.item.itemId} has no gating question.`);
      const expectedVersion = Number(formText(body, 'expectedVersion', 12));
      await store.attestations.save({
        frameworkId: view.stored.frameworkId,
        scopeName: view.stored.scopeName,
        kind: 'gating',
        subject: view.gating.question.id,
        document: { answer: formText(body, 'answer', 10), justification: formText(body, 'justification'), owner: formText(body, 'owner', 200), date: formText(body, 'date', 10) },
        expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
        actor: actorOf(c),
        source: 'web',
      });
    });
  });

  app.post('/assessments/:id/items/:itemId/suppressions', async (c) => {
    requireRole(c, 'attester');
    const id = idParam(c.req.param('id'));
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    return saveAndReevaluate(c, id, c.req.param('itemId'), async (view) => {
      // Only a failing result of this item, as the page listed it: never a key made up by the client.
      const key = formText(body, 'finding', 4_000);
      const finding = view.item.attention.find((f) => f.status === 'FAIL' && findingKey(f) === key);
      if (!finding) throw new UserError('Choose one of the failing results listed on the item page.');
      const subject = findingKey(finding);
      const scope = { frameworkId: view.stored.frameworkId, scopeName: view.stored.scopeName, kind: 'suppression' as const, subject };
      // Suppressing the same result again renews it (new justification, owner, expiry): a new version.
      const existing = await store.attestations.get(scope);
      await store.attestations.save({
        ...scope,
        document: {
          checkId: finding.checkId,
          account: finding.accountId,
          resourceId: finding.resourceId,
          resourceArn: finding.resourceArn ?? '',
          region: finding.region ?? '',
          justification: formText(body, 'justification'),
          owner: formText(body, 'owner', 200),
          expires: formText(body, 'expires', 10),
        },
        expectedVersion: existing?.version ?? 0,
        actor: actorOf(c),
        source: 'web',
      });
    });
  });

  app.get('/evidence/:sha256', async (c) => {
    const sha = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new HTTPException(404, { message: 'No such evidence file.' });
    const { bytes, mediaType } = await store.evidence.content(sha);
    // Always a download, never rendered in the dashboard's origin.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': mediaType,
      'Content-Disposition': `attachment; filename="evidence-${sha.slice(0, 12)}"`,
      'Cache-Control': 'private, max-age=3600',
    });
  });

  app.get('/diff', async (c) => {
    const list = await store.assessments.list({ limit: 1_000 });
    const a = c.req.query('a');
    const b = c.req.query('b');
    if (a === undefined || b === undefined) {
      const [newest, older] = list;
      return page(c, 'Diff', <DiffPage list={list} a={older?.id ?? newest?.id ?? null} b={newest?.id ?? null} diff={null} />);
    }
    const from = idParam(a);
    const to = idParam(b);
    const diff = diffAssessments(await diffSideFromStore(store, from), await diffSideFromStore(store, to));
    return page(c, 'Diff', <DiffPage list={list} a={from} b={to} diff={diff} />);
  });

  /** The Scans page, with an error (and the posted form values) after a refused request. */
  const scansPage = async (c: AppContext, refused?: { error: string; values?: ScanFormValues }) =>
    page(
      c,
      'Scans',
      <ScansPage c={c} jobs={await jobs.list()} scans={await store.scans.list({ limit: 200 })} scopes={await store.assessments.scopeDefinitions()} error={refused?.error} values={refused?.values} />,
      refused ? 400 : 200,
    );

  app.get('/scans', async (c) => scansPage(c));

  app.post('/scans', async (c) => {
    requireRole(c, 'admin');
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    try {
      // `ftr scan`'s own option and scope rules (src/serve/scan-form.ts); the external id is kept apart.
      const { request, externalId } = await scanRequestFromForm(body, () => store.assessments.scopeDefinitions());
      await jobs.start(request, actorOf(c), externalId);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return scansPage(c, { error: err.message, values: scanFormValues(body) });
    }
    return c.redirect('/scans', 303);
  });

  app.post('/scans/jobs/:id/stop', async (c) => {
    requireRole(c, 'admin');
    const id = idParam(c.req.param('id'));
    if (jobs.stop(id)) await store.audit.append(actorOf(c), { action: 'scan_job.stop', targetType: 'scan_job', targetId: id });
    return c.redirect('/scans', 303);
  });

  // Resume an incomplete snapshot: `ftr scan --resume` semantics (only the accounts without a complete shard).
  app.post('/scans/jobs/:id/resume', async (c) => {
    requireRole(c, 'admin');
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const externalId = typeof body.externalId === 'string' && body.externalId.trim() !== '' ? body.externalId.trim() : undefined;
    try {
      await jobs.resume(idParam(c.req.param('id')), actorOf(c), externalId);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return scansPage(c, { error: err.message });
    }
    return c.redirect('/scans', 303);
  });

  app.get('/scans/jobs/:id/events', async (c) => {
    const job = await jobs.get(idParam(c.req.param('id')));
    if (!job) throw new HTTPException(404, { message: 'No such scan job.' });
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'progress', data: job.progress });
      if (job.state === 'done' || job.state === 'failed' || job.state === 'interrupted') {
        await stream.writeSSE({ event: 'state', data: `${job.state}: ${job.outcome}` });
        return;
      }
      await new Promise<void>((resolve) => {
        const unsubscribe = jobs.subscribe(job.id, (event) => {
          void stream.writeSSE({ event: event.type, data: event.line });
          if (event.type === 'state' && /^(done|failed)/.test(event.line)) {
            unsubscribe();
            resolve();
          }
        });
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        });
      });
    });
  });

  return Object.assign(app, { jobs });
}
