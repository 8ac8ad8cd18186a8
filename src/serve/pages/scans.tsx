/** Scans: the stored scans, the dashboard's scan jobs with live progress, and the form that starts one. */
import type { FC } from 'hono/jsx';
import { DELIVERY_CATEGORIES } from '../../core/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { dateTime } from '../../report/format.js';
import type { StoredScan } from '../../store/repositories/scans.js';
import { csrfField, roleAtLeast, type AppContext } from '../access.js';
import type { ScanJob } from '../jobs.js';

/** A finished job whose recorded snapshot is incomplete can be resumed (`ftr scan --resume` semantics). */
const resumable = (job: ScanJob, incomplete: ReadonlySet<number>): boolean =>
  job.state !== 'running' && job.state !== 'stopping' && job.scanId !== null && incomplete.has(job.scanId) && job.completeAccounts !== null;

const JobRow: FC<{ job: ScanJob; c: AppContext; incomplete: ReadonlySet<number>; resumedBy: ReadonlyMap<number, number> }> = ({ job, c, incomplete, resumedBy }) => (
  <tr>
    <td class="num">{job.id}</td>
    <td>{dateTime(job.startedAt)}</td>
    <td>{job.startedBy}</td>
    <td>
      {job.request.frameworkId} · {job.request.org ? 'Organization' : 'one account'}
      {job.request.regions ? ` · ${job.request.regions.join(', ')}` : ''}
      {job.request.resumeOf !== undefined ? ` · resumes #${job.request.resumeOf}` : ''}
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
          <button type="submit" class="secondary" title="Collect only the accounts without a complete shard, like ftr scan --resume">
            Resume ({job.completeAccounts?.length ?? 0} account(s) kept)
          </button>
        </form>
      ) : null}
    </td>
  </tr>
);

export const ScansPage: FC<{ c: AppContext; jobs: readonly ScanJob[]; scans: readonly StoredScan[]; error?: string | null }> = ({ c, jobs, scans, error }) => {
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
          <form class="stack" method="post" action="/scans">
            {csrfField(c)}
            <label for="framework">Framework</label>
            <select id="framework" name="framework">
              {FRAMEWORKS.map((f) => (
                <option value={f.id}>{f.title}</option>
              ))}
            </select>
            <label for="delivery">Delivery category</label>
            <select id="delivery" name="delivery">
              {DELIVERY_CATEGORIES.map((d) => (
                <option value={d}>{d}</option>
              ))}
            </select>
            <label>
              <input type="checkbox" name="org" value="1" /> Every account of the Organization (--org)
            </label>
            <label for="roleName">Member-account role (--role-name)</label>
            <input id="roleName" type="text" name="roleName" value="FtrReadOnly" maxlength={64} />
            <label for="externalId">External id (--external-id)</label>
            <input id="externalId" type="text" name="externalId" maxlength={1224} autocomplete="off" />
            <label for="profile">AWS profile (--profile)</label>
            <input id="profile" type="text" name="profile" maxlength={128} />
            <label for="regions">Regions (--regions, comma-separated; empty: every enabled region)</label>
            <input id="regions" type="text" name="regions" maxlength={2000} />
            <label for="accounts">Accounts (--accounts, with --org)</label>
            <input id="accounts" type="text" name="accounts" maxlength={20000} />
            <label for="concurrency">Concurrency</label>
            <input id="concurrency" type="number" name="concurrency" value="8" min="1" max="64" />
            <label for="maxAttempts">SDK attempts per request</label>
            <input id="maxAttempts" type="number" name="maxAttempts" value="8" min="1" max="20" />
            <p>
              <button type="submit">Start scan</button>
            </p>
          </form>
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
