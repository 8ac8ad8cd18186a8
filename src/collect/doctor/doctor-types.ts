/**
 * What `ftr doctor` reports: one line per probe, each OK / WARN / FAIL with what it found, what it costs the
 * assessment and the exact fix. The probes only say which reads or accounts are lost (`DoctorImpact`); the CLI
 * turns that into checklist items, because only it may look at the checks and the catalogs.
 */

export type DoctorStatus = 'OK' | 'WARN' | 'FAIL';

export const DOCTOR_LINE_IDS = [
  'credentials',
  'organization',
  'trusted-access',
  'member-roles',
  'regions',
  'sample-reads',
  'cost-explorer',
  'resource-costs',
  'support',
] as const;
export type DoctorLineId = (typeof DOCTOR_LINE_IDS)[number];

export interface DoctorImpact {
  /** IAM actions that could not be read: every check that reads one goes UNKNOWN where it failed. */
  readonly unreadableActions: readonly string[];
  /** Accounts the scan cannot enter: every check goes UNKNOWN for them. */
  readonly unreachableAccounts: readonly string[];
  /** Regions in which reads are denied for some accounts (e.g. an SCP region restriction). */
  readonly deniedRegions: readonly string[];
  /** Anything else the report loses (costs, ...), in words. */
  readonly note: string | null;
}

export interface DoctorLine {
  readonly id: DoctorLineId;
  readonly title: string;
  readonly status: DoctorStatus;
  /** What was found, in one or two sentences. */
  readonly detail: string;
  readonly impact: DoctorImpact;
  /** The exact fix: a console path and/or a CLI command. Null when nothing needs fixing. */
  readonly fix: string | null;
}

export interface DoctorReport {
  readonly principal: { readonly arn: string; readonly accountId: string } | null;
  readonly lines: readonly DoctorLine[];
}

export const NO_IMPACT: DoctorImpact = { unreadableActions: [], unreachableAccounts: [], deniedRegions: [], note: null };

export function impact(partial: Partial<DoctorImpact>): DoctorImpact {
  return { ...NO_IMPACT, ...partial };
}
