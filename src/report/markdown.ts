/**
 * Markdown output for a pull request or a wiki (GitHub-flavoured). Untrusted text is escaped so it can
 * neither break a table nor inject HTML or links: `<`, `>`, `&`, `|`, backslash, markdown punctuation,
 * and newlines (folded to spaces).
 */
import { CHECK_STATUSES } from '../core/finding.js';
import { ITEM_VERDICTS } from '../core/assessment.js';
import {
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
} from './format.js';
import { accountLabel, type ReportModel } from './model.js';
import { evidenceText } from './evidence.js';
import { costSourceShort, costSourceText, monthOverMonth } from './format.js';

/** Escapes untrusted text for inline Markdown (table cells included). */
export function mdText(value: string): string {
  return value
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1');
}

/**
 * Every value that comes from the assessment file goes through one of these, labels and numbers included:
 * a malformed or hostile file may put any text where a date, a severity or a count belongs.
 */
const md = (value: unknown): string =>
  mdText(typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? ''));
const num = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : md(value));
const label = (labels: Readonly<Record<string, string>>, key: unknown): string => md(typeof key === 'string' ? (labels[key] ?? key) : key);
/** A date as `2026-11-02 09:30 UTC`; anything else (dateTime returns a non-date as it is) escaped. */
const when = (iso: unknown): string => {
  const text = typeof iso === 'string' ? dateTime(iso) : '';
  return /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(text) ? text : md(iso);
};
const onDay = (iso: unknown): string => {
  const text = typeof iso === 'string' ? day(iso) : '';
  return /^\d{4}-\d\d-\d\d$/.test(text) ? text : md(iso);
};

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const head = (cells: readonly string[]): string[] => [row(cells), row(cells.map(() => '---'))];

export interface MarkdownOptions {
  /** Rows per long list (attention resources per item, resources). */
  readonly rowLimit?: number;
}

