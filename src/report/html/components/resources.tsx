/** Part 2, attached resources and costs. */
import type { FC } from 'hono/jsx';
import { costNote, costSourceText, costText, money, monthOverMonth } from '../../format.js';
import { accountLabel, type ReportModel } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { DataTable, rowsToRender, type DRow } from './data-table.js';
import { HBar } from './primitives.js';
import { partHeading } from '../../contents.js';

export const Resources: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => {
  const r = m.resources;
  const maxService = r.serviceTotals[0]?.amount ?? 0;
  return (
    <section class="block part-start" id="resources">
      <h2 class="part">{partHeading(m, 'resources')}</h2>
      <div class="kpis" style="grid-template-columns:repeat(4,minmax(0,1fr))">
        <div class="kpi">
          <div class="n">{r.count}</div>
          <div class="l">resources in scope</div>
        </div>
        <div class="kpi">
          <div class="n">{r.total.amount === null ? 'unknown' : money(r.total.amount, r.currency)}</div>
          <div class="l">
            {r.period ? `${r.period.start} to ${r.period.end} (last full month)` : 'last full month'}
            {r.total.complete ? '' : ' — excludes accounts with unknown costs'}
          </div>
        </div>
        <div class="kpi">
          {r.itemised?.status === 'unknown' ? (
            <>
              <div class="n">unknown</div>
              <div class="l">itemised per resource (est. monthly)</div>
              <div class="why">{r.itemised.reason}</div>
            </>
          ) : (
            <>
              <div class="n">{money(r.itemisedTotal, r.currency)}</div>
              <div class="l">itemised per resource (est. monthly{r.itemised ? `, ${r.itemised.resources} resources with a known cost` : ''})</div>
            </>
          )}
        </div>
        <div class="kpi">
          <div class="n">{r.byType.length}</div>
          <div class="l">resource types</div>
        </div>
      </div>
      {r.costsCollected ? null : <p class="warn">Costs were not collected in this scan: every cost below is unknown, not zero.</p>}
      {r.itemised?.status === 'unknown' && r.costsCollected ? (
        <p class="note small">
          <strong>Per-resource costs are unknown.</strong> {r.itemised.reason} To enable them: {r.itemised.howToEnable}
        </p>
      ) : null}
      <CostSources m={m} />
      <div class="grid" style="grid-template-columns:1fr 1fr">
        <div>
          <h3>Cost per service</h3>
          {r.serviceTotals.length === 0 ? (
            <p class="muted small">No service costs are known.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Service</th>
                  <th class="num">Last full month</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {r.serviceTotals.map((s) => (
                  <tr>
                    <td>{s.key}</td>
                    <td class="num">{money(s.amount, r.currency)}</td>
                    <td>
                      <HBar value={s.amount} max={maxService} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3>Cost per account</h3>
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th class="num">Last full month</th>
                {r.previousPeriod ? <th class="num">vs. month before</th> : null}
                <th>Top services</th>
              </tr>
            </thead>
            <tbody>
              {r.accountTotals.map((a) => (
                <tr data-filter="" data-account={a.accountId}>
                  <td>
                    {a.name ? <strong>{a.name}</strong> : null}
                    <div class="mono small">{a.accountId}</div>
                  </td>
                  <td class="num">
                    {a.status === 'known' ? (
                      money(a.amount, r.currency)
                    ) : (
                      <span title={a.reason}>
                        unknown<div class="small muted" style="white-space:normal;text-align:left">{a.reason}</div>
                      </span>
                    )}
                  </td>
                  {r.previousPeriod ? <td class="num small">{a.status === 'known' ? monthOverMonth(a.amount, a.previousAmount ?? null, r.currency) : ''}</td> : null}
                  <td class="small wrap">
                    {a.status === 'known' && a.topServices && a.topServices.length > 0
                      ? a.topServices.map((t) => `${t.key} ${money(t.amount, r.currency)}`).join('; ')
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>Total{r.total.complete ? '' : ' (known accounts)'}</th>
                <th class="num">{r.total.amount === null ? 'unknown' : money(r.total.amount, r.currency)}</th>
                {r.previousPeriod ? <th></th> : null}
                <th></th>
              </tr>
            </tfoot>
          </table>
          <h3>Resources per type</h3>
          <table>
            <tbody>
              {r.byType.slice(0, 15).map((t) => (
                <tr>
                  <td class="mono">{t.type}</td>
                  <td class="num">{t.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.byType.length > 15 ? <p class="muted small">and {r.byType.length - 15} more types.</p> : null}
        </div>
      </div>
      <h3>All resources ({r.count})</h3>
      <p class="muted small">
        Monthly cost per resource is estimated from Cost Explorer resource-level data
        {r.resourcePeriod ? ` (${r.resourcePeriod.start} to ${r.resourcePeriod.end}, scaled to 30 days)` : ''}. "Unknown" means it could not
        be read (hover for the reason); it is never shown as zero.
      </p>
      <DataTable
        id="resources-table"
        opts={opts}
        pageSize={50}
        head={[{ label: 'Account' }, { label: 'Region' }, { label: 'Type' }, { label: 'Name / ID' }, { label: 'Tags' }, { label: 'Monthly cost', cls: 'num' }]}
        total={r.rows.length}
        rows={rowsToRender(r.rows, opts).map(
          (res): DRow => ({
            a: res.accountId,
            c: [
              { t: res.accountId, c: 'mono', ...(m.accountNames?.[res.accountId] ? { s: m.accountNames[res.accountId] ?? '' } : {}) },
              { t: res.region ?? 'global', c: 'nw' },
              { t: res.resourceType, c: 'mono small' },
              { t: res.resourceId, c: 'wrap mono small', h: res.resourceArn ?? res.resourceId, ...(res.name ? { s: res.name } : {}) },
              { t: '', c: 'tags wrap', g: Object.entries(res.tags).map(([k, v]) => `${k}=${v}`) },
              { t: costText(res.cost, r.currency), c: 'num', h: costNote(res.cost) },
            ],
          }),
        )}
      />
    </section>
  );
};

/** Where the monthly figures come from: one read from the payer, or each account's own read. */
export const CostSources: FC<{ m: ReportModel }> = ({ m }) => {
  const text = costSourceText(m.resources.accountTotals, (id) => accountLabel(m, id));
  return text ? <p class="muted small">Source: {text}</p> : null;
};
