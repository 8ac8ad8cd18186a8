/** Assessments (every stored one, newest first) and Diff (per item, what changed between two of them). */
import type { FC } from 'hono/jsx';
import { dateTime } from '../../report/format.js';
import { Verdict } from '../../report/html/components/primitives.js';
import type { AssessmentDiff } from '../../store/diff.js';
import type { StoredAssessment } from '../../store/repositories/assessments.js';
import type { ItemVerdict } from '../../core/assessment.js';
import { assessmentHref } from '../paths.js';
import { percentOf } from '../trend-chart.js';

export const AssessmentsPage: FC<{ list: readonly StoredAssessment[] }> = ({ list }) => (
  <>
    <h1>Assessments ({list.length})</h1>
    <table>
      <thead>
        <tr>
          <th class="num">#</th>
          <th>Generated</th>
          <th>Framework</th>
          <th>Scope</th>
          <th>Delivery</th>
          <th class="num">Readiness</th>
          <th class="num">Failing results</th>
          <th>Scan</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {list.map((a) => (
          <tr>
            <td class="num">
              <a href={assessmentHref(a.id)}>{a.id}</a>
            </td>
            <td>{dateTime(a.generatedAt)}</td>
            <td>{a.frameworkId}</td>
            <td>{a.scopeName ?? ''}</td>
            <td>{a.delivery}</td>
            <td class="num">
              {a.readiness.met}/{a.readiness.applicable} ({percentOf(a.readiness)}%)
            </td>
            <td class="num">{a.findings.fail}</td>
            <td>
              {a.scanId === null ? '' : `#${a.scanId}`}
              {a.snapshotComplete ? '' : ' (partial)'}
            </td>
            <td>
              {a.source} · {a.recordedBy}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);

const ResourceList: FC<{ title: string; list: AssessmentDiff['items'][number]['added'] }> = ({ title, list }) =>
  list.length === 0 ? null : (
    <details>
      <summary>
        {title} ({list.length})
      </summary>
      <ul class="small">
        {list.slice(0, 200).map((r) => (
          <li class="mono">
            {r.checkId} · {r.accountId} {r.region ?? 'global'} · {r.resourceType} {r.resourceId}
          </li>
        ))}
      </ul>
      {list.length > 200 ? <p class="muted small">and {list.length - 200} more (`ftr diff --json` lists every one).</p> : null}
    </details>
  );

export const DiffPage: FC<{ list: readonly StoredAssessment[]; a: number | null; b: number | null; diff: AssessmentDiff | null }> = ({ list, a, b, diff }) => (
  <>
    <h1>Diff two assessments</h1>
    <form method="get" action="/diff" class="filters">
      <label>
        Older{' '}
        <select name="a" id="diff-a">
          {list.map((s) => (
            <option value={String(s.id)} selected={s.id === a}>
              #{s.id} {s.frameworkId}
              {s.scopeName ? ` / ${s.scopeName}` : ''} {dateTime(s.generatedAt)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Newer{' '}
        <select name="b" id="diff-b">
          {list.map((s) => (
            <option value={String(s.id)} selected={s.id === b}>
              #{s.id} {s.frameworkId}
              {s.scopeName ? ` / ${s.scopeName}` : ''} {dateTime(s.generatedAt)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Compare</button>
    </form>
    {diff ? (
      <section class="block" id="diff-result">
        <h2 class="part">
          {diff.from.label} → {diff.to.label}
        </h2>
        {diff.warnings.map((w) => (
          <p class="warn">{w}</p>
        ))}
        <p>
          Readiness {diff.from.readiness.met}/{diff.from.readiness.applicable} → {diff.to.readiness.met}/{diff.to.readiness.applicable}.{' '}
          {diff.items.length} item(s) changed, {diff.unchangedItems} unchanged.
        </p>
        <table>
          <thead>
            <tr>
              <th>Item</th>
              <th>Before</th>
              <th>After</th>
              <th>Resources</th>
            </tr>
          </thead>
          <tbody>
            {diff.items.map((i) => (
              <tr>
                <td>
                  <span class="mono">{i.itemId}</span> {i.title}
                  {i.evidenceExpired ? <span class="badge v-NOT_MET">evidence expired {i.expiredOn ?? ''}</span> : null}
                </td>
                <td>{i.before ? <Verdict v={i.before as ItemVerdict} /> : 'not in this assessment'}</td>
                <td>{i.after ? <Verdict v={i.after as ItemVerdict} /> : 'not in this assessment'}</td>
                <td>
                  <ResourceList title="New failing resources" list={i.added} />
                  <ResourceList title="Fixed" list={i.fixed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    ) : null}
  </>
);
