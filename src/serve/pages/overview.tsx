/**
 * Overview: per framework and scope, readiness now and over time, the items that changed since the
 * previous assessment, blockers by severity and evidence expiring within 90 days. Built from list columns,
 * item rows and an indexed count of FAIL findings: never a whole document (see docs/benchmarks.md).
 */
import type { FC } from 'hono/jsx';
import { SEVERITIES, type Severity } from '../../core/finding.js';
import { getFramework } from '../../frameworks/index.js';
import { dateTime } from '../../report/format.js';
import { VerdictChangesTable } from '../../report/html/components/changes.js';
import { ExpiringAttestationsTable } from '../../report/html/components/glance.js';
import { Donut, Verdict } from '../../report/html/components/primitives.js';
import type { Blocker, ChangeLine, ExpiringAttestation, ReportModel } from '../../report/model.js';
import type { Store } from '../../store/db.js';
import type { StoredAssessment } from '../../store/repositories/assessments.js';
import { TrendChart, percentOf, type TrendPoint } from '../trend-chart.js';
import { AssessmentViewCache } from '../view-cache.js';
import { assessmentHref, itemHref } from '../paths.js';

/** A verdict change (the report's ChangeLine), or an item whose evidence expired since the previous assessment. */
export interface VerdictChange extends ChangeLine {
  readonly evidenceExpired: boolean;
}

export interface OverviewGroup {
  readonly frameworkId: string;
  readonly frameworkTitle: string;
  readonly scopeName: string | null;
  readonly latest: StoredAssessment;
  readonly previous: StoredAssessment | null;
  readonly model: ReportModel;
  readonly trend: readonly TrendPoint[];
  readonly changes: readonly VerdictChange[];
  readonly failsBySeverity: Readonly<Record<string, number>>;
  /** Not yet expired, expiring within 90 days of now (the report's glance counts from its generation time). */
  readonly expiring: readonly ExpiringAttestation[];
}

const DAY_MS = 86_400_000;
/** How many points the trend chart shows (the newest). */
const TREND_POINTS = 60;

