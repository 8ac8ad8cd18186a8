/**
 * The terminal summary printed after scan/evaluate/demo, for a first-time user: one row per checklist item
 * with its full id (attestations need it) and, for every item that is not met, its reason on one line; the
 * top blockers; hardening beyond the checklist; evidence that expired or expires within 90 days; what the
 * scan could not see, grouped by cause; and (formatNextSteps) the next command to run. Lines are cut to the
 * terminal width (100 columns in a pipe); the full text is in the assessment and the reports.
 */
import type { Assessment, ItemVerdict, StatusCounts } from '../core/assessment.js';
import type { CollectionError, CollectionErrorKind } from '../core/observed.js';
import { deliveryLabel } from '../evaluate/item-verdict.js';
import { accountLabel, buildReportModel } from '../report/model.js';
import { DEFAULT_DELIVERY, DEFAULT_FRAMEWORK } from './options.js';

export interface SummaryOptions {
  /** The assessment file written for this assessment; null or absent when none was written. */
  readonly file?: string | null;
  /** Several scopes (case studies) were evaluated: the heading names this one. */
  readonly multiScope?: boolean;
  /** Columns to fit; default: the terminal's width, 100 in a pipe. */
  readonly width?: number;
}

/** The terminal's width, or 100 columns when the output is not a terminal. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? Math.max(60, stream.columns) : 100;
}

/** Cuts a line to `width` characters, ending with "…" when something was cut. */
function fit(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const CAUSE: Record<CollectionErrorKind, string> = {
  access_denied: 'access denied (grant these reads: policies/ftr-scanner-policy.json)',
  unsupported: 'not available on this endpoint (an emulator, or a service missing in the region)',
  not_subscribed: 'service not enabled or not subscribed for the account',
  region_disabled: 'region not enabled for the account',
  throttled: 'throttled after retries (scan again, or lower --concurrency)',
  timeout: 'timed out',
  network: 'endpoint unreachable',
  expired_credentials: 'credentials expired during the scan',
  aborted: 'not finished: the scan was stopped',
  not_read: 'not read: posture-only region, AWS Config counts no such resource there (--deep-regions reads it)',
  other: 'other errors',
};

const CAUSE_ORDER: readonly CollectionErrorKind[] = [
  'access_denied',
  'unsupported',
  'not_subscribed',
  'region_disabled',
  'throttled',
  'timeout',
  'network',
  'expired_credentials',
  'aborted',
  'not_read',
  'other',
];

/** "a, b, c and 4 more" */
function brief(names: readonly string[], max: number): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function gapsByCause(errors: readonly CollectionError[], width: number): string[] {
  const lines: string[] = [];
  for (const kind of CAUSE_ORDER) {
    const own = errors.filter((e) => e.kind === kind);
    if (own.length === 0) continue;
    const operations = [...new Set(own.map((e) => `${e.service}:${e.operation}`))].sort();
    lines.push(fit(`  ${CAUSE[kind]}, ${plural(own.length, 'read')}:`, width), ...wrap(brief(operations, 12), width, '    ', '    '));
  }
  return lines;
}

const COUNT_HEADS = ['Pass', 'Fail', 'Manual', 'N/A', 'Unknown'] as const;
const COUNT_KEYS = ['PASS', 'FAIL', 'MANUAL', 'NOT_APPLICABLE', 'UNKNOWN'] as const;

function countCells(c: StatusCounts): string {
  return COUNT_KEYS.map((k, i) => String(c[k]).padStart(COUNT_HEADS[i]?.length ?? 4)).join(' ');
}

function scopeLine(assessment: Assessment): string {
  const { scope } = assessment;
  const coverage = scope.regionCoverage;
  const regions =
    coverage?.kind === 'requested'
      ? `${plural(scope.regions.length, 'region')} (only those asked for)`
      : coverage?.kind === 'unlisted'
        ? `${plural(scope.regions.length, 'region')} (regions of ${plural(coverage.unlistedAccounts.length, 'account')} could not be listed)`
        : plural(scope.regions.length, 'region');
  return `Scope: ${plural(scope.accounts.length, 'account')}, ${regions}, ${deliveryLabel(assessment.deliveryCategory)}`;
}

const SHOWN_VERDICT: Record<ItemVerdict, string> = {
  MET: 'MET',
  NOT_MET: 'NOT_MET',
  NEEDS_EVIDENCE: 'NEEDS_EVIDENCE',
  UNKNOWN: 'UNKNOWN',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
};

export function formatSummary(assessment: Assessment, options: SummaryOptions = {}): string {
  const width = options.width ?? 100;
  const lines: string[] = [];
  const push = (line = ''): void => {
    lines.push(fit(line, width));
  };
  const { framework, scope, summary } = assessment;
  const model = buildReportModel(assessment, { passingSampleSize: 0 });

  if (options.multiScope) {
    const caseStudy = assessment.caseStudy && assessment.caseStudy.name !== scope.name ? ` (case study: ${assessment.caseStudy.name})` : '';
    push(`== Scope "${scope.name ?? 'whole scan'}"${caseStudy}${options.file ? `, ${options.file}` : ''} ==`);
  }
  lines.push(...wrap(`${framework.title} (catalog ${framework.version}, checklist ${framework.checklistVersion})`, width, '  '));
  push(scopeLine(assessment));
  push(`Scanned as ${scope.principal}`);
  // Names next to the ids, so a reader knows which account is which (Organizations name or IAM alias).
  if (model.accountNames && Object.keys(model.accountNames).length > 0) {
    lines.push(...wrap(`Accounts: ${brief(scope.accounts.map((a) => accountLabel(model, a)), 8)}`, width, '  '));
  }
  const note = scope.regionCoverage?.note;
  if (note && (scope.regionCoverage?.kind !== 'all-enabled' || note.includes('posture-only'))) lines.push(...wrap(`Regions: ${note.charAt(0).toLowerCase()}${note.slice(1)}`, width, '  '));
  if (!scope.snapshotComplete) push('WARNING: the scan was incomplete; missing data shows as UNKNOWN.');
  const i = summary.items;
  push(
    `Readiness: ${summary.readiness.met} of ${summary.readiness.applicable} applicable items met` +
      ` (${i.NOT_MET} not met, ${i.UNKNOWN} unknown, ${i.NEEDS_EVIDENCE} need evidence; ${i.NOT_APPLICABLE} not applicable)`,
  );
  push();

  // Items: full ids (an attestation names them), then the reason of every item that is not met.
  const idWidth = Math.max(4, ...assessment.items.map((item) => item.itemId.length));
  const verdictWidth = 14;
  const head = `${'Item'.padEnd(idWidth)}  ${'Verdict'.padEnd(verdictWidth)}  ${COUNT_HEADS.join(' ')}  Title`;
  push(head);
  for (const item of assessment.items) {
    push(`${item.itemId.padEnd(idWidth)}  ${SHOWN_VERDICT[item.verdict].padEnd(verdictWidth)}  ${countCells(item.findingCounts)}  ${item.title}`);
    if (item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE') push(`  why: ${item.reason}`);
  }
  push();
  const f = summary.findings;
  lines.push(
    ...wrap(
      `Results: ${f.PASS + f.FAIL + f.MANUAL + f.NOT_APPLICABLE + f.UNKNOWN} distinct (${f.PASS} pass, ${f.FAIL} fail, ${f.MANUAL} manual, ` +
        `${f.NOT_APPLICABLE} n/a, ${f.UNKNOWN} unknown). The columns above count a result under every item it decides, ` +
        'so they add up to more than these totals; advisory results are counted only below.',
      width,
      '',
    ),
  );

  // NOT_MET and UNKNOWN items block a submission; without any, the items that still need evidence come first.
  const hard = model.glance.blockers.filter((b) => b.verdict !== 'NEEDS_EVIDENCE');
  const blockers = (hard.length > 0 ? hard : model.glance.blockers).slice(0, 5);
  if (blockers.length > 0) {
    push();
    push(`Top blockers (fix these first; ${plural(model.glance.blockers.length, 'item')} in all, ranked in the report):`);
    blockers.forEach((b, n) => push(`  ${n + 1}. [${b.severity}] ${b.itemId} ${b.verdict}: ${b.reason}`));
  }

  const hardening = model.hardening.checks.filter((c) => c.counts.FAIL > 0);
  if (hardening.length > 0) {
    push();
    push(`Hardening beyond the checklist (advisory: never changes a verdict; ${plural(model.hardening.failing, 'failing result')}):`);
    const checkWidth = Math.max(...hardening.map((c) => c.id.length));
    for (const c of hardening) {
      push(`  ${c.severity.padEnd(8)} ${c.id.padEnd(checkWidth)}  ${String(c.counts.FAIL).padStart(4)} failing  for ${c.items.map((x) => x.itemId).join(', ')}`);
    }
  }

  const expiring = model.glance.expiring;
  if (expiring.length > 0) {
    push();
    push('Evidence expired or expiring within 90 days:');
    for (const e of expiring) {
      push(`  ${e.itemId}: ${e.expired ? `expired ${e.expires.slice(0, 10)}` : `expires ${e.expires.slice(0, 10)} (${plural(e.daysLeft, 'day')} left)`}, owner ${e.owner}`);
    }
  }

  const errors = assessment.collectionErrors;
  if (errors.length > 0) {
    push();
    push(`What the scan could not see (${plural(errors.length, 'failed read')}), by cause:`);
    lines.push(...gapsByCause(errors, width));
    if (options.file) push(`  Every failed read: collectionErrors in ${options.file}`);
  }
  return lines.join('\n');
}

/** Splits a long paragraph into lines of at most `width` characters, at spaces; continuation lines get `indent`. */
function wrap(text: string, width: number, indent: string, firstIndent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? `${out.length === 0 ? firstIndent : indent}${word}` : `${line} ${word}`;
    if (next.length > width && line !== '') {
      out.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  if (line !== '') out.push(fit(line, width));
  return out;
}

export interface NextStepContext {
  /** The command that just ran. */
  readonly command: 'scan' | 'evaluate';
  /** The snapshot evaluated (scan writes one into its --out). */
  readonly snapshotPath?: string | null;
  /** The assessment files written, one per scope; empty when none (demo without --out). */
  readonly files: readonly string[];
  /** Whether report formats were written already. */
  readonly reportsWritten: boolean;
  readonly width?: number;
}

/** The commands to run next, chosen from what the assessments still lack. Commands are never cut. */
export function formatNextSteps(assessments: readonly Assessment[], context: NextStepContext): string {
  const first = assessments[0];
  if (!first) return '';
  const steps: { why: string; command?: string }[] = [];
  const q = (path: string): string => (/^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);
  const denied = assessments.some((a) => a.collectionErrors.some((e) => e.kind === 'access_denied'));
  const attested = assessments.some((a) => a.items.some((item) => item.attestation));
  const needsEvidence = assessments.some((a) => a.summary.items.NEEDS_EVIDENCE > 0);
  // Flags only when they differ from the defaults, so the command stays short.
  const flags = [
    first.framework.id === DEFAULT_FRAMEWORK ? '' : ` --framework ${first.framework.id}`,
    first.deliveryCategory === DEFAULT_DELIVERY ? '' : ` --delivery ${first.deliveryCategory}`,
  ].join('');
  if (denied) steps.push({ why: 'Grant the denied reads (policies/ftr-scanner-policy.json), then scan again.' });
  if (needsEvidence && !attested) {
    steps.push({ why: 'Answer the items a person must confirm (writes ftr-attestations.yaml):', command: `ftr attest init${flags}` });
    if (context.snapshotPath) steps.push({ why: 'Evaluate again with the answers:', command: `ftr evaluate ${q(context.snapshotPath)}${flags}` });
  } else if (needsEvidence && context.snapshotPath) {
    steps.push({ why: 'Complete ftr-attestations.yaml, then evaluate again:', command: `ftr evaluate ${q(context.snapshotPath)}${flags}` });
  }
  const file = context.files[0];
  if (!context.reportsWritten && file) steps.push({ why: 'Read every reason and remediation in the report:', command: `ftr report ${q(file)} --format html` });
  if (steps.length === 0) return '';
  const width = context.width ?? 100;
  const lines = ['Next:'];
  steps.forEach((step, n) => {
    lines.push(fit(`  ${n + 1}. ${step.why}`, width));
    if (step.command) lines.push(`     ${step.command}`);
  });
  return lines.join('\n');
}
