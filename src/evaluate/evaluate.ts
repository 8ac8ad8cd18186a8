/**
 * evaluate: (snapshot, framework, options) -> Assessment. Pure: no I/O, no clock unless `now` is omitted.
 * Runs the checks the framework references, tags each finding with the items it evidences, and decides
 * every item's verdict.
 */
import { REMEDIATION_CODE } from '../checks/remediation-code.js';
import type { Remediation } from '../core/check.js';
import { buildAccountNames } from './account-names.js';
import {
  ASSESSMENT_SCHEMA_VERSION,
  ITEM_VERDICTS,
  type AdvisoryCheck,
  type Assessment,
  type CaseStudyInfo,
  type CheckInfo,
  type AccountName,
  type CostSummary,
  type InventoryResource,
  type ItemResult,
  type ItemVerdict,
  type RegionCoverage,
} from '../core/assessment.js';
import type { CollectionError } from '../core/observed.js';
import type { CheckDefinition } from '../core/check.js';
import { checkIdsOf, type CheckRole, type DeliveryCategory, type Framework } from '../core/framework.js';
import type { Finding } from '../core/finding.js';
import type { Snapshot } from '../core/snapshot.js';
import type { GatingAnswer, ItemAttestation, Suppression } from '../attest/types.js';
import { applySuppressions, buildItemContexts, summarizeAttestation } from './attestations.js';
import { buildCostSummary, buildInventory } from './inventory.js';
import { countStatuses, decideItem, type VerdictFinding } from './item-verdict.js';
import { readsRegionalData, regionCoverage } from './region-coverage.js';
import { runChecks, type CheckRun } from './run-checks.js';

export interface EvaluateOptions {
  readonly delivery: DeliveryCategory;
  /** The check registry to resolve the framework's check ids against. */
  readonly checks: readonly CheckDefinition[];
  readonly toolVersion: string;
  /** ISO time the assessment is generated at; defaults to the current time. */
  readonly now?: string;
  readonly scopeName?: string | null;
  /** Answered items from ftr-attestations.yaml (src/attest/parse.ts); see docs/attestations.md. */
  readonly attestations?: readonly ItemAttestation[];
  /** Answers to the framework's gating questions (CAA-000, SDAT-000). */
  readonly gatingAnswers?: readonly GatingAnswer[];
  /** Accepted risks for individual findings; a suppressed FAIL stays FAIL in every count. */
  readonly suppressions?: readonly Suppression[];
  /** The competency case study this evaluation covers (a scope with case-study facts). */
  readonly caseStudy?: CaseStudyInfo | null;
}

export class UnknownCheckError extends Error {
  constructor(ids: readonly string[], frameworkId: string) {
    super(`Framework ${frameworkId} references checks that do not exist: ${ids.join(', ')}`);
    this.name = 'UnknownCheckError';
  }
}

/** What an evaluation needs before any snapshot data: the checks to run and the role of each per item. */
export interface EvaluationPlan {
  readonly framework: Framework;
  readonly options: EvaluateOptions;
  readonly now: string;
  readonly byId: ReadonlyMap<string, CheckDefinition>;
  /** The checks the framework references, in the order findings are listed. */
  readonly checks: readonly CheckDefinition[];
  readonly refsByCheck: ReadonlyMap<string, readonly { itemId: string; role: CheckRole; rationale: string }[]>;
}

export function planEvaluation(framework: Framework, options: EvaluateOptions): EvaluationPlan {
  const byId = new Map(options.checks.map((c) => [c.id, c]));
  const referenced = [...new Set(framework.items.flatMap(checkIdsOf))];
  const missing = referenced.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new UnknownCheckError(missing, framework.id);
  const checks = referenced.map((id) => byId.get(id)).filter((c): c is CheckDefinition => c !== undefined);

  // Per check, the items that reference it and the role it has there.
  const refsByCheck = new Map<string, { itemId: string; role: CheckRole; rationale: string }[]>();
  for (const item of framework.items) {
    for (const ref of item.checks) {
      refsByCheck.set(ref.id, [...(refsByCheck.get(ref.id) ?? []), { itemId: item.id, role: ref.role, rationale: ref.rationale }]);
    }
  }
  return { framework, options, now: options.now ?? new Date().toISOString(), byId, checks, refsByCheck };
}

