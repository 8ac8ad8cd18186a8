/**
 * Assessment: the report's content, live. The report's own components (src/report/html/components) render
 * the glance, resources with costs, the sections with their items, hardening, the self-assessment and the
 * changes; the dashboard adds server-side filters (section, account, region, verdict, severity: query
 * parameters, swapped in place by htmx) and exports through the report renderers.
 */
import type { FC } from 'hono/jsx';
import { ITEM_VERDICTS } from '../../core/assessment.js';
import { SEVERITIES } from '../../core/finding.js';
import { dateTime, VERDICT_LABEL } from '../../report/format.js';
import { Changes } from '../../report/html/components/changes.js';
import { Glance } from '../../report/html/components/glance.js';
import { Hardening } from '../../report/html/components/hardening.js';
import { Verdict } from '../../report/html/components/primitives.js';
import { Resources } from '../../report/html/components/resources.js';
import { Section } from '../../report/html/components/section.js';
import { SelfAssessment } from '../../report/html/components/self-assessment.js';
import type { HtmlOptions } from '../../report/html/options.js';
import type { FindingRow, ReportItem, ReportModel, ReportSection } from '../../report/model.js';
import type { StoredAssessment } from '../../store/repositories/assessments.js';
import { exportHref, itemHref } from '../paths.js';

export interface AssessmentFilter {
  readonly section: string;
  readonly account: string;
  readonly region: string;
  readonly verdict: string;
  readonly severity: string;
}

export const EXPORTS: readonly { readonly format: string; readonly label: string }[] = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'md', label: 'Markdown' },
  { format: 'csv', label: 'CSV (findings)' },
  { format: 'csv-resources', label: 'CSV (resources)' },
  { format: 'json', label: 'JSON' },
  { format: 'ocsf', label: 'OCSF' },
  { format: 'asff', label: 'ASFF' },
  { format: 'junit', label: 'JUnit' },
];

export function readFilter(query: (name: string) => string | undefined): AssessmentFilter {
  const get = (name: string) => (query(name) ?? '').slice(0, 200);
  return { section: get('section'), account: get('account'), region: get('region'), verdict: get('verdict'), severity: get('severity') };
}

const rowMatches = (f: AssessmentFilter) => (row: FindingRow) =>
  (!f.account || row.accountId === f.account) && (!f.region || (row.region ?? 'global') === f.region) && (!f.severity || row.severity === f.severity);

/** The sections and items the filter keeps; an item's finding rows are narrowed to the account/region/severity. */
export function filterSections(m: ReportModel, f: AssessmentFilter): ReportSection[] {
  const narrowsRows = f.account !== '' || f.region !== '' || f.severity !== '';
  const keepItem = (item: ReportItem): ReportItem | null => {
    if (f.verdict && item.verdict !== f.verdict) return null;
    if (f.account && !item.accounts.includes(f.account)) return null;
    if (!narrowsRows) return item;
    const attention = item.attention.filter(rowMatches(f));
    const passingSample = item.passingSample.filter(rowMatches(f));
    // With a severity filter, an item is kept for its own severity or for matching rows.
    if (attention.length === 0 && passingSample.length === 0 && !(f.severity && item.severity === f.severity && !f.account && !f.region)) return null;
    return { ...item, attention, passingSample };
  };
  return m.sections
    .filter((s) => s.kind === 'checklist' && (!f.section || s.id === f.section))
    .map((s) => ({ ...s, items: s.items.map(keepItem).filter((i): i is ReportItem => i !== null) }))
    .filter((s) => s.items.length > 0);
}

const Select: FC<{ name: string; label: string; value: string; options: readonly { value: string; label: string }[] }> = ({ name, label, value, options }) => (
  <label>
    {label}{' '}
    <select name={name}>
      <option value="">All</option>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
);

export const AssessmentResults: FC<{ id: number; m: ReportModel; f: AssessmentFilter }> = ({ id, m, f }) => {
  const sections = filterSections(m, f);
  const items = sections.flatMap((s) => s.items);
  const opts: HtmlOptions = { mode: 'screen' };
  return (
    <div id="results">
      <section class="block">
        <h2 class="part">Items ({items.length})</h2>
        {items.length === 0 ? (
          <p class="muted">No item matches the filters.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Item</th>
                <th>Area</th>
                <th>Severity</th>
                <th>Verdict</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td>
                    <a class="mono" href={itemHref(id, i.itemId)}>
                      {i.itemId}
                    </a>{' '}
                    {i.title}
                  </td>
                  <td>{i.area}</td>
                  <td>{i.severity && i.verdict !== 'MET' ? <span class={`badge sev sev-${i.severity}`}>{i.severity}</span> : null}</td>
                  <td>
                    <Verdict v={i.verdict} />
                  </td>
                  <td class="wrap small">{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div id="details">
        {sections.map((s, n) => (
          <Section s={s} n={n + 1} opts={opts} m={m} />
        ))}
      </div>
    </div>
  );
};

export const AssessmentPage: FC<{ stored: StoredAssessment; m: ReportModel; f: AssessmentFilter; path: string }> = ({ stored, m, f, path }) => {
  const opts: HtmlOptions = { mode: 'screen' };
  const regions = [...new Set([...m.scope.regions, 'global'])];
  return (
    <>
      <h1>
        Assessment #{stored.id}: {m.framework.title}
        {m.scope.name ? ` — scope ${m.scope.name}` : ''}
      </h1>
      <p class="small muted">
        Generated {dateTime(stored.generatedAt)} from scan {stored.scanId === null ? '(not stored)' : `#${stored.scanId}`} · {stored.delivery} · recorded by{' '}
        {stored.recordedBy} ({stored.source})
      </p>
      <p class="exports small">
        <strong>Export: </strong>
        {EXPORTS.map((e) => (
          <a href={exportHref(stored.id, e.format)} download>
            {e.label}
          </a>
        ))}
      </p>
      <Glance m={m} />
      <div class="filters" id="filters" role="search">
        <form method="get" action={path} hx-get={path} hx-target="#results" hx-select="#results" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change">
          <Select name="section" label="Section" value={f.section} options={m.sections.filter((s) => s.kind === 'checklist').map((s) => ({ value: s.id, label: s.area }))} />
          <Select name="account" label="Account" value={f.account} options={m.accounts.map((a) => ({ value: a, label: a }))} />
          <Select name="region" label="Region" value={f.region} options={regions.map((r) => ({ value: r, label: r }))} />
          <Select name="verdict" label="Verdict" value={f.verdict} options={ITEM_VERDICTS.map((v) => ({ value: v, label: VERDICT_LABEL[v] }))} />
          <Select name="severity" label="Severity" value={f.severity} options={SEVERITIES.map((s) => ({ value: s, label: s }))} />
          <button type="submit" class="secondary">
            Apply
          </button>
          <a href={path}>Reset</a>
        </form>
      </div>
      <AssessmentResults id={stored.id} m={m} f={f} />
      <Resources m={m} opts={opts} />
      <Hardening m={m} opts={opts} />
      <SelfAssessment m={m} />
      <Changes m={m} />
    </>
  );
};
