/**
 * The zod schema of a framework catalog (src/core/framework.ts). Tests validate every catalog with it, and it
 * is the gate for catalogs loaded from elsewhere later. Beyond the shapes it checks the cross-references:
 * unique ids, sections that exist, gates that point at real items (and back), sub-question ids that belong
 * to their item, and an automation level that matches the checks (and their roles) and evidence an item has:
 * an auto item needs a required check and no evidence check, a partial item a required or evidence check, a
 * manual item none (advisory checks only); an item with evidence checks lists the alternatives it accepts.
 */
import { z } from 'zod';
import { CHECK_ROLES, DELIVERY_CATEGORIES, type Framework } from '../core/framework.js';
import { isReportArea, REPORT_AREAS } from './report-areas.js';

/** Prowler-style check ids: `service_resource_property`. */
export const CHECK_ID_PATTERN = /^[a-z0-9]+(_[a-z0-9]+)+$/;

/** `2018-05` or `2025-08-29`. */
const RELEASE_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const nonEmpty = z.string().trim().min(1);

export const evidenceRequestSchema = z.strictObject({
  id: nonEmpty,
  prompt: nonEmpty,
  accepts: z.array(z.enum(['text', 'url', 'file', 'date', 'yes-no', 'number'])).min(1),
  expiresAfterMonths: z.number().int().positive().optional(),
});

export const frameworkSubQuestionSchema = z.strictObject({
  id: nonEmpty,
  text: nonEmpty,
});

export const checkReferenceSchema = z.strictObject({
  id: z.string().regex(CHECK_ID_PATTERN, 'check ids look like service_resource_property'),
  role: z.enum(CHECK_ROLES),
  rationale: nonEmpty.refine((text) => !/[\r\n]/.test(text), { message: 'a rationale is one line' }),
  passWhen: z.enum(['every-resource', 'any-resource']).optional(),
});

export const frameworkItemSchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  titleInferred: z.boolean().optional(),
  notPresentInSource: z.boolean().optional(),
  section: nonEmpty,
  kind: z.enum(['technical', 'prerequisite', 'documentation']).optional(),
  requirement: nonEmpty,
  automation: z.enum(['auto', 'partial', 'manual']),
  checks: z.array(checkReferenceSchema),
  alternatives: z
    .array(
      z.strictObject({
        way: nonEmpty.max(100, 'a way is a short phrase (the reason names it); put the details in "how"'),
        how: nonEmpty,
      }),
    )
    .optional(),
  appliesTo: z.array(z.enum(DELIVERY_CATEGORIES)),
  gatedBy: nonEmpty.optional(),
  subQuestions: z.array(frameworkSubQuestionSchema).optional(),
  evidence: z.array(evidenceRequestSchema),
  twins: z.array(nonEmpty).optional(),
  legacy: z.boolean().optional(),
});

export const frameworkSectionSchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  reportArea: z.string().refine(isReportArea, { message: `reportArea must be one of: ${REPORT_AREAS.join(', ')}` }).optional(),
});

export const gatingQuestionSchema = z.strictObject({
  id: nonEmpty,
  question: nonEmpty,
  gates: z.array(nonEmpty).min(1),
});