function itemsWithRole(plan: EvaluationPlan, checkId: string, advisory: boolean): string[] {
  return (plan.refsByCheck.get(checkId) ?? []).filter((r) => (r.role === 'advisory') === advisory).map((r) => r.itemId);
}

/** The findings of one check run: tagged with the items they decide or advise, suppressions attached. */
export function findingsOfRun(plan: EvaluationPlan, run: CheckRun): Finding[] {
  const controlIds = itemsWithRole(plan, run.check.id, false);
  const advisoryFor = itemsWithRole(plan, run.check.id, true);
  const raw = run.outcomes.map(
    (o): Finding => ({
      checkId: run.check.id,
      checkTitle: run.check.title,
      controlIds,
      ...(advisoryFor.length > 0 ? { advisoryFor } : {}),
      status: o.status,
      severity: run.check.severity,
      accountId: o.accountId,
      region: o.region,
      resourceType: o.resourceType,
      resourceId: o.resourceId,
      resourceArn: o.resourceArn ?? null,
      message: o.message,
      evidence: o.evidence,
    }),
  );
  return applySuppressions(raw, plan.options.suppressions ?? [], plan.now);
}

/** The snapshot-wide facts an assessment states, whichever way the snapshot was read. */
export interface SnapshotFacts {
  readonly snapshot: Pick<Snapshot, 'mode' | 'principal' | 'startedAt' | 'finishedAt' | 'complete' | 'schemaVersion'>;
  readonly accountIds: readonly string[];
  readonly scannedRegions: readonly string[];
  readonly coverage: RegionCoverage;
  readonly resources: readonly InventoryResource[];
  readonly costs: CostSummary;
  /** Organizations names or IAM aliases of the scanned accounts (account-names.ts). */
  readonly accountNames: readonly AccountName[];
  readonly errors: readonly CollectionError[];
}

/**
 * The assessment from the findings of every check (`findingsByCheck`: every finding, or for streaming
 * evaluation the VerdictFinding view of them) and the snapshot facts. `findings` is what the document lists
 * (every finding in check order; empty when the caller streams them into the file itself).
 */
