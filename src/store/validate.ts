/**
 * The fields the store indexes, checked before an imported assessment is written: a file that passes the
 * report's loose envelope check but lacks one of these is refused with the field named, never half-stored.
 */
import { z } from 'zod';
import type { Assessment } from '../core/assessment.js';
import { UserError } from '../core/errors.js';

const item = z
  .object({
    itemId: z.string().min(1),
    title: z.string(),
    section: z.string(),
    verdict: z.string(),
    // Optional: only diffs read it, and an older or newer item shape must still import.
    checkIds: z.array(z.string()).optional(),
    attestation: z.object({ expired: z.boolean(), expires: z.string().nullable() }).loose().nullable().optional(),
  })
  .loose();

const finding = z
  .object({
    checkId: z.string(),
    status: z.string(),
    severity: z.string(),
    accountId: z.string(),
    region: z.string().nullable(),
    resourceType: z.string(),
    resourceId: z.string(),
    resourceArn: z.string().nullable().optional(),
  })
  .loose();

const resource = z.object({ accountId: z.string(), region: z.string().nullable(), resourceType: z.string(), resourceId: z.string() }).loose();

const storedAssessment = z
  .object({
    schemaVersion: z.string(),
    generatedAt: z.string().min(1),
    tool: z.object({ version: z.string() }).loose(),
    framework: z.object({ id: z.string().min(1), version: z.string() }).loose(),
    deliveryCategory: z.string(),
    scope: z
      .object({ name: z.string().nullable(), principal: z.string(), scanStartedAt: z.string(), scanFinishedAt: z.string(), snapshotComplete: z.boolean() })
      .loose(),
    summary: z.object({ readiness: z.object({ met: z.number().int(), applicable: z.number().int() }) }).loose(),
    items: z.array(item).refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, 'item ids must be unique'),
    findings: z.array(finding),
    resources: z.array(resource),
    caseStudy: z.object({ id: z.string() }).loose().nullable().optional(),
  })
  .loose();

export function validateAssessmentForStore(assessment: Assessment, path: string): Assessment {
  const parsed = storedAssessment.safeParse(assessment);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new UserError(`${path} cannot be stored as an assessment: ${issues}`);
  }
  return assessment;
}
