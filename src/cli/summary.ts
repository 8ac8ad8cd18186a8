/** The terminal summary printed after scan/evaluate/demo: one row per checklist item, then totals. */
import type { Assessment } from '../core/assessment.js';

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function formatSummary(assessment: Assessment): string {
  const lines: string[] = [];
  const { framework, scope, summary } = assessment;
  lines.push(`${framework.title} (catalog ${framework.version}, checklist ${framework.checklistVersion})`);
  lines.push(
    `Scope: ${scope.accounts.length} account(s), ${scope.regions.length} region(s), delivery ${assessment.deliveryCategory}, principal ${scope.principal}`,
  );
  if (!scope.snapshotComplete) lines.push('WARNING: the scan was incomplete; missing data shows as UNKNOWN.');
  lines.push('');
  lines.push(`${pad('Item', 10)} ${pad('Title', 52)} ${pad('Verdict', 15)} PASS  FAIL  MANUAL  N/A  UNKNOWN`);
  for (const item of assessment.items) {
    const c = item.findingCounts;
    lines.push(
      `${pad(item.itemId, 10)} ${pad(item.title, 52)} ${pad(item.verdict, 15)} ${String(c.PASS).padStart(4)}  ${String(c.FAIL).padStart(4)}  ${String(c.MANUAL).padStart(6)}  ${String(c.NOT_APPLICABLE).padStart(3)}  ${String(c.UNKNOWN).padStart(7)}`,
    );
  }
  lines.push('');
  const f = summary.findings;
  lines.push(
    `Findings: ${f.PASS} PASS, ${f.FAIL} FAIL, ${f.MANUAL} MANUAL, ${f.NOT_APPLICABLE} NOT_APPLICABLE, ${f.UNKNOWN} UNKNOWN`,
  );
  const i = summary.items;
  lines.push(
    `Items: ${i.MET} MET, ${i.NOT_MET} NOT_MET, ${i.NEEDS_EVIDENCE} NEEDS_EVIDENCE, ${i.UNKNOWN} UNKNOWN, ${i.NOT_APPLICABLE} NOT_APPLICABLE` +
      ` — readiness ${summary.readiness.met}/${summary.readiness.applicable} applicable items met`,
  );
  if (assessment.collectionErrors.length > 0) {
    lines.push(`${assessment.collectionErrors.length} read(s) failed (access denied, unsupported, throttled...): see collectionErrors in assessment.json.`);
  }
  return lines.join('\n');
}
