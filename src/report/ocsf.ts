/**
 * OCSF output: one Compliance Finding (class_uid 2003, OCSF 1.8.0, the schema Security Lake and Prowler read)
 * per check result, with the checklist item ids as the compliance requirements. Built from the report model
 * only. Validated in tests against a JSON Schema compiled from the vendored OCSF source (schemas/ocsf/).
 */
import { createHash } from 'node:crypto';
import type { CheckInfo } from '../core/assessment.js';
import type { CheckStatus, Severity } from '../core/finding.js';
import { writeJsonArray } from '../io/json-stream-writer.js';
import type { FindingRow, ReportModel } from './model.js';

export const OCSF_VERSION = '1.8.0';
export const OCSF_CLASS = { name: 'compliance_finding', uid: 2003, caption: 'Compliance Finding', categoryUid: 2, category: 'Findings' } as const;
/** The cloud profile adds `cloud` (account, region, partition) to the event. */
export const OCSF_APPLIED_PROFILES: readonly string[] = ['cloud'];

const ACTIVITY_CREATE = 1;

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
  info: { id: 1, name: 'Informational' },
};

/**
 * OCSF compliance status: 1 Pass, 2 Warning ("did not yield a result due to missing information": our
 * UNKNOWN), 3 Fail; MANUAL and NOT_APPLICABLE have no OCSF value, so they are 99 Other with our word.
 */
const COMPLIANCE_STATUS: Record<CheckStatus, { id: number; name: string }> = {
  PASS: { id: 1, name: 'Pass' },
  FAIL: { id: 3, name: 'Fail' },
  UNKNOWN: { id: 2, name: 'Warning' },
  MANUAL: { id: 99, name: 'Manual review' },
  NOT_APPLICABLE: { id: 99, name: 'Not applicable' },
};

/** A stable id for one check result on one resource (the same result keeps its id across scans). */
export function resultUid(frameworkId: string, f: Pick<FindingRow, 'checkId' | 'accountId' | 'region' | 'resourceType' | 'resourceId'>): string {
  const key = [frameworkId, f.checkId, f.accountId, f.region ?? 'global', f.resourceType, f.resourceId].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

export function partitionOf(principalArn: string): string {
  const partition = principalArn.split(':')[1];
  return partition && /^aws(-[a-z-]+)?$/.test(partition) ? partition : 'aws';
}

/** The events one by one (render.ts streams them to the file; nothing holds all of them). */
export function* ocsfEventStream(model: ReportModel): Generator<object> {
  const checks = new Map<string, CheckInfo>(model.checks.map((c) => [c.id, c]));
  const time = Date.parse(model.scope.scanFinishedAt);
  const partition = partitionOf(model.scope.principal);
  const standard = `${model.framework.title} (${model.framework.checklistVersion})`;
  for (const f of model.findings) {
    const check = checks.get(f.checkId);
    const uid = `ftr-ready-${resultUid(model.framework.id, f)}`;
    const severity = SEVERITY[f.severity];
    const status = COMPLIANCE_STATUS[f.status];
    const docs = check?.remediation.docs;
    yield {
      activity_id: ACTIVITY_CREATE,
      activity_name: 'Create',
      category_uid: OCSF_CLASS.categoryUid,
      category_name: OCSF_CLASS.category,
      class_uid: OCSF_CLASS.uid,
      class_name: OCSF_CLASS.caption,
      type_uid: OCSF_CLASS.uid * 100 + ACTIVITY_CREATE,
      type_name: `${OCSF_CLASS.caption}: Create`,
      time,
      severity_id: severity.id,
      severity: severity.name,
      // The finding's workflow state: a suppressed result (accepted risk) is reported as such, never dropped.
      status_id: f.suppressed ? 3 : 1,
      status: f.suppressed ? 'Suppressed' : 'New',
      message: f.message,
      metadata: {
        version: OCSF_VERSION,
        product: { name: model.tool.name, vendor_name: 'ftr-ready', version: model.tool.version },
        profiles: [...OCSF_APPLIED_PROFILES],
        event_code: f.checkId,
        uid,
      },
      cloud: {
        provider: 'AWS',
        cloud_partition: partition,
        ...(f.region ? { region: f.region } : {}),
        account: { uid: f.accountId, type_id: 10, type: 'AWS Account' },
      },
      finding_info: {
        uid,
        title: check?.title ?? f.checkId,
        desc: f.message,
        created_time: time,
        types: ['Compliance'],
        product_uid: f.checkId,
      },
      compliance: {
        standards: [standard],
        requirements: [...f.itemIds],
        control: f.checkId,
        status_id: status.id,
        status: status.name,
        status_code: f.status,
        status_details: [f.message],
      },
      resources: [
        {
          uid: f.resourceArn ?? f.resourceId,
          name: f.resourceId,
          type: f.resourceType,
          cloud_partition: partition,
          ...(f.region ? { region: f.region } : {}),
        },
      ],
      ...(check ? { remediation: { desc: check.remediation.summary, ...(docs ? { references: [docs] } : {}) } } : {}),
      unmapped: {
        framework: model.framework.id,
        scope: model.scope.name,
        evidence: f.evidence,
      },
    };
  }
}

export function ocsfEvents(model: ReportModel): object[] {
  return [...ocsfEventStream(model)];
}

/** Above this many events the file is written compact (no indentation) to stay small. */
const PRETTY_LIMIT = 5_000;

/** A JSON array of events (indented unless very large); `<` escaped so the file can be embedded in HTML. */
export function renderOcsf(model: ReportModel): string {
  const indent = model.findings.length > PRETTY_LIMIT ? undefined : 2;
  return `${JSON.stringify(ocsfEvents(model), null, indent).replace(/</g, '\\u003c')}\n`;
}

/** renderOcsf's file, written event by event (107,000 events are 180 MiB of JSON: never one string). */
export async function writeOcsf(model: ReportModel, path: string): Promise<void> {
  await writeJsonArray(path, ocsfEventStream(model), { compact: model.findings.length > PRETTY_LIMIT, escapeLt: true });
}
