/**
 * `ftr doctor`: runs the probes (src/collect/doctor) with the scan's connection options and prints one line
 * per probe: OK / WARN / FAIL, what it found, what it costs the assessment (the checks and checklist items that
 * go UNKNOWN, derived from the checks' `reads` and the catalog) and the exact fix. Exit code for CI:
 * 0 when no line is FAIL (WARN lines allowed), DOCTOR_FAILED_EXIT when at least one is.
 */
import type { DoctorLine, DoctorReport } from '../../collect/doctor/doctor-types.js';
import { runDoctor, type DoctorOptions } from '../../collect/doctor/run-doctor.js';
import type { Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { automatedItemIds, impactOfUnreadableActions } from '../../permissions/impact.js';

/** Distinct from the scan's codes (1 fail-on, 2 usage, 3 credentials, 4 incomplete, 70, 130). */
export const DOCTOR_FAILED_EXIT = EXIT.doctorFailed;

export interface DoctorCommandOptions extends DoctorOptions {
  readonly framework: Framework;
  readonly json: boolean;
}

export interface LineCost {
  readonly checkIds: readonly string[];
  readonly itemIds: readonly string[];
  readonly text: string;
}

/** What a line costs the assessment, in words and as ids. */
export function lineCost(line: DoctorLine, framework: Framework): LineCost {
  const { unreadableActions, unreachableAccounts, note } = line.impact;
  const parts: string[] = [];
  const checkIds = new Set<string>();
  const itemIds = new Set<string>();
  if (unreachableAccounts.length > 0) {
    const automated = automatedItemIds(framework);
    automated.forEach((id) => itemIds.add(id));
    parts.push(
      `every check goes UNKNOWN for ${unreachableAccounts.length} account(s) (${short(unreachableAccounts, 6)}), ` +
        `so all ${automated.length} automated items of ${framework.id} can go UNKNOWN`,
    );
  }
  if (unreadableActions.length > 0) {
    const lost = impactOfUnreadableActions(framework, unreadableActions);
    lost.checkIds.forEach((id) => checkIds.add(id));
    lost.itemIds.forEach((id) => itemIds.add(id));
    if (lost.checkIds.length > 0) {
      parts.push(
        `${lost.checkIds.length === 1 ? 'check' : 'checks'} ${short(lost.checkIds, 6)} ${lost.checkIds.length === 1 ? 'goes' : 'go'} UNKNOWN where the read fails` +
          (lost.itemIds.length > 0 ? `; items that can go UNKNOWN: ${short(lost.itemIds, 12)}` : `; no ${framework.id} item uses them`),
      );
    } else if (!note) parts.push(`no check reads ${short(unreadableActions, 4)}`);
  }
  if (note) parts.push(note);
  return { checkIds: [...checkIds].sort(), itemIds: [...itemIds], text: parts.length > 0 ? parts.join('. ') : 'nothing' };
}

function short(values: readonly string[], max: number): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

/** Word-wraps `text` to `width` columns, indenting continuation lines. */
function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join(`\n${indent}`);
}

export function formatDoctorReport(report: DoctorReport, framework: Framework): string {
  const width = 104;
  const indent = ' '.repeat(6);
  const out: string[] = [
    report.principal ? `ftr doctor: ${report.principal.arn} (account ${report.principal.accountId}), catalog ${framework.id}` : 'ftr doctor',
    '',
  ];
  for (const line of report.lines) {
    out.push(`${line.status.padEnd(5)} ${wrap(`${line.title}: ${line.detail}`, width - 6, indent)}`);
    if (line.status !== 'OK') {
      out.push(`${indent}costs: ${wrap(lineCost(line, framework).text, width - 13, `${indent}       `)}`);
      if (line.fix) out.push(`${indent}fix:   ${wrap(line.fix, width - 13, `${indent}       `)}`);
    }
  }
  const count = (s: DoctorLine['status']) => report.lines.filter((l) => l.status === s).length;
  const fails = count('FAIL');
  out.push(
    '',
    `${fails} FAIL, ${count('WARN')} WARN, ${count('OK')} OK.` +
      (fails > 0
        ? ` Exit code ${DOCTOR_FAILED_EXIT}: fix the FAIL lines before scanning.`
        : count('WARN') > 0
          ? ' Ready to scan; the WARN lines say what the assessment will lack.'
          : ' Ready to scan.'),
  );
  return `${out.join('\n')}\n`;
}

export function doctorExitCode(report: DoctorReport): number {
  return report.lines.some((l) => l.status === 'FAIL') ? DOCTOR_FAILED_EXIT : 0;
}

export async function doctorCommand(options: DoctorCommandOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const report = await runDoctor(options);
  const exitCode = doctorExitCode(report);
  if (options.json) {
    const lines = report.lines.map((l) => ({ ...l, costs: lineCost(l, options.framework) }));
    write(`${JSON.stringify({ principal: report.principal, framework: options.framework.id, lines, exitCode }, null, 2)}\n`);
  } else {
    write(formatDoctorReport(report, options.framework));
  }
  return exitCode;
}