export async function loadOverview(store: Store, now = new Date(), cache = new AssessmentViewCache()): Promise<OverviewGroup[]> {
  const all = await store.assessments.list({ limit: 1_000 });
  const groups = new Map<string, StoredAssessment[]>();
  for (const a of all) {
    const key = `${a.frameworkId}\u0000${a.scopeName ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  const horizon = new Date(now.getTime() + 90 * DAY_MS).toISOString().slice(0, 10);
  return Promise.all(
    [...groups.values()].map(async (list): Promise<OverviewGroup> => {
      const [latest, previous] = list as [StoredAssessment, StoredAssessment | undefined];
      const [{ model, items: rows }, before] = await Promise.all([
        cache.lightView(store, latest),
        previous ? cache.itemVerdicts(store, previous) : Promise.resolve(null),
      ]);
      const items = model.sections.flatMap((s) => s.items);
      const changes: VerdictChange[] = [];
      if (before) {
        const was = new Map(before.map((i) => [i.itemId, i]));
        for (const item of items) {
          const prior = was.get(item.itemId);
          const expiredNow = item.attestation?.expired === true && prior?.attestationExpired !== true;
          if (prior?.verdict !== item.verdict || expiredNow) {
            changes.push({ itemId: item.itemId, title: item.title, before: prior?.verdict ?? null, after: item.verdict, evidenceExpired: expiredNow });
          }
        }
      }
      // Not yet expired, expiring on or before the horizon, soonest first (the same rows as the indexed
      // `attestation_expires` column: the item rows are already in the cache).
      const expiring = rows
        .flatMap((item) => {
          const a = item.attestation;
          if (!a?.expires || a.expired || a.expires.slice(0, 10) > horizon) return [];
          const daysLeft = Math.floor((Date.parse(`${a.expires.slice(0, 10)}T23:59:59Z`) - now.getTime()) / DAY_MS);
          return [{ itemId: item.itemId, title: item.title, owner: a.owner, expires: a.expires, daysLeft, expired: false }];
        })
        .sort((a, b) => a.expires.localeCompare(b.expires) || a.itemId.localeCompare(b.itemId));
      let frameworkTitle = latest.frameworkId;
      try {
        frameworkTitle = getFramework(latest.frameworkId).title;
      } catch {
        // a framework of a newer ftr-ready: show its id
      }
      return {
        frameworkId: latest.frameworkId,
        frameworkTitle,
        scopeName: latest.scopeName,
        latest,
        previous: previous ?? null,
        model,
        trend: list
          .slice(0, TREND_POINTS)
          .reverse()
          .map((a) => ({ assessmentId: a.id, generatedAt: a.generatedAt, met: a.readiness.met, applicable: a.readiness.applicable })),
        changes,
        failsBySeverity: latest.failsBySeverity,
        expiring,
      };
    }),
  );
}

const BlockersBySeverity: FC<{ blockers: readonly Blocker[]; fails: Readonly<Record<string, number>>; assessmentId: number }> = ({ blockers, fails, assessmentId }) => {
  const bySeverity = new Map<Severity, Blocker[]>();
  for (const b of blockers) bySeverity.set(b.severity, [...(bySeverity.get(b.severity) ?? []), b]);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>Severity</th>
            <th class="num">Blocking items</th>
            <th class="num">Failing results</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => (
            <tr>
              <td>
                <span class={`badge sev sev-${s}`}>{s}</span>
              </td>
              <td class="num">{bySeverity.get(s)?.length ?? 0}</td>
              <td class="num">{fails[s] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {blockers.length > 0 ? (
        <details>
          <summary>The {blockers.length} blocking item(s), worst first</summary>
          <table>
            <tbody>
              {blockers.map((b) => (
                <tr>
                  <td>
                    <span class={`badge sev sev-${b.severity}`}>{b.severity}</span>
                  </td>
                  <td>
                    <a class="mono" href={itemHref(assessmentId, b.itemId)}>
                      {b.itemId}
                    </a>{' '}
                    {b.title}
                  </td>
                  <td>
                    <Verdict v={b.verdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
};

const GroupCard: FC<{ g: OverviewGroup }> = ({ g }) => {
  const r = g.model.glance.readiness;
  const linkTo = (itemId: string) => itemHref(g.latest.id, itemId);
  return (
    <section class="block" data-group={`${g.frameworkId}|${g.scopeName ?? ''}`}>
      <h2 class="part">
        {g.frameworkTitle}
        {g.scopeName ? ` — scope ${g.scopeName}` : ''}
      </h2>
      <p class="small muted">
        Latest: <a href={assessmentHref(g.latest.id)}>assessment #{g.latest.id}</a> of {dateTime(g.latest.generatedAt)} ({g.latest.delivery})
        {g.latest.snapshotComplete ? '' : ' — from an interrupted scan: results are partial'}
      </p>
      <div class="grid glance">
        <div class="readiness">
          <Donut counts={g.model.glance.verdicts} percent={r.percent} />
          <div>
            <strong class="readiness-figure">
              {r.met} of {r.applicable}
            </strong>{' '}
            applicable items met
          </div>
        </div>
        <div>
          <h3>Readiness over time ({g.trend.length})</h3>
          <TrendChart points={g.trend} />
        </div>
      </div>
      <h3>Changed since the previous assessment ({g.changes.length})</h3>
      {g.previous === null ? (
        <p class="muted small">This is the first assessment of this framework and scope.</p>
      ) : (
        <>
          <p class="small">
            #{g.previous.id} ({percentOf(g.previous.readiness)}%) → #{g.latest.id} ({percentOf(g.latest.readiness)}%) ·{' '}
            <a href={`/diff?a=${g.previous.id}&b=${g.latest.id}`}>full diff with failing resources</a>
          </p>
          {g.changes.length === 0 ? <p class="muted small">No item changed its verdict.</p> : <VerdictChangesTable lines={g.changes} itemHref={linkTo} />}
        </>
      )}
      <h3>Blockers by severity ({g.model.glance.blockers.length})</h3>
      <BlockersBySeverity blockers={g.model.glance.blockers} fails={g.failsBySeverity} assessmentId={g.latest.id} />
      <h3>Evidence expiring within 90 days ({g.expiring.length})</h3>
      <ExpiringAttestationsTable expiring={g.expiring} itemHref={linkTo} />
    </section>
  );
};

export const OverviewPage: FC<{ groups: readonly OverviewGroup[] }> = ({ groups }) => (
  <>
    <h1>Overview</h1>
    {groups.length === 0 ? (
      <p class="note">
        No assessment is stored yet. Start a scan on the <a href="/scans">Scans</a> page, or record one with <code>ftr import</code>.
      </p>
    ) : (
      groups.map((g) => <GroupCard g={g} />)
    )}
  </>
);
