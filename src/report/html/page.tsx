/**
 * The HTML report (hono/jsx, rendered to a string). Every value from AWS or from people (names, tags,
 * messages, evidence, justifications) goes through JSX text or attribute interpolation, which escapes it;
 * the only raw strings are our own stylesheet and script.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { ITEM_VERDICTS, type ItemVerdict } from '../../core/assessment.js';
import { CHECK_STATUSES } from '../../core/finding.js';
import { describeCollectionError } from '../../core/observed.js';
import {
  compactJson,
  costNote,
  costText,
  dateTime,
  day,
  DELIVERY_LABEL,
  HARDENING_TITLE,
  money,
  ROLE_LABEL,
  ROLE_MEANING,
  SECTION_LABEL,
  STATUS_LABEL,
  VERDICT_LABEL,
} from '../format.js';
import type { FindingRow, ItemCheck, ReportItem, ReportModel, ReportSection } from '../model.js';
import { SCRIPT, STYLES } from './assets.js';

export interface HtmlOptions {
  /** `screen`: everything, long tables paginated by script. `print` (PDF): long lists capped with a pointer to the XLSX/CSV. */
  readonly mode: 'screen' | 'print';
  /** Rows per long table in print mode. */
  readonly printRowLimit?: number;
}

const VERDICT_COLORS: Record<ItemVerdict, string> = {
  MET: '#1e7d4f',
  NOT_MET: '#b42318',
  NEEDS_EVIDENCE: '#d08a00',
  UNKNOWN: '#5b4bb7',
  NOT_APPLICABLE: '#aab1bd',
};

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
const sectionAnchor = (s: { id: string }): string => `sec-${slug(s.id)}`;
const itemAnchor = (id: string): string => `item-${slug(id)}`;

const Verdict: FC<{ v: ItemVerdict }> = ({ v }) => <span class={`badge v-${v}`}>{VERDICT_LABEL[v]}</span>;

const Donut: FC<{ counts: Record<ItemVerdict, number>; percent: number }> = ({ counts, percent }) => {
  const total = ITEM_VERDICTS.reduce((s, v) => s + counts[v], 0);
  const r = 52;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = ITEM_VERDICTS.filter((v) => counts[v] > 0).map((v) => {
    const len = total === 0 ? 0 : (counts[v] / total) * c;
    const arc = (
      <circle
        r={r}
        cx="70"
        cy="70"
        fill="none"
        stroke={VERDICT_COLORS[v]}
        stroke-width="22"
        stroke-dasharray={`${len.toFixed(2)} ${(c - len).toFixed(2)}`}
        stroke-dashoffset={(-offset).toFixed(2)}
        transform="rotate(-90 70 70)"
      >
        <title>{`${VERDICT_LABEL[v]}: ${counts[v]}`}</title>
      </circle>
    );
    offset += len;
    return arc;
  });
  return (
    <svg width="140" height="140" viewBox="0 0 140 140" role="img" aria-label={`Readiness ${percent}%`}>
      <circle r={r} cx="70" cy="70" fill="none" stroke="#eef0f3" stroke-width="22" />
      {arcs}
      <text x="70" y="68" text-anchor="middle" font-size="22" font-weight="800" fill="#1d2433">{`${percent}%`}</text>
      <text x="70" y="86" text-anchor="middle" font-size="10" fill="#5b6477">ready</text>
    </svg>
  );
};

const CountsBar: FC<{ counts: Record<ItemVerdict, number> }> = ({ counts }) => {
  const total = ITEM_VERDICTS.reduce((s, v) => s + counts[v], 0);
  return (
    <svg width="160" height="10" viewBox="0 0 160 10" role="img" aria-label="verdicts">
      {(() => {
        let x = 0;
        return ITEM_VERDICTS.filter((v) => counts[v] > 0).map((v) => {
          const w = total === 0 ? 0 : (counts[v] / total) * 160;
          const rect = <rect x={x.toFixed(2)} y="0" width={w.toFixed(2)} height="10" fill={VERDICT_COLORS[v]} />;
          x += w;
          return rect;
        });
      })()}
    </svg>
  );
};

