/** Scans: the stored scans, the dashboard's scan jobs with live progress, and the form that starts one. */
import type { FC } from 'hono/jsx';
import { DEFAULT_DELIVERY, DEFAULT_FRAMEWORK, DEFAULT_SCAN_CONCURRENCY, DEFAULT_SCAN_MAX_ATTEMPTS, DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY, DEFAULT_SCAN_ROLE_NAME } from '../../cli/options.js';
import { DELIVERY_CATEGORIES } from '../../core/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { dateTime } from '../../report/format.js';
import type { Scope } from '../../scope/types.js';
import type { StoredScan } from '../../store/repositories/scans.js';
import { csrfField, roleAtLeast, type AppContext } from '../access.js';
import type { ScanJob, ScanRequest } from '../jobs.js';

/** The text fields of the scan form as posted, shown again with an error (never the external id). */
export type ScanFormValues = Readonly<Record<string, string>>;

/** The value of the scope select for a stored scope. */
export const STORED_SCOPE_PREFIX = 'stored:';

/** A job's options, one short line each, for the jobs list (the external id only as "set"). */
export function describeScanRequest(r: ScanRequest): string[] {
  const accounts = r.accounts ? `: ${r.accounts.length <= 4 ? r.accounts.join(', ') : `${r.accounts.slice(0, 4).join(', ')} and ${r.accounts.length - 4} more`}` : '';
  const scopes = r.scopes && r.scopes.length > 0 ? r.scopes.map((s) => s.name).join(', ') : null;
  return [
    `${r.frameworkId} · ${r.delivery}`,
    r.org ? `Organization${accounts} · role ${r.roleName}${r.externalIdGiven ? ' · external id set' : ''}` : `one account${r.externalIdGiven ? ' · external id set' : ''}`,
    `${r.regions ? `regions ${r.regions.join(', ')}` : 'every enabled region'}${r.deepRegions ? ' · deep regions' : ''}${r.profile ? ` · profile ${r.profile}` : ''}`,
    ...(scopes ? [`scope ${scopes}${r.scopeSource ? ` (${r.scopeSource === 'stored' ? 'stored' : `from ${r.scopeSource}`})` : ''}`] : []),
    [
      `concurrency ${r.concurrency}`,
      r.perAccountConcurrency !== undefined ? `${r.perAccountConcurrency} per account` : null,
      `${r.maxAttempts} attempts`,
      r.workers !== undefined ? `${r.workers} worker thread(s)` : null,
    ]
      .filter((part) => part !== null)
      .join(' · '),
    ...(r.resumeOf !== undefined ? [`resumes #${r.resumeOf}`] : []),
  ];
}

/** A finished job whose recorded snapshot is incomplete can be resumed (`ftr scan --resume` semantics). */
const resumable = (job: ScanJob, incomplete: ReadonlySet<number>): boolean =>
  job.state !== 'running' && job.state !== 'stopping' && job.scanId !== null && incomplete.has(job.scanId) && job.completeAccounts !== null;