export function assembleAssessment(
  plan: EvaluationPlan,
  facts: SnapshotFacts,
  findingsByCheck: ReadonlyMap<string, readonly VerdictFinding[]>,
  findings: readonly Finding[],
): Assessment {
  const { framework, options, now, byId, checks, refsByCheck } = plan;
  const contexts = buildItemContexts(framework, options, now);
  const coverage = facts.coverage;
  const items: ItemResult[] = framework.items.map((item) => {
    const itemFindings = checkIdsOf(item).flatMap((id) => findingsByCheck.get(id) ?? []);
    const deciding = item.checks.filter((ref) => ref.role !== 'advisory');
    // A verdict that rests on regional data covers only the scanned regions: its reason says which.
    const regional = deciding.some((ref) => {
      const check = byId.get(ref.id);
      return check !== undefined && readsRegionalData(check);
    });
    const context = { ...(contexts.get(item.id) ?? {}), regions: regional ? coverage : null };
    const decision = decideItem(item, itemFindings, options.delivery, context);
    // The catalog may say where a delivery category is reviewed instead (FTR Customer-Deployed variant).
    const elsewhere = item.appliesTo.includes(options.delivery) ? undefined : framework.notApplicableReasons?.[options.delivery];
    return {
      itemId: item.id,
      title: item.title,
      section: item.section,
      automation: item.automation,
      verdict: decision.verdict,
      reason: elsewhere && decision.verdict === 'NOT_APPLICABLE' ? `${decision.reason} ${elsewhere}` : decision.reason,
      checkIds: checkIdsOf(item),
      findingCounts: countStatuses(deciding.flatMap((ref) => findingsByCheck.get(ref.id) ?? [])),
      attestation: context.attestation ? summarizeAttestation(context.attestation) : null,
      checks: decision.checks,
      alternatives: item.alternatives ?? [],
      regions: context.regions,
    };
  });

  const advisories: AdvisoryCheck[] = checks
    .filter((c) => itemsWithRole(plan, c.id, true).length > 0)
    .map((c) => ({
      checkId: c.id,
      title: c.title,
      severity: c.severity,
      items: (refsByCheck.get(c.id) ?? []).filter((r) => r.role === 'advisory').map((r) => ({ itemId: r.itemId, rationale: r.rationale })),
      decidesItems: itemsWithRole(plan, c.id, false),
      counts: countStatuses(findingsByCheck.get(c.id) ?? []),
    }));

  const checkInfos: CheckInfo[] = checks.map((c) => ({
    id: c.id,
    title: c.title,
    service: c.service,
    severity: c.severity,
    remediation: withRemediationCode(c.id, c.remediation),
    counts: countStatuses(findingsByCheck.get(c.id) ?? []),
  }));

  const itemCounts = Object.fromEntries(ITEM_VERDICTS.map((v) => [v, 0])) as Record<ItemVerdict, number>;
  for (const item of items) itemCounts[item.verdict] += 1;

  const findingCounts = countStatuses([]);
  for (const c of checks) {
    const counts = countStatuses(findingsByCheck.get(c.id) ?? []);
    for (const status of Object.keys(findingCounts) as (keyof typeof findingCounts)[]) findingCounts[status] += counts[status];
  }

  const snapshot = facts.snapshot;
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    generatedAt: now,
    tool: { name: 'ftr-ready', version: options.toolVersion },
    framework: {
      id: framework.id,
      title: framework.title,
      version: framework.version,
      checklistVersion: framework.checklistVersion,
      releaseDate: framework.releaseDate,
    },
    deliveryCategory: options.delivery,
    scope: {
      name: options.scopeName ?? null,
      mode: snapshot.mode,
      principal: snapshot.principal.arn,
      accounts: facts.accountIds,
      regions: facts.scannedRegions,
      scanStartedAt: snapshot.startedAt,
      scanFinishedAt: snapshot.finishedAt,
      snapshotComplete: snapshot.complete,
      snapshotSchemaVersion: snapshot.schemaVersion,
      regionCoverage: coverage,
    },
    summary: {
      findings: findingCounts,
      items: itemCounts,
      readiness: { met: itemCounts.MET, applicable: items.length - itemCounts.NOT_APPLICABLE },
    },
    items,
    checks: checkInfos,
    findings,
    advisories,
    resources: facts.resources,
    costs: facts.costs,
    accountNames: facts.accountNames,
    caseStudy: options.caseStudy ?? null,
    sections: framework.sections.map((s) => ({ id: s.id, title: s.title, ...(s.reportArea ? { reportArea: s.reportArea } : {}) })),
    collectionErrors: facts.errors,
  };
}

/** Regions scanned in any account, sorted. */
export function scannedRegionsOf(snapshot: Pick<Snapshot, 'accounts'>): string[] {
  const scannedRegions = new Set<string>();
  for (const account of snapshot.accounts) for (const r of account.regional) scannedRegions.add(r.region);
  return [...scannedRegions].sort();
}

export function evaluate(snapshot: Snapshot, framework: Framework, options: EvaluateOptions): Assessment {
  const plan = planEvaluation(framework, options);
  const findings = runChecks(snapshot, plan.checks).flatMap((run) => findingsOfRun(plan, run));
  const findingsByCheck = new Map<string, Finding[]>();
  for (const f of findings) findingsByCheck.set(f.checkId, [...(findingsByCheck.get(f.checkId) ?? []), f]);
  const facts: SnapshotFacts = {
    snapshot,
    accountIds: snapshot.accounts.map((a) => a.accountId),
    scannedRegions: scannedRegionsOf(snapshot),
    coverage: regionCoverage(snapshot),
    resources: buildInventory(snapshot, findings),
    costs: buildCostSummary(snapshot),
    accountNames: buildAccountNames(snapshot),
    errors: snapshot.errors,
  };
  return assembleAssessment(plan, facts, findingsByCheck, findings);
}

/** The check's remediation with its CloudFormation and Terraform fix (src/checks/remediation-code.ts), when it has one. */
function withRemediationCode(checkId: string, remediation: Remediation): Remediation {
  const code = REMEDIATION_CODE[checkId];
  return code ? { ...remediation, cloudformation: code.cloudformation, terraform: code.terraform } : remediation;
}
