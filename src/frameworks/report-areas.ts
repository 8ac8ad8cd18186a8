/**
 * Report areas: the headings an FTR report is organised under. They follow the 14 detail sections of the nOps
 * sample FTR report (seed 000), which reviewers know, plus the three areas the current checklist added and
 * nOps lacks (Hosting, Operational security, Network security). Catalog sections name one of these in
 * `FrameworkSection.reportArea`.
 */

export interface ReportAreaInfo {
  readonly name: string;
  /** The section number in the nOps sample report, or null for areas nOps does not have. */
  readonly nopsSection: number | null;
  /** Shown when no current checklist section maps onto the area. */
  readonly note?: string;
}

export const REPORT_AREA_INFO = [
  { name: 'Support level', nopsSection: 1 },
  { name: 'Well-Architected review', nopsSection: 2 },
  { name: 'Root account', nopsSection: 3 },
  { name: 'Accounts', nopsSection: 4, note: 'Legacy area: only the inferred legacy item ARC-002 maps here.' },
  { name: 'Communications from AWS', nopsSection: 5 },
  { name: 'CloudTrail', nopsSection: 6, note: 'Legacy area: CTL-001..004 left the checklist in 2024; IAM-002 keeps the monitoring part.' },
  { name: 'Identity and access management', nopsSection: 7 },
  { name: 'Backups and recovery', nopsSection: 8 },
  { name: 'Disaster recovery', nopsSection: 9 },
  { name: 'S3 bucket access', nopsSection: 10 },
  { name: 'Cross-account access', nopsSection: 11 },
  { name: 'Sensitive data', nopsSection: 12 },
  {
    name: 'Protected health information',
    nopsSection: 13,
    note: 'No section of its own in the current checklist: covered by Sensitive data (SDAT-001..003) and Regulatory compliance validation (RCVP-001).',
  },
  { name: 'Regulatory compliance validation', nopsSection: 14 },
  { name: 'Hosting', nopsSection: null },
  { name: 'Operational security', nopsSection: null },
  { name: 'Network security', nopsSection: null },
] as const satisfies readonly ReportAreaInfo[];

export type ReportArea = (typeof REPORT_AREA_INFO)[number]['name'];

/** The area names in report order (nOps order, then the three areas nOps lacks). */
export const REPORT_AREAS: readonly ReportArea[] = REPORT_AREA_INFO.map((area) => area.name);

export function isReportArea(name: string): name is ReportArea {
  return (REPORT_AREAS as readonly string[]).includes(name);
}