export function renderMarkdown(m: ReportModel, options: MarkdownOptions = {}): string {
  const limit = options.rowLimit ?? 50;
  const out: string[] = [];
  const g = m.glance;
  out.push(`# ${mdText(m.framework.title)}: readiness report${m.scope.name ? ` — ${mdText(m.scope.name)}` : ''}`);
  if (m.caseStudy) out.push('', `Case study: **${mdText(m.caseStudy.name)}**`);
  out.push(
    '',
    `Generated ${when(m.generatedAt)} by ${mdText(`${m.tool.name} ${m.tool.version}`)} · catalog ${mdText(`${m.framework.id} ${m.framework.version}`)} · AWS checklist ${mdText(m.framework.checklistVersion)} · ${label(DELIVERY_LABEL, m.deliveryCategory)}`,
    '',
    '## 1. At a glance',
    '',
    `**Readiness: ${num(g.readiness.met)} of ${num(g.readiness.applicable)} applicable items met (${num(g.readiness.percent)}%).**`,
    '',
    ...head(ITEM_VERDICTS.map((v) => VERDICT_LABEL[v])),
    row(ITEM_VERDICTS.map((v) => num(g.verdicts[v]))),
    '',
    `Automated results: ${CHECK_STATUSES.map((s) => `${num(g.findings[s])} ${STATUS_LABEL[s].toLowerCase()}`).join(', ')}.`,
    '',
    `${HARDENING_TITLE} (section 4): ${num(m.hardening.failing)} failing advisory result(s); they never change a verdict.`,
    '',
    '### Status per section',
    '',
    ...head(['Section', 'Status', 'Met', 'Applicable']),
    ...g.sections.map((s) =>
      row([mdText(s.area), label(SECTION_LABEL, s.status), num(s.counts.MET), num(ITEM_VERDICTS.reduce((n, v) => n + s.counts[v], 0) - s.counts.NOT_APPLICABLE)]),
    ),
    '',
    `### Blockers to fix before submission (${num(g.blockers.length)})`,
    '',
  );
  if (g.blockers.length === 0) out.push('None: every applicable item is met.');
  else {
    out.push(...head(['#', 'Severity', 'Item', 'Verdict', 'Why']));
    for (const b of g.blockers) out.push(row([num(b.rank), md(b.severity), `${mdText(b.itemId)} ${mdText(b.title)}`, label(VERDICT_LABEL, b.verdict), mdText(b.reason)]));
  }
  out.push('', `### Attestations expiring within 90 days (${num(g.expiring.length)})`, '');
  if (g.expiring.length === 0) out.push('None.');
  for (const e of g.expiring) out.push(`- ${mdText(e.itemId)} ${mdText(e.title)}: ${e.expired ? 'expired' : 'expires'} ${onDay(e.expires)} (${mdText(e.owner)})`);
  out.push(
    '',
    '### Scope',
    '',
    `- Accounts (${m.scope.accounts.length}): ${m.scope.accounts.map((a) => md(accountLabel(m, a))).join(', ')}`,
    `- Regions (${m.scope.regions.length}): ${m.scope.regions.map(md).join(', ')}`,
    `- Principal: ${mdText(m.scope.principal)}`,
    `- Scan: ${when(m.scope.scanStartedAt)} to ${when(m.scope.scanFinishedAt)}${m.scope.snapshotComplete ? '' : ' (incomplete)'}`,
  );

  const r = m.resources;
  out.push('', '## 2. Attached resources and costs', '');
  out.push(
    `${num(r.count)} resources. Last full month${r.period ? ` (${onDay(r.period.start)} to ${onDay(r.period.end)})` : ''}: ${r.total.amount === null ? 'unknown' : md(money(r.total.amount, r.currency))}${r.total.complete ? '' : ' (accounts with unknown costs excluded)'}.`,
    '',
    ...head(['Account', 'Last full month', ...(r.previousPeriod ? ['vs. month before'] : []), 'Top services', 'Source']),
    ...r.accountTotals.map((a) =>
      row([
        md(accountLabel(m, a.accountId)),
        a.status === 'known' ? md(money(a.amount, r.currency)) : `unknown: ${mdText(a.reason)}`,
        ...(r.previousPeriod ? [a.status === 'known' ? md(monthOverMonth(a.amount, a.previousAmount ?? null, r.currency)) : ''] : []),
        a.status === 'known' ? (a.topServices ?? []).map((t) => mdText(`${t.key} ${money(t.amount, r.currency)}`)).join('; ') : '',
        md(costSourceShort(a)),
      ]),
    ),
    '',
  );
  const sourceLine = costSourceText(r.accountTotals, (id) => accountLabel(m, id));
  if (sourceLine) out.push(mdText(sourceLine), '');
  if (r.itemised?.status === 'unknown') {
    out.push(`Itemised per resource: unknown. ${mdText(r.itemised.reason)} To enable it: ${mdText(r.itemised.howToEnable)}`, '');
  } else if (r.itemised) {
    out.push(`Itemised per resource (est. monthly): ${md(money(r.itemised.amount, r.currency))} over ${num(r.itemised.resources)} resources with a known cost.`, '');
  }
  if (r.serviceTotals.length > 0) {
    out.push(...head(['Service', 'Last full month']), ...r.serviceTotals.map((s) => row([mdText(s.key), md(money(s.amount, r.currency))])), '');
  }
  out.push(...head(['Account', 'Region', 'Type', 'Name / ID', 'Tags', 'Monthly cost']));
  for (const res of r.rows.slice(0, limit)) {
    out.push(
      row([
        md(accountLabel(m, res.accountId)),
        mdText(res.region ?? 'global'),
        mdText(res.resourceType),
        `${res.name ? `${mdText(res.name)} ` : ''}${mdText(res.resourceId)}`,
        Object.entries(res.tags).map(([k, v]) => mdText(`${k}=${v}`)).join(', '),
        md(costText(res.cost, r.currency)),
      ]),
    );
  }
  if (r.rows.length > limit) out.push('', `${limit} of ${num(r.rows.length)} resources listed; the full list is in the CSV and XLSX reports.`);

  out.push('', '## 3. Detail sections');
  m.sections.forEach((s, i) => {
    out.push('', `### 3.${i + 1} ${mdText(s.area)} — ${label(SECTION_LABEL, s.status)}`, '');
    if (s.note) out.push(mdText(s.note), '');
    if (s.relatedItems.length > 0) out.push(`See ${s.relatedItems.map(mdText).join(', ')}.`, '');
    for (const f of s.relatedFindings.slice(0, limit)) out.push(`- ${label(STATUS_LABEL, f.status)}: ${mdText(f.message)}`);
    for (const item of s.items) {
      out.push('', `#### ${mdText(item.itemId)} ${mdText(item.title)} — ${label(VERDICT_LABEL, item.verdict)}`, '', `Why: ${mdText(item.reason)}`);
      if (item.alternatives.length > 0 && item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE') {
        out.push('', 'The checklist accepts any of these ways:', '', ...item.alternatives.map((a, n) => `${n + 1}. **${mdText(a.way)}**: ${mdText(a.how)}`));
      }
      if (item.checks.length > 0) {
        out.push('', ...head(['Check', 'Role', 'Why this role', 'Severity', ...CHECK_STATUSES.map((st) => STATUS_LABEL[st])]));
        for (const c of item.checks) {
          out.push(
            row([
              mdText(c.id),
              c.role ? label(ROLE_LABEL, c.role) : 'not recorded',
              mdText(c.rationale ?? ''),
              md(c.severity),
              ...CHECK_STATUSES.map((st) => num(c.counts[st])),
            ]),
          );
        }
      }
      if (item.attention.length > 0) {
        out.push('', `Resources that need attention (${num(item.attention.length)}):`, '');
        for (const f of item.attention.slice(0, limit)) {
          out.push(`- **${label(STATUS_LABEL, f.status)}** ${md(accountLabel(m, f.accountId))}/${mdText(f.region ?? 'global')} ${mdText(f.resourceId)}: ${mdText(f.message)}`);
          const evidence = evidenceText(f.evidence);
          if (evidence) out.push(`  - Evidence: ${mdText(evidence)}`);
        }
        if (item.attention.length > limit) out.push(`- … and ${item.attention.length - limit} more (see the findings CSV).`);
      }
      const a = item.attestation;
      if (a) {
        out.push(
          '',
          `Attestation: "${mdText(a.answer)}" by ${mdText(a.owner)} on ${onDay(a.date)}${a.expires ? `, ${a.expired ? 'expired' : 'valid until'} ${onDay(a.expires)}` : ''}: ${mdText(a.justification)}`,
        );
        for (const e of a.evidence) out.push(`- Evidence (${md(e.kind)}): ${mdText(e.ref)}`);
      }
      if (item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE') {
        for (const c of item.checks.filter((x) => x.role !== 'advisory' && x.remediation && (x.counts.FAIL > 0 || x.counts.UNKNOWN > 0 || x.counts.MANUAL > 0))) {
          const rem = c.remediation;
          if (!rem) continue;
          out.push('', `Remediation (${mdText(c.id)}): ${mdText(rem.summary)}`);
          if (rem.console) out.push('', `Console: ${mdText(rem.console)}`);
          if (rem.cli) out.push('', '```sh', rem.cli.replace(/```/g, '` ` `'), '```');
          if (rem.cloudformation) out.push('', 'CloudFormation:', '', '```yaml', rem.cloudformation.replace(/```/g, '` ` `'), '```');
          if (rem.terraform) out.push('', 'Terraform:', '', '```hcl', rem.terraform.replace(/```/g, '` ` `'), '```');
          if (rem.iac && !rem.cloudformation && !rem.terraform) out.push('', '```', rem.iac.replace(/```/g, '` ` `'), '```');
        }
      }
    }
  });

  const h = m.hardening;
  out.push(
    '',
    `## 4. ${HARDENING_TITLE}`,
    '',
    `These checks go beyond what the checklist asks and never change a verdict. Roles: required: ${ROLE_MEANING.required}; evidence: ${ROLE_MEANING.evidence}; advisory: ${ROLE_MEANING.advisory}.`,
    '',
  );
  if (h.checks.length === 0) out.push('No advisory check in this assessment.');
  else {
    out.push(...head(['Severity', 'Check', 'Advisory for', ...(['FAIL', 'UNKNOWN', 'PASS'] as const).map((st) => STATUS_LABEL[st])]));
    for (const c of h.checks) {
      const why = c.items.map((i) => `${mdText(i.itemId)}: ${mdText(i.rationale)}`).join('; ');
      out.push(row([md(c.severity), mdText(c.id), why, num(c.counts.FAIL), num(c.counts.UNKNOWN), num(c.counts.PASS)]));
    }
    if (h.findings.length > 0) {
      out.push('', `Failing advisory results (${num(h.findings.length)}):`, '');
      for (const f of h.findings.slice(0, limit)) {
        out.push(`- **${md(f.severity)}** ${mdText(f.checkId)} ${md(accountLabel(m, f.accountId))}/${mdText(f.region ?? 'global')} ${mdText(f.resourceId)}: ${mdText(f.message)}`);
      }
      if (h.findings.length > limit) out.push(`- … and ${h.findings.length - limit} more (see the findings CSV).`);
    }
  }

  out.push('', '## 5. Completed self-assessment', '');
  const studies = m.selfAssessment.caseStudies;
  const primary = studies[0];
  if (primary) {
    const multi = studies.length > 1;
    out.push(...head(['Item', 'Requirement', ...studies.map((cs) => (multi ? `Met (${mdText(cs.name)})` : 'Met')), 'Evidence']));
    primary.rows.forEach((rw, i) => {
      out.push(row([mdText(rw.itemId), mdText(rw.title), ...studies.map((cs) => md(cs.rows[i]?.met ?? '')), mdText(rw.evidence)]));
    });
  }

  if (m.changes) {
    const c = m.changes;
    out.push(
      '',
      '## 6. Changes since the previous assessment',
      '',
      `Previous assessment: ${when(c.previousGeneratedAt)}. Readiness ${num(c.readinessBefore.met)}/${num(c.readinessBefore.applicable)} → ${num(g.readiness.met)}/${num(g.readiness.applicable)}. ${num(c.newFailures)} new failing result(s), ${num(c.fixedFailures)} fixed.`,
      '',
    );
    const list = (title: string, lines: typeof c.newlyMet): void => {
      out.push(`**${title} (${lines.length})**`, '');
      for (const l of lines) out.push(`- ${mdText(l.itemId)} ${mdText(l.title)}: ${l.before ? label(VERDICT_LABEL, l.before) : 'new'} → ${label(VERDICT_LABEL, l.after)}`);
      out.push('');
    };
    list('Newly met', c.newlyMet);
    list('Newly failing', c.newlyFailing);
    list('Other verdict changes', c.otherChanges);
    out.push(`**Evidence expiring within 90 days (${c.evidenceExpiring.length})**`, '');
    for (const e of c.evidenceExpiring) out.push(`- ${mdText(e.itemId)}: ${e.expired ? 'expired' : 'expires'} ${onDay(e.expires)}`);
  }

  out.push(
    '',
    '## How this report was produced',
    '',
    `${mdText(`${m.tool.name} ${m.tool.version}`)} scanned read-only as ${mdText(m.scope.principal)} and evaluated the snapshot (schema ${mdText(m.scope.snapshotSchemaVersion)}) against ${mdText(`${m.framework.id} ${m.framework.version}`)} (AWS checklist ${mdText(m.framework.checklistVersion)}). ${num(m.collectionErrors.length)} read(s) failed; they are listed in the HTML and JSON reports.`,
    '',
  );
  return out.join('\n');
}