const HBar: FC<{ value: number; max: number }> = ({ value, max }) => (
  <svg width="140" height="10" viewBox="0 0 140 10" role="img" aria-label={String(value)}>
    <rect x="0" y="0" width="140" height="10" fill="#eef0f3" rx="3" />
    <rect x="0" y="0" width={max <= 0 ? '0' : ((value / max) * 140).toFixed(2)} height="10" fill="#ff9900" rx="3" />
  </svg>
);


/** One cell of a data table: plain text plus an optional class, badge, tags or bold prefix. */
export interface DCell {
  readonly t: string;
  /** td class */
  readonly c?: string;
  /** render the text as a badge with this class */
  readonly b?: string;
  /** tag chips */
  readonly g?: readonly string[];
  /** title (hover) */
  readonly h?: string;
  /** bold line above the text */
  readonly s?: string;
}

export interface DRow {
  /** account id, for the account filter */
  readonly a: string;
  readonly c: readonly DCell[];
}

let tableSeq = 0;

/** Restarts table ids so a render is deterministic. */
export function resetTableIds(): void {
  tableSeq = 0;
}

const CellView: FC<{ cell: DCell }> = ({ cell }) => (
  <td class={cell.c ?? ''} {...(cell.h ? { title: cell.h } : {})}>
    {cell.s ? (
      <>
        <strong>{cell.s}</strong>
        <br />
      </>
    ) : null}
    {cell.b ? <span class={`badge ${cell.b}`}>{cell.t}</span> : cell.g ? cell.g.map((tag) => <span>{tag}</span>) : cell.t}
  </td>
);

/**
 * A table that stays fast at 100,000 rows: the first page is HTML (what a reader without script and the
 * print variant see); on screen the full row set is embedded as JSON and paged/filtered by the script.
 */