const JobRow: FC<{ job: ScanJob; c: AppContext; incomplete: ReadonlySet<number>; resumedBy: ReadonlyMap<number, number> }> = ({ job, c, incomplete, resumedBy }) => (
  <tr>
    <td class="num">{job.id}</td>
    <td>{dateTime(job.startedAt)}</td>
    <td>{job.startedBy}</td>
    <td>
      <ul class="options">
        {describeScanRequest(job.request).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </td>
    <td>
      <span class={`badge ${job.state === 'done' ? 'v-MET' : job.state === 'failed' || job.state === 'interrupted' ? 'v-NOT_MET' : 'v-NEEDS_EVIDENCE'}`}>{job.state}</span>{' '}
      <span class="small">{job.outcome}</span>
      {job.state === 'running' || job.state === 'stopping' ? (
        <div data-sse={`/scans/jobs/${job.id}/events`} class="job-live">
          <pre class="progress">{`${job.progress}\n`}</pre>
        </div>
      ) : null}
    </td>
    <td>
      {job.scanId !== null ? `scan #${job.scanId}` : ''} {job.assessmentId !== null ? <a href={`/assessments/${job.assessmentId}`}>assessment #{job.assessmentId}</a> : null}
      {job.state === 'running' && roleAtLeast(c.get('user').role, 'admin') ? (
        <form class="inline" method="post" action={`/scans/jobs/${job.id}/stop`}>
          {csrfField(c)}
          <button type="submit" class="secondary">
            Stop (keep what was collected)
          </button>
        </form>
      ) : null}
      {resumedBy.has(job.id) ? <span class="small muted"> resumed by job #{resumedBy.get(job.id)}</span> : null}
      {resumable(job, incomplete) && !resumedBy.has(job.id) && roleAtLeast(c.get('user').role, 'admin') ? (
        <form class="inline" method="post" action={`/scans/jobs/${job.id}/resume`}>
          {csrfField(c)}
          {job.request.externalIdGiven ? (
            // The external id was never stored: the admin types it again (see src/serve/jobs.ts).
            <input type="password" name="externalId" placeholder="external id" aria-label={`External id for resuming job ${job.id}`} autocomplete="off" required />
          ) : null}{' '}
          <button type="submit" class="secondary" title="Collect only the accounts without a complete shard, like ftr scan --resume">
            Resume ({job.completeAccounts?.length ?? 0} account(s) kept)
          </button>
        </form>
      ) : null}
    </td>
  </tr>
);

const checked = (values: ScanFormValues, name: string): boolean => values[name] !== undefined && values[name] !== '';

/**
 * The form that starts a scan: `ftr scan`'s options (src/serve/app.tsx `scanRequestFromForm` says which stay
 * out and why), the everyday ones first, the tuning ones under "Advanced". After an error the posted
 * values are shown again, never the external id.
 */
const ScanForm: FC<{ c: AppContext; scopes: readonly Scope[]; values: ScanFormValues }> = ({ c, scopes, values }) => {
  const v = (name: string, fallback = ''): string => values[name] || fallback;
  return (
    <form class="stack" method="post" action="/scans" enctype="multipart/form-data">
      {csrfField(c)}
      <fieldset>
        <legend>What to evaluate</legend>
        <label for="framework">Framework (--framework)</label>
        <select id="framework" name="framework">
          {FRAMEWORKS.map((f) => (
            <option value={f.id} selected={f.id === v('framework', DEFAULT_FRAMEWORK)}>
              {f.title}
            </option>
          ))}
        </select>
        <label for="delivery">Delivery category (--delivery)</label>
        <select id="delivery" name="delivery">
          {DELIVERY_CATEGORIES.map((d) => (
            <option value={d} selected={d === v('delivery', DEFAULT_DELIVERY)}>
              {d}
            </option>
          ))}
        </select>
        <label for="scope">Scope or case study (--scope)</label>
        <select id="scope" name="scope">
          <option value="">None: the whole scan</option>
          {scopes.map((s) => (
            <option value={`${STORED_SCOPE_PREFIX}${s.name}`} selected={v('scope') === `${STORED_SCOPE_PREFIX}${s.name}`}>
              {s.caseStudy ? `${s.name} (case study: ${s.caseStudy.customer})` : s.name}
            </option>
          ))}
        </select>
        <span class="hint">
          {scopes.length > 0 ? 'Pick a scope the workspace stores, or upload a scope file' : 'No scope is stored yet: upload a scope file'} (docs/scopes.md, at most 1 MB).
          Every scope of the file is evaluated, one assessment each, unless a scope name picks one.
        </span>
        <label for="scopeFile">Scope file</label>
        <input id="scopeFile" type="file" name="scopeFile" accept=".yaml,.yml,application/yaml,text/yaml" />
        <label for="scopeName">Scope name (--scope-name)</label>
        <input id="scopeName" type="text" name="scopeName" value={v('scopeName')} maxlength={200} />
      </fieldset>
      <fieldset>
        <legend>What to scan</legend>
        <label class="inline-label">
          <input type="checkbox" name="org" value="1" checked={checked(values, 'org')} /> Every account of the Organization (--org)
        </label>
        <label for="accounts">Only these accounts (--accounts, comma-separated, with --org)</label>
        <input id="accounts" type="text" name="accounts" value={v('accounts')} />
        <label for="roleName">Member-account role (--role-name)</label>
        <input id="roleName" type="text" name="roleName" value={v('roleName', DEFAULT_SCAN_ROLE_NAME)} maxlength={64} />
        <label for="externalId">External id (--external-id)</label>
        <input id="externalId" type="password" name="externalId" autocomplete="off" />
        <span class="hint">Used for this scan only: never stored, logged or shown. Resuming the job asks for it again.</span>
        <label for="profile">AWS profile of the server (--profile)</label>
        <input id="profile" type="text" name="profile" value={v('profile')} maxlength={128} />
        <label for="regions">Regions (--regions, comma-separated; empty: every enabled region)</label>
        <input id="regions" type="text" name="regions" value={v('regions')} />
      </fieldset>
      <details class="advanced" open={['deepRegions', 'concurrency', 'perAccountConcurrency', 'maxAttempts', 'workers'].some((n) => values[n] !== undefined && values[n] !== '' && values[n] !== defaults[n])}>
        <summary>Advanced</summary>
        <label class="inline-label">
          <input type="checkbox" name="deepRegions" value="1" checked={checked(values, 'deepRegions')} /> Read every region's resources, also where AWS Config counts
          none (--deep-regions)
        </label>
        <label for="concurrency">Requests in flight across the scan (--concurrency)</label>
        <input id="concurrency" type="number" name="concurrency" value={v('concurrency', defaults.concurrency)} min="1" />
        <label for="perAccountConcurrency">Requests in flight per account (--per-account-concurrency)</label>
        <input id="perAccountConcurrency" type="number" name="perAccountConcurrency" value={v('perAccountConcurrency', defaults.perAccountConcurrency)} min="1" />
        <label for="maxAttempts">Attempts per request (--max-attempts)</label>
        <input id="maxAttempts" type="number" name="maxAttempts" value={v('maxAttempts', defaults.maxAttempts)} min="1" />
        <label for="workers">Worker threads for an Organization scan (--workers; empty: one per core)</label>
        <input id="workers" type="number" name="workers" value={v('workers')} min="1" />
      </details>
      <p>
        <button type="submit">Start scan</button>
      </p>
    </form>
  );
};

/** The values the Advanced fields start from (`ftr scan`'s defaults); the section opens when one differs. */
const defaults: Readonly<Record<string, string>> = {
  concurrency: String(DEFAULT_SCAN_CONCURRENCY),
  perAccountConcurrency: String(DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY),
  maxAttempts: String(DEFAULT_SCAN_MAX_ATTEMPTS),
};

export const ScansPage: FC<{
  c: AppContext;
  jobs: readonly ScanJob[];
  scans: readonly StoredScan[];
  scopes: readonly Scope[];
  error?: string | null | undefined;
  values?: ScanFormValues | undefined;
}> = ({ c, jobs, scans, scopes, error, values }) => {
  const incomplete = new Set(scans.filter((s) => !s.complete).map((s) => s.id));
  // A job already resumed (by a listed job) is not offered again: that job's snapshot is the one to resume.
  const resumedBy = new Map(jobs.flatMap((j) => (j.request.resumeOf !== undefined ? [[j.request.resumeOf, j.id] as const] : [])));
  return (
    <>
      <h1>Scans</h1>
      {error ? (
        <p class="flash err" role="alert">
          {error}
        </p>
      ) : null}
      {roleAtLeast(c.get('user').role, 'admin') ? (
        <section class="block">
          <h2 class="part">Start a scan</h2>
          <p class="small muted">
            The same options as <code>ftr scan</code>, run by this server with its own AWS credentials (the default chain or a profile). Every finished
            account is written to disk at once: stopping a scan, or a server that crashed, keeps the partial snapshot, marked incomplete, and Resume
            collects only the accounts it lacks.
          </p>
          <ScanForm c={c} scopes={scopes} values={values ?? {}} />
        </section>
      ) : null}
      <section class="block">
        <h2 class="part">Scan jobs of this server ({jobs.length})</h2>
        {jobs.length === 0 ? (
          <p class="muted small">None since the server started.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th class="num">#</th>
                <th>Started</th>
                <th>By</th>
                <th>What</th>
                <th>State</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow job={job} c={c} incomplete={incomplete} resumedBy={resumedBy} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="block">
        <h2 class="part">Stored scans ({scans.length})</h2>
        <table>
          <thead>
            <tr>
              <th class="num">#</th>
              <th>Finished</th>
              <th>Principal</th>
              <th class="num">Accounts</th>
              <th class="num">Regions</th>
              <th class="num">API calls</th>
              <th class="num">Failed reads</th>
              <th>Complete</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {scans.map((s) => (
              <tr>
                <td class="num">{s.id}</td>
                <td>{dateTime(s.finishedAt)}</td>
                <td class="wrap mono small">{s.principalArn}</td>
                <td class="num">{s.accountCount}</td>
                <td class="num">{s.regionCount}</td>
                <td class="num">{s.apiCalls}</td>
                <td class="num">{s.failedReads}</td>
                <td>{s.complete ? 'yes' : <span class="badge v-NOT_MET">partial{s.interruption ? `: ${s.interruption}` : ''}</span>}</td>
                <td>{s.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
};
