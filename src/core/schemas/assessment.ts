/**
 * The zod schema of assessment.json (src/core/assessment.ts): what `ftr report` and `--compare` accept.
 * Every field a renderer reads is checked here (dates, ISO 4217 currencies, lists, verdict and status
 * vocabularies), so a hand-edited or foreign file is refused with its path instead of crashing a renderer.
 * Unknown fields are dropped. Optional fields are the ones older assessments do not have.
 */
import { z } from 'zod';
import { ITEM_VERDICTS } from '../assessment.js';
import { CHECK_STATUSES, SEVERITIES } from '../finding.js';
import { CHECK_ROLES, DELIVERY_CATEGORIES } from '../framework.js';
import { collectionErrorSchema, count, currencyCode, isoDate, isoTime, stringList, tagMap } from './primitives.js';

export const statusCountsSchema = z.record(z.enum(CHECK_STATUSES), count);

export const attestationSummarySchema = z.object({
  answer: z.string(),
  justification: z.string(),
  owner: z.string(),
  date: isoDate,
  expires: isoDate.nullable(),
  expired: z.boolean(),
  reviewer: z.string().nullable(),
  evidence: z.array(z.object({ kind: z.enum(['url', 'file']), ref: z.string(), sha256: z.string().exactOptional() })),
});

export const itemCheckResultSchema = z.object({
  checkId: z.string(),
  role: z.enum(CHECK_ROLES),
  rationale: z.string(),
  passWhen: z.enum(['every-resource', 'any-resource']),
  counts: statusCountsSchema,
  outcome: z.enum(['pass', 'fail', 'unknown', 'manual', 'accepted-risk', 'none']),
});

export const acceptedWaySchema = z.object({ way: z.string(), how: z.string() });

export const regionCoverageSchema = z.object({
  kind: z.enum(['all-enabled', 'requested', 'unlisted']),
  scanned: stringList,
  notScanned: stringList,
  unlistedAccounts: stringList,
  note: z.string(),
});

export const advisoryCheckSchema = z.object({
  checkId: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  items: z.array(z.object({ itemId: z.string(), rationale: z.string() })),
  decidesItems: stringList,
  counts: statusCountsSchema,
});

export const itemResultSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  section: z.string(),
  automation: z.enum(['auto', 'partial', 'manual']),
  verdict: z.enum(ITEM_VERDICTS),
  reason: z.string(),
  checkIds: stringList,
  findingCounts: statusCountsSchema,
  attestation: attestationSummarySchema.nullable().exactOptional(),
  // Schema 1.1 (absent in 1.0 files):
  checks: z.array(itemCheckResultSchema).exactOptional(),
  alternatives: z.array(acceptedWaySchema).exactOptional(),
  regions: regionCoverageSchema.nullable().exactOptional(),
});

export const resourceCostSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('known'), monthly: z.number(), currency: currencyCode }),
  z.object({ status: z.literal('not-itemised') }),
  z.object({ status: z.literal('unknown'), reason: z.string() }),
]);

export const inventoryResourceSchema = z.object({
  accountId: z.string(),
  region: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().nullable(),
  name: z.string().nullable(),
  tags: tagMap,
  cost: resourceCostSchema.exactOptional(),
});

export const costSourceSchema = z.object({ kind: z.enum(['management-account', 'own-account']), accountId: z.string() });

export const accountCostSchema = z.discriminatedUnion('status', [
  z.object({
    accountId: z.string(),
    status: z.literal('known'),
    total: z.number(),
    currency: currencyCode,
    services: z.array(z.object({ service: z.string(), amount: z.number() })),
    source: costSourceSchema.exactOptional(),
    previousTotal: z.number().nullable().exactOptional(),
  }),
  z.object({ accountId: z.string(), status: z.literal('unknown'), reason: z.string(), source: costSourceSchema.exactOptional() }),
]);

export const accountNameSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  source: z.enum(['organizations', 'iam-alias']),
});

const periodSchema = z.object({ start: isoDate, end: isoDate });

export const costSummarySchema = z.object({
  period: periodSchema.nullable(),
  resourcePeriod: periodSchema.nullable(),
  previousPeriod: periodSchema.nullable().exactOptional(),
  currency: currencyCode,
  accounts: z.array(accountCostSchema),
});

export const assessmentSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  reportArea: z.string().exactOptional(),
});

export const caseStudyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  customer: z.string().exactOptional(),
  productionDate: isoDate.exactOptional(),
});

export const remediationSchema = z.object({
  summary: z.string(),
  console: z.string().exactOptional(),
  cli: z.string().exactOptional(),
  iac: z.string().exactOptional(),
  cloudformation: z.string().exactOptional(),
  terraform: z.string().exactOptional(),
  docs: z.string().exactOptional(),
});

export const checkInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  service: z.string(),
  severity: z.enum(SEVERITIES),
  remediation: remediationSchema,
  counts: statusCountsSchema,
});

export const findingSchema = z.object({
  checkId: z.string(),
  checkTitle: z.string(),
  controlIds: stringList,
  status: z.enum(CHECK_STATUSES),
  severity: z.enum(SEVERITIES),
  accountId: z.string(),
  region: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().nullable(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  suppression: z.object({ justification: z.string(), expires: isoDate, owner: z.string() }).nullable().exactOptional(),
  advisoryFor: stringList.exactOptional(),
});

export const assessmentSchema = z.object({
  schemaVersion: z.string(),
  generatedAt: isoTime,
  tool: z.object({ name: z.literal('ftr-ready'), version: z.string() }),
  framework: z.object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    checklistVersion: z.string(),
    releaseDate: z.string(),
  }),
  deliveryCategory: z.enum(DELIVERY_CATEGORIES),
  scope: z.object({
    name: z.string().nullable(),
    mode: z.enum(['account', 'organization']),
    principal: z.string(),
    accounts: stringList,
    regions: stringList,
    scanStartedAt: isoTime,
    scanFinishedAt: isoTime,
    snapshotComplete: z.boolean(),
    snapshotSchemaVersion: z.string(),
    regionCoverage: regionCoverageSchema.exactOptional(),
  }),
  summary: z.object({
    findings: statusCountsSchema,
    items: z.record(z.enum(ITEM_VERDICTS), count),
    readiness: z.object({ met: count, applicable: count }),
  }),
  items: z.array(itemResultSchema),
  checks: z.array(checkInfoSchema),
  findings: z.array(findingSchema),
  resources: z.array(inventoryResourceSchema),
  costs: costSummarySchema.exactOptional(),
  accountNames: z.array(accountNameSchema).exactOptional(),
  sections: z.array(assessmentSectionSchema).exactOptional(),
  caseStudy: caseStudyInfoSchema.nullable().exactOptional(),
  advisories: z.array(advisoryCheckSchema).exactOptional(),
  collectionErrors: z.array(collectionErrorSchema),
});