const DataTable: FC<{
  head: readonly { readonly label: string; readonly cls?: string }[];
  rows: readonly DRow[];
  opts: HtmlOptions;
  pageSize?: number;
  id?: string;
}> = ({ head, rows, opts, pageSize = 25, id }) => {
  const limit = opts.mode === 'print' ? (opts.printRowLimit ?? 200) : pageSize;
  const shown = rows.slice(0, limit);
  const json = opts.mode === 'screen' && rows.length > pageSize;
  const dataId = `dt-${++tableSeq}`;
  return (
    <>
      <table
        {...(id ? { id } : {})}
        {...(json ? { class: 'paged', 'data-json': dataId, 'data-page-size': String(pageSize), 'data-total': String(rows.length) } : {})}
      >
        <thead>
          <tr>
            {head.map((h) => (
              <th class={h.cls ?? ''}>{h.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr {...(json ? {} : { 'data-filter': '', 'data-account': r.a })}>
              {r.c.map((cell) => (
                <CellView cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {json ? <script type="application/json" id={dataId}>{raw(JSON.stringify(rows).replace(/</g, '\\u003c'))}</script> : null}
      {opts.mode === 'print' && shown.length < rows.length ? (
        <p class="note">
          {shown.length} of {rows.length} rows printed; the complete list is in the XLSX and CSV reports.
        </p>
      ) : null}
    </>
  );
};

const Cover: FC<{ m: ReportModel }> = ({ m }) => (
  <header class="cover">
    <h1>{m.framework.title}</h1>
    <div class="sub">
      Readiness report{m.scope.name ? ` — ${m.scope.name}` : ''}
      {m.caseStudy ? ` — case study: ${m.caseStudy.name}` : ''}
    </div>
    <dl>
      <div>
        <dt>Generated</dt>
        <dd>{dateTime(m.generatedAt)}</dd>
      </div>
      <div>
        <dt>Checklist</dt>
        <dd>
          {m.framework.checklistVersion} (catalog {m.framework.version})
        </dd>
      </div>
      <div>
        <dt>Delivery category</dt>
        <dd>{DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory}</dd>
      </div>
      <div>
        <dt>Tool</dt>
        <dd>
          {m.tool.name} {m.tool.version}
        </dd>
      </div>
      <div>
        <dt>Accounts</dt>
        <dd>{m.scope.accounts.length > 4 ? `${m.scope.accounts.length} accounts` : m.scope.accounts.join(', ')}</dd>
      </div>
      <div>
        <dt>Regions</dt>
        <dd>{m.scope.regions.length > 4 ? `${m.scope.regions.length} regions` : m.scope.regions.join(', ')}</dd>
      </div>
      <div>
        <dt>Principal</dt>
        <dd>{m.scope.principal}</dd>
      </div>
      <div>
        <dt>Scan</dt>
        <dd>
          {dateTime(m.scope.scanStartedAt)} → {dateTime(m.scope.scanFinishedAt).slice(11)}
          {m.scope.snapshotComplete ? '' : ' (incomplete)'}
        </dd>
      </div>
    </dl>
  </header>
);

const Toc: FC<{ m: ReportModel }> = ({ m }) => (
  <nav class="toc" aria-label="Contents">
    <h2>Contents</h2>
    <ol>
      <li>
        <a href="#glance">At a glance</a>
      </li>
      <li>
        <a href="#resources">Attached resources and costs</a>
      </li>
      <li>
        <a href="#details">Detail sections</a>
        <ol>
          {m.sections.map((s) => (
            <li>
              <a href={`#${sectionAnchor(s)}`}>{s.area}</a>
            </li>
          ))}
        </ol>
      </li>
      <li>
        <a href="#hardening">{HARDENING_TITLE}</a>
      </li>
      <li>
        <a href="#self-assessment">Completed self-assessment</a>
      </li>
      {m.changes ? (
        <li>
          <a href="#changes">Changes since the previous assessment</a>
        </li>
      ) : null}
      <li>
        <a href="#provenance">How this report was produced</a>
      </li>
    </ol>
  </nav>
);

const Filters: FC<{ m: ReportModel }> = ({ m }) => (
  <div class="filters" id="filters" role="search">
    <label>
      Section{' '}
      <select id="f-section">
        <option value="">All sections</option>
        {m.sections
          .filter((s) => s.kind === 'checklist')
          .map((s) => (
            <option value={s.id}>{s.area}</option>
          ))}
      </select>
    </label>
    <label>
      Account{' '}
      <select id="f-account">
        <option value="">All accounts</option>
        {m.accounts.map((a) => (
          <option value={a}>{a}</option>
        ))}
      </select>
    </label>
    <span>
      {ITEM_VERDICTS.map((v) => (
        <label class="chk">
          <input type="checkbox" name="f-verdict" value={v} checked />
          <span class={`badge v-${v}`}>{VERDICT_LABEL[v]}</span>
        </label>
      ))}
    </span>
    <button type="button" id="f-reset">
      Reset
    </button>
    <span id="f-count" class="muted small"></span>
  </div>
);

const Glance: FC<{ m: ReportModel }> = ({ m }) => {
  const g = m.glance;
  const r = m.resources;
  return (
    <section class="block" id="glance">
      <h2 class="part">1. At a glance</h2>
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
      {g.expiring.length === 0 ? (
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
            {g.expiring.map((e) => (
              <tr>
                <td>
                  <span class="mono">{e.itemId}</span> {e.title}
                </td>
                <td>{e.owner}</td>
                <td>{day(e.expires)}</td>
                <td class="num">{e.expired ? <span class="badge v-NOT_MET">expired</span> : e.daysLeft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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

const Resources: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => {
  const r = m.resources;
  const maxService = r.serviceTotals[0]?.amount ?? 0;
  return (
    <section class="block part-start" id="resources">
      <h2 class="part">2. Attached resources and costs</h2>
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
          <div class="n">{money(r.itemisedTotal, r.currency)}</div>
          <div class="l">itemised per resource (est. monthly)</div>
        </div>
        <div class="kpi">
          <div class="n">{r.byType.length}</div>
          <div class="l">resource types</div>
        </div>
      </div>
      {r.costsCollected ? null : <p class="warn">Costs were not collected in this scan: every cost below is unknown, not zero.</p>}
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
              </tr>
            </thead>
            <tbody>
              {r.accountTotals.map((a) => (
                <tr data-filter="" data-account={a.accountId}>
                  <td class="mono">{a.accountId}</td>
                  <td class="num">
                    {a.status === 'known' ? (
                      money(a.amount, r.currency)
                    ) : (
                      <span title={a.reason}>
                        unknown<div class="small muted" style="white-space:normal;text-align:left">{a.reason}</div>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>Total{r.total.complete ? '' : ' (known accounts)'}</th>
                <th class="num">{r.total.amount === null ? 'unknown' : money(r.total.amount, r.currency)}</th>
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
        rows={r.rows.map(
          (res): DRow => ({
            a: res.accountId,
            c: [
              { t: res.accountId, c: 'mono' },
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

const FindingsTable: FC<{ rows: readonly FindingRow[]; opts: HtmlOptions; showCheck?: boolean }> = ({ rows, opts, showCheck }) => (
  <DataTable
    opts={opts}
    head={[
      { label: 'Status' },
      ...(showCheck ? [{ label: 'Check' }] : []),
      { label: 'Account / region' },
      { label: 'Resource' },
      { label: 'Finding' },
      { label: 'Evidence' },
    ]}
    rows={rows.map(
      (f): DRow => ({
        a: f.accountId,
        c: [
          { t: f.suppressed ? `${STATUS_LABEL[f.status]} (suppressed)` : STATUS_LABEL[f.status], b: `s-${f.status}` },
          ...(showCheck ? [{ t: f.checkId, c: 'mono small' }] : []),
          { t: `${f.accountId} ${f.region ?? 'global'}`, c: 'mono small' },
          { t: f.resourceId, c: 'wrap mono small', h: f.resourceArn ?? f.resourceId },
          { t: f.message, c: 'wrap' },
          { t: compactJson(f.evidence), c: 'wrap mono small' },
        ],
      }),
    )}
  />
);

const RoleBadge: FC<{ c: Pick<ItemCheck, 'role'> }> = ({ c }) =>
  c.role ? (
    <span class={`role role-${c.role}`} title={ROLE_MEANING[c.role]}>
      {ROLE_LABEL[c.role]}
    </span>
  ) : (
    <span class="muted small">not recorded</span>
  );

const Item: FC<{ item: ReportItem; opts: HtmlOptions }> = ({ item, opts }) => {
  const itemOpts: HtmlOptions = opts.mode === 'print' ? { ...opts, printRowLimit: Math.min(opts.printRowLimit ?? 200, 40) } : opts;
  // Advisory checks' remediation lives in the hardening section; here only what decides the item.
  const failingChecks = item.checks.filter((c) => c.role !== 'advisory' && (c.counts.FAIL > 0 || c.counts.UNKNOWN > 0 || c.counts.MANUAL > 0));
  const a = item.attestation;
  return (
    <article
      class={`item v-${item.verdict}`}
      id={itemAnchor(item.itemId)}
      data-filter=""
      data-section={item.sectionId}
      data-verdict={item.verdict}
      {...(item.accounts.length > 0 ? { 'data-account': item.accounts.join(' ') } : {})}
    >
      <header>
        <span class="id">{item.itemId}</span>
        <span class="t">{item.title}</span>
        {item.severity && item.verdict !== 'MET' ? <span class={`badge sev sev-${item.severity}`}>{item.severity}</span> : null}
        <span class="muted small">{item.automation}</span>
        <Verdict v={item.verdict} />
      </header>
      <p class="why">
        <strong>Why: </strong>
        {item.reason}
      </p>
      {item.alternatives.length > 0 && item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE' ? (
        <div class="alts">
          <strong>The checklist accepts any of these ways:</strong>
          <ol>
            {item.alternatives.map((a) => (
              <li>
                <strong>{a.way}</strong>: {a.how}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {item.checks.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Automated check</th>
              <th>Role for this item</th>
              <th>Severity</th>
              {CHECK_STATUSES.map((s) => (
                <th class="num">{STATUS_LABEL[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.checks.map((c) => (
              <tr class={c.role === 'advisory' ? 'advisory' : ''}>
                <td>
                  <span class="mono small">{c.id}</span>
                  <div class="small muted">{c.title}</div>
                </td>
                <td class="wrap">
                  <RoleBadge c={c} />
                  {c.rationale ? <div class="small muted">{c.rationale}</div> : null}
                </td>
                <td>
                  <span class={`badge sev sev-${c.severity}`}>{c.severity}</span>
                </td>
                {CHECK_STATUSES.map((s) => (
                  <td class="num">{c.counts[s] || ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted small">No automated check: this item is answered with evidence.</p>
      )}
      {item.attention.length > 0 ? (
        <>
          <h4>Resources that need attention ({item.attention.length})</h4>
          <FindingsTable rows={item.attention} opts={itemOpts} showCheck={item.checks.length > 1} />
        </>
      ) : null}
      {item.passingSample.length > 0 ? (
        <details>
          <summary>
            Passing evidence ({item.counts.PASS} resource{item.counts.PASS === 1 ? '' : 's'} pass)
          </summary>
          <FindingsTable rows={item.passingSample} opts={itemOpts} showCheck={item.checks.length > 1} />
        </details>
      ) : null}
      {a ? (
        <div class="attest">
          <strong>Attestation:</strong> "{a.answer}" by {a.owner} on {day(a.date)}
          {a.reviewer ? `, reviewed by ${a.reviewer}` : ''}
          {a.expires ? (a.expired ? ` — expired ${day(a.expires)}` : ` — valid until ${day(a.expires)}`) : ''}
          <div>{a.justification}</div>
          {a.evidence.length > 0 ? (
            <ul class="small">
              {a.evidence.map((e) => (
                <li>
                  {e.kind === 'url' && /^https?:\/\//i.test(e.ref) ? (
                    <a href={e.ref} rel="noopener noreferrer">
                      {e.ref}
                    </a>
                  ) : (
                    <span class="mono">{e.ref}</span>
                  )}
                  {e.sha256 ? <span class="muted mono"> sha256 {e.sha256.slice(0, 16)}…</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE'
        ? failingChecks
            .filter((c) => c.remediation)
            .map((c) => (
              <div class="remed">
                <h4>
                  Remediation — <span class="mono">{c.id}</span>
                </h4>
                <p>{c.remediation?.summary}</p>
                {c.remediation?.console ? (
                  <p>
                    <strong>Console: </strong>
                    {c.remediation.console}
                  </p>
                ) : null}
                {c.remediation?.cli ? (
                  <>
                    <strong>AWS CLI</strong>
                    <pre>{c.remediation.cli}</pre>
                  </>
                ) : null}
                {c.remediation?.iac ? (
                  <>
                    <strong>Infrastructure as code</strong>
                    <pre>{c.remediation.iac}</pre>
                  </>
                ) : null}
                {c.remediation?.docs ? (
                  <p class="small">
                    Documentation: <span class="mono">{c.remediation.docs}</span>
                  </p>
                ) : null}
              </div>
            ))
        : null}
    </article>
  );
};

const Section: FC<{ s: ReportSection; n: number; opts: HtmlOptions; m: ReportModel }> = ({ s, n, opts, m }) => (
  <section class={n === 1 ? 'block part-start' : 'block'} id={sectionAnchor(s)} data-section-block={s.id}>
    <h2 class="part">
      3.{n} {s.area} <span class={`badge v-${s.status}`}>{SECTION_LABEL[s.status]}</span>
    </h2>
    {s.kind === 'checklist' && s.checklistTitle !== s.area ? (
      <p class="muted small">Checklist section: {s.checklistTitle}</p>
    ) : null}
    {s.note ? <p class="note">{s.note}</p> : null}
    {s.kind === 'info' && s.id === 'info-accounts' ? (
      <table>
        <thead>
          <tr>
            <th>Account</th>
            <th class="num">Resources</th>
            <th class="num">Failing results</th>
          </tr>
        </thead>
        <tbody>
          {m.accounts.map((a) => (
            <tr data-filter="" data-account={a}>
              <td class="mono">{a}</td>
              <td class="num">{m.resources.rows.filter((r) => r.accountId === a).length}</td>
              <td class="num">{m.findings.filter((f) => f.accountId === a && f.status === 'FAIL').length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
    {s.relatedItems.length > 0 ? (
      <p class="small">
        See{' '}
        {s.relatedItems.map((id, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={`#${itemAnchor(id)}`}>{id}</a>
          </>
        ))}
        .
      </p>
    ) : null}
    {s.relatedFindings.length > 0 ? (
      <FindingsTable rows={s.relatedFindings} opts={opts.mode === 'print' ? { ...opts, printRowLimit: 40 } : opts} showCheck />
    ) : null}
    {s.items.map((item) => (
      <Item item={item} opts={opts} />
    ))}
  </section>
);

const Hardening: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => {
  const h = m.hardening;
  return (
    <section class="block part-start" id="hardening">
      <h2 class="part">4. {HARDENING_TITLE}</h2>
      <p class="note">
        These checks go beyond what the checklist asks (role "advisory"). They never change an item's verdict and are not blockers;
        fix them when you can. Roles: <span class="role role-required">Required</span> {ROLE_MEANING.required};{' '}
        <span class="role role-evidence">Evidence</span> {ROLE_MEANING.evidence}; <span class="role role-advisory">Advisory</span>{' '}
        {ROLE_MEANING.advisory}.
      </p>
      {h.checks.length === 0 ? (
        <p class="muted small">No advisory check in this assessment.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Severity</th>
              <th>Check</th>
              <th>Advisory for</th>
              <th class="num">{STATUS_LABEL.FAIL}</th>
              <th class="num">{STATUS_LABEL.UNKNOWN}</th>
              <th class="num">{STATUS_LABEL.PASS}</th>
            </tr>
          </thead>
          <tbody>
            {h.checks.map((c) => (
              <tr>
                <td>
                  <span class={`badge sev sev-${c.severity}`}>{c.severity}</span>
                </td>
                <td class="wrap">
                  <span class="mono small">{c.id}</span>
                  <div class="small">{c.title}</div>
                  {c.counts.FAIL > 0 && c.remediation ? <div class="small muted">Fix: {c.remediation.summary}</div> : null}
                </td>
                <td class="wrap small">
                  {c.items.map((i) => (
                    <div>
                      <a href={`#${itemAnchor(i.itemId)}`} class="mono">
                        {i.itemId}
                      </a>
                      : {i.rationale}
                    </div>
                  ))}
                  {c.decidesItems.length > 0 ? <div class="muted">Also decides {c.decidesItems.join(', ')}.</div> : null}
                </td>
                <td class="num">{c.counts.FAIL || ''}</td>
                <td class="num">{c.counts.UNKNOWN || ''}</td>
                <td class="num">{c.counts.PASS || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {h.findings.length > 0 ? (
        <>
          <h3>Failing advisory results ({h.findings.length})</h3>
          <FindingsTable rows={h.findings} opts={opts.mode === 'print' ? { ...opts, printRowLimit: 60 } : opts} showCheck />
        </>
      ) : null}
    </section>
  );
};

const SelfAssessment: FC<{ m: ReportModel }> = ({ m }) => {
  const studies = m.selfAssessment.caseStudies;
  const primary = studies[0];
  if (!primary) return null;
  const multi = studies.length > 1;
  return (
    <section class="block part-start" id="self-assessment">
      <h2 class="part">5. Completed self-assessment</h2>
      <p class="small muted">
        The checklist in AWS's order. Met: Y = met, N = not met or evidence still needed, N/A = not applicable to the delivery category or
        gated out.{multi ? ' One column per case study.' : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Item</th>
            <th>Requirement</th>
            {studies.map((cs) => (
              <th>{multi ? `Met — ${cs.name}` : 'Met'}</th>
            ))}
            <th>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {primary.rows.map((row, i) => (
            <tr data-filter="" data-section={row.sectionId} data-verdict={row.verdict}>
              <td class="mono nw">
                <a href={`#${itemAnchor(row.itemId)}`}>{row.itemId}</a>
              </td>
              <td>
                {row.title}
                <div class="small muted">{row.area}</div>
              </td>
              {studies.map((cs) => {
                const r = cs.rows[i];
                return <td>{r ? <span class={`badge v-${r.verdict}`}>{r.met}</span> : ''}</td>;
              })}
              <td class="wrap small">{row.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

const Changes: FC<{ m: ReportModel }> = ({ m }) => {
  const c = m.changes;
  if (!c) return null;
  const list = (title: string, lines: typeof c.newlyMet) => (
    <>
      <h3>
        {title} ({lines.length})
      </h3>
      {lines.length === 0 ? (
        <p class="muted small">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Item</th>
              <th>Before</th>
              <th>Now</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr>
                <td>
                  <span class="mono">{l.itemId}</span> {l.title}
                </td>
                <td>{l.before ? <Verdict v={l.before} /> : 'new item'}</td>
                <td>
                  <Verdict v={l.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
  return (
    <section class="block part-start" id="changes">
      <h2 class="part">6. Changes since the previous assessment</h2>
      <p>
        Compared with the assessment of {dateTime(c.previousGeneratedAt)}: readiness {c.readinessBefore.met}/{c.readinessBefore.applicable} →{' '}
        {m.glance.readiness.met}/{m.glance.readiness.applicable}. {c.newFailures} new failing result(s), {c.fixedFailures} fixed.
      </p>
      {list('Newly met', c.newlyMet)}
      {list('Newly failing', c.newlyFailing)}
      {list('Other verdict changes', c.otherChanges)}
      <h3>Evidence expiring within 90 days ({c.evidenceExpiring.length})</h3>
      {c.evidenceExpiring.length === 0 ? (
        <p class="muted small">None.</p>
      ) : (
        <ul>
          {c.evidenceExpiring.map((e) => (
            <li>
              <span class="mono">{e.itemId}</span> {e.title}: {e.expired ? 'expired' : 'expires'} {day(e.expires)} ({e.owner})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const Provenance: FC<{ m: ReportModel; n: number; opts: HtmlOptions }> = ({ m, n, opts }) => (
  <section class="block part-start" id="provenance">
    <h2 class="part">{n}. How this report was produced</h2>
    <p>
      {m.tool.name} {m.tool.version} scanned {m.scope.accounts.length} account(s) in {m.scope.regions.length} region(s) read-only as{' '}
      <span class="mono">{m.scope.principal}</span> from {dateTime(m.scope.scanStartedAt)} to {dateTime(m.scope.scanFinishedAt)}, then
      evaluated the snapshot (schema {m.scope.snapshotSchemaVersion}) against the catalog <span class="mono">{m.framework.id}</span>{' '}
      {m.framework.version} (AWS checklist {m.framework.checklistVersion}, released {m.framework.releaseDate}) for the delivery category{' '}
      {DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory}. Report schema {m.reportSchemaVersion}, generated {dateTime(m.generatedAt)}.
    </p>
    <p class="small muted">
      Verdicts: Met = the required checks pass and any evidence the item asks for is attested; Not met = a required check fails or the
      answer is no; Needs evidence = a person must confirm and attach evidence, or show another accepted way when an evidence check fails;
      Unknown = the scanner could not read a required check (never counted as a pass); Not applicable = excluded by the delivery category,
      a gating question or a not-applicable attestation. Advisory checks never change a verdict (see {HARDENING_TITLE.toLowerCase()}).
    </p>
    <h3>What the scan could not see ({m.collectionErrors.length})</h3>
    {m.collectionErrors.length === 0 ? (
      <p class="muted small">Every read succeeded.</p>
    ) : (
      <DataTable
        opts={opts}
        head={[{ label: 'Account' }, { label: 'Region' }, { label: 'Call' }, { label: 'Kind' }, { label: 'Meaning' }]}
        rows={m.collectionErrors.map(
          (e): DRow => ({
            a: e.accountId,
            c: [
              { t: e.accountId, c: 'mono' },
              { t: e.region },
              { t: `${e.service}:${e.operation}`, c: 'mono small' },
              { t: e.kind },
              { t: describeCollectionError(e), c: 'wrap small' },
            ],
          }),
        )}
      />
    )}
  </section>
);

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

export const ReportPage: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta http-equiv="Content-Security-Policy" content={CSP} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content={`${m.tool.name} ${m.tool.version}`} />
      <title>{`${m.framework.title} — readiness report${m.scope.name ? ` — ${m.scope.name}` : ''}`}</title>
      <style>{raw(STYLES)}</style>
    </head>
    <body>
      <Cover m={m} />
      <div class="layout">
        <Toc m={m} />
        <main>
          {opts.mode === 'screen' ? <Filters m={m} /> : null}
          <Glance m={m} />
          <Resources m={m} opts={opts} />
          <div id="details">
            {m.sections.map((s, i) => (
              <Section s={s} n={i + 1} opts={opts} m={m} />
            ))}
          </div>
          <Hardening m={m} opts={opts} />
          <SelfAssessment m={m} />
          <Changes m={m} />
          <Provenance m={m} n={m.changes ? 7 : 6} opts={opts} />
          <footer class="prov">
            Generated by {m.tool.name} {m.tool.version} on {dateTime(m.generatedAt)} · {m.framework.checklistVersion}
          </footer>
        </main>
      </div>
      {opts.mode === 'screen' ? <script>{raw(SCRIPT)}</script> : null}
    </body>
  </html>
);