export const frameworkSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'framework ids are kebab-case'),
    title: nonEmpty,
    version: nonEmpty,
    checklistVersion: nonEmpty,
    releaseDate: z.string().regex(RELEASE_DATE_PATTERN, 'releaseDate is YYYY-MM or YYYY-MM-DD'),
    source: nonEmpty,
    notApplicableReasons: z.partialRecord(z.enum(DELIVERY_CATEGORIES), nonEmpty).optional(),
    sections: z.array(frameworkSectionSchema).min(1),
    gatingQuestions: z.array(gatingQuestionSchema),
    items: z.array(frameworkItemSchema).min(1),
  })
  .superRefine((framework, ctx) => {
    const issue = (message: string, path: (string | number)[]): void => {
      ctx.addIssue({ code: 'custom', message, path });
    };
    const duplicates = (ids: readonly string[]): string[] => [
      ...new Set(ids.filter((id, index) => ids.indexOf(id) !== index)),
    ];

    const sectionIds = new Set(framework.sections.map((section) => section.id));
    const itemIds = new Set(framework.items.map((item) => item.id));
    const gates = new Map(framework.gatingQuestions.map((gate) => [gate.id, gate]));

    for (const id of duplicates(framework.sections.map((section) => section.id))) {
      issue(`duplicate section id ${id}`, ['sections']);
    }
    for (const id of duplicates(framework.items.map((item) => item.id))) {
      issue(`duplicate item id ${id}`, ['items']);
    }
    for (const id of duplicates(framework.gatingQuestions.map((gate) => gate.id))) {
      issue(`duplicate gating question id ${id}`, ['gatingQuestions']);
    }
    const evidenceIds = framework.items.flatMap((item) => item.evidence.map((request) => request.id));
    for (const id of duplicates(evidenceIds)) {
      issue(`duplicate evidence request id ${id}`, ['items']);
    }

    framework.gatingQuestions.forEach((gate, gateIndex) => {
      if (itemIds.has(gate.id)) issue(`gating question ${gate.id} reuses an item id`, ['gatingQuestions', gateIndex, 'id']);
      gate.gates.forEach((gatedId, index) => {
        const gated = framework.items.find((item) => item.id === gatedId);
        if (gated === undefined) {
          issue(`gating question ${gate.id} gates unknown item ${gatedId}`, ['gatingQuestions', gateIndex, 'gates', index]);
        } else if (gated.gatedBy !== gate.id) {
          issue(`item ${gatedId} is gated by ${gate.id} but its gatedBy is ${gated.gatedBy ?? 'unset'}`, ['gatingQuestions', gateIndex, 'gates', index]);
        }
      });
    });

    framework.items.forEach((item, index) => {
      const path = ['items', index];
      if (!sectionIds.has(item.section)) issue(`item ${item.id} names unknown section ${item.section}`, [...path, 'section']);

      if (item.gatedBy !== undefined) {
        const gate = gates.get(item.gatedBy);
        if (gate === undefined) issue(`item ${item.id} is gated by unknown question ${item.gatedBy}`, [...path, 'gatedBy']);
        else if (!gate.gates.includes(item.id)) issue(`gating question ${item.gatedBy} does not list item ${item.id}`, [...path, 'gatedBy']);
      }

      const checkIds = item.checks.map((c) => c.id);
      for (const id of duplicates(checkIds)) issue(`item ${item.id} lists check ${id} twice`, [...path, 'checks']);
      const roleCount = (role: string): number => item.checks.filter((c) => c.role === role).length;
      const deciding = roleCount('required') + roleCount('evidence');
      if (roleCount('evidence') > 0 && (item.alternatives ?? []).length === 0) {
        issue(`item ${item.id} has evidence checks but lists no alternatives the checklist accepts`, [...path, 'alternatives']);
      }
      for (const id of duplicates(item.appliesTo)) issue(`item ${item.id} lists delivery category ${id} twice`, [...path, 'appliesTo']);

      const subIds = (item.subQuestions ?? []).map((sub) => sub.id);
      for (const id of duplicates(subIds)) issue(`item ${item.id} has duplicate sub-question ${id}`, [...path, 'subQuestions']);
      subIds.forEach((id, subIndex) => {
        if (!id.startsWith(`${item.id}.`)) {
          issue(`sub-question ${id} does not belong to item ${item.id}`, [...path, 'subQuestions', subIndex, 'id']);
        }
      });

      if (item.notPresentInSource === true) {
        if (item.checks.length > 0 || item.evidence.length > 0 || item.appliesTo.length > 0) {
          issue(`item ${item.id} is not present in the source and must have no checks, evidence or applicability`, path);
        }
        return;
      }
      if (item.appliesTo.length === 0) issue(`item ${item.id} applies to no delivery category`, [...path, 'appliesTo']);
      switch (item.automation) {
        case 'auto':
          if (roleCount('required') === 0) issue(`auto item ${item.id} needs at least one required check`, [...path, 'checks']);
          if (roleCount('evidence') > 0) issue(`auto item ${item.id} has evidence checks: a person must then confirm an alternative (make it partial)`, [...path, 'checks']);
          if (item.evidence.length > 0) issue(`auto item ${item.id} must not ask for evidence (make it partial)`, [...path, 'evidence']);
          break;
        case 'partial':
          if (deciding === 0) issue(`partial item ${item.id} needs at least one required or evidence check (or is manual)`, [...path, 'checks']);
          if (item.evidence.length === 0) issue(`partial item ${item.id} needs an evidence request (or is auto)`, [...path, 'evidence']);
          break;
        case 'manual':
          if (deciding > 0) issue(`manual item ${item.id} has required or evidence checks (make it partial)`, [...path, 'checks']);
          if (item.evidence.length === 0) issue(`manual item ${item.id} needs an evidence request`, [...path, 'evidence']);
          break;
      }
    });
  });

export type FrameworkInput = z.input<typeof frameworkSchema>;

/** Validates a catalog; throws a zod error naming every problem. */
export function validateFramework(framework: Framework): Framework {
  frameworkSchema.parse(framework);
  return framework;
}
