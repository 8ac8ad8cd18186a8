/** Part 1, at a glance: readiness, blockers, verdict counts per section. */
import type { FC } from 'hono/jsx';
import { ITEM_VERDICTS } from '../../../core/assessment.js';
import { CHECK_STATUSES } from '../../../core/finding.js';
import { itemAnchor, sectionAnchor, partHeading } from '../../contents.js';
import { dateTime, day, DELIVERY_LABEL, HARDENING_TITLE, money, SECTION_LABEL, STATUS_LABEL, VERDICT_LABEL } from '../../format.js';
import { accountLabel, type ExpiringAttestation, type ReportModel } from '../../model.js';
import { CountsBar, Donut, Verdict, VERDICT_COLORS } from './primitives.js';

/**
 * Attestations expiring within 90 days (or expired). `itemHref` links each item somewhere else than its
 * anchor in this report (the dashboard links its item pages); without it the id is plain text.
 */
export const ExpiringAttestationsTable: FC<{ expiring: readonly ExpiringAttestation[]; itemHref?: (itemId: string) => string }> = ({ expiring, itemHref }) =>
  expiring.length === 0 ? (
    <p class="muted small">None.</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th>Item</th>
          <th>Owner</th>
          <th>Expires</th>
          <th class="num">Days left</th>
        </tr>
      </thead>
      <tbody>
        {expiring.map((e) => (
          <tr>
            <td>
              {itemHref ? (
                <a class="mono" href={itemHref(e.itemId)}>
                  {e.itemId}
                </a>
              ) : (
                <span class="mono">{e.itemId}</span>
              )}{' '}
              {e.title}
            </td>
            <td>{e.owner}</td>
            <td>{day(e.expires)}</td>
            <td class="num">{e.expired ? <span class="badge v-NOT_MET">expired</span> : e.daysLeft}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const Glance: FC<{ m: ReportModel }> = ({ m }) => {
  const g = m.glance;
  const r = m.resources;
  return (
    <section class="block" id="glance">
      <h2 class="part">{partHeading(m, 'glance')}</h2>
      <div class="grid glance">
        <div class="readiness">
          <Donut counts={g.verdicts} percent={g.readiness.percent} />
          <div>
            <strong>
              {g.readiness.met} of {g.readiness.applicable}
            </strong>{' '}
            applicable items met
          </div>
          <div class="muted small">{g.verdicts.NOT_APPLICABLE} not applicable</div>
        </div>
        <div>
          <div class="kpis">
            {ITEM_VERDICTS.map((v) => (
              <div class="kpi">
                <div class="n" style={`color:${VERDICT_COLORS[v]}`}>
                  {g.verdicts[v]}
                </div>
                <div class="l">{VERDICT_LABEL[v]}</div>
              </div>
            ))}
          </div>
          <p class="small muted">
            Automated results: {CHECK_STATUSES.map((s) => `${g.findings[s]} ${STATUS_LABEL[s].toLowerCase()}`).join(' · ')}. Attached
            resources: {r.count}. Last full month:{' '}
            {r.total.amount === null ? 'cost unknown' : `${money(r.total.amount, r.currency)}${r.total.complete ? '' : ' (some accounts unknown)'}`}.
          </p>
          <p class="small muted">
            Accounts ({m.accounts.length}): {m.accounts.slice(0, 10).map((a) => accountLabel(m, a)).join(', ')}
            {m.accounts.length > 10 ? ` and ${m.accounts.length - 10} more` : ''}.
          </p>
          <p class="small">
            <a href="#hardening">{HARDENING_TITLE}</a>:{' '}
            {m.hardening.failing === 0
              ? 'no failing advisory result.'
              : `${m.hardening.failing} failing result${m.hardening.failing === 1 ? '' : 's'} in ${m.hardening.checks.filter((c) => c.counts.FAIL > 0).length} advisory check(s); they never change a verdict.`}
          </p>
          <h3>Status per section</h3>
          <table>
            <thead>
              <tr>
                <th>Section</th>
                <th>Status</th>
                <th class="num">Met</th>
                <th class="num">Applicable</th>
                <th>Verdicts</th>
              </tr>
            </thead>
            <tbody>
              {g.sections.map((s) => (
                <tr data-filter="" data-section={s.id}>
                  <td>
                    <a href={`#${sectionAnchor(s)}`}>{s.area}</a>
                  </td>
                  <td>
                    <span class={`badge v-${s.status}`}>{SECTION_LABEL[s.status]}</span>
                  </td>
                  <td class="num">{s.counts.MET}</td>
                  <td class="num">{ITEM_VERDICTS.reduce((n, v) => n + s.counts[v], 0) - s.counts.NOT_APPLICABLE}</td>
                  <td>
                    <CountsBar counts={s.counts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3 id="blockers">Blockers to fix before submission ({g.blockers.length})</h3>
      {g.blockers.length === 0 ? (
        <p class="note">No blockers: every applicable item is met.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th class="num">#</th>
              <th>Severity</th>
              <th>Item</th>
              <th>Area</th>
              <th>Verdict</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {g.blockers.map((b) => (
              <tr>
                <td class="num">{b.rank}</td>
                <td>
                  <span class={`badge sev sev-${b.severity}`}>{b.severity}</span>
                </td>
                <td>
                  <a href={`#${itemAnchor(b.itemId)}`} class="mono">
                    {b.itemId}
                  </a>{' '}
                  {b.title}
                </td>
                <td>{b.area}</td>
                <td>
                  <Verdict v={b.verdict} />
                </td>
                <td class="wrap">{b.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Attestations expiring within 90 days ({g.expiring.length})</h3>
      <ExpiringAttestationsTable expiring={g.expiring} />
      <h3>Scope</h3>
      <table>
        <tbody>
          <tr>
            <th>Accounts ({m.scope.accounts.length})</th>
            <td class="wrap">{m.scope.accounts.join(', ')}</td>
          </tr>
          <tr>
            <th>Regions ({m.scope.regions.length})</th>
            <td class="wrap">{m.scope.regions.join(', ')}</td>
          </tr>
          <tr>
            <th>Mode</th>
            <td>{m.scope.mode}</td>
          </tr>
          <tr>
            <th>Principal</th>
            <td class="wrap mono">{m.scope.principal}</td>
          </tr>
          <tr>
            <th>Scan time</th>
            <td>
              {dateTime(m.scope.scanStartedAt)} to {dateTime(m.scope.scanFinishedAt)}
              {m.scope.snapshotComplete ? '' : ' — the scan was interrupted; results are partial'}
            </td>
          </tr>
          <tr>
            <th>Tool</th>
            <td>
              {m.tool.name} {m.tool.version}
            </td>
          </tr>
          <tr>
            <th>Catalog / checklist</th>
            <td>
              {m.framework.id} {m.framework.version}, AWS checklist {m.framework.checklistVersion} (released {m.framework.releaseDate})
            </td>
          </tr>
          <tr>
            <th>Delivery category</th>
            <td>{DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
};
