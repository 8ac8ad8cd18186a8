/**
 * The verdict corpus's vocabulary: a scenario is one checklist item, one account state (the well-run
 * snapshot plus mutations), optional attestations / gating answers / suppressions, and the verdict a reviewer
 * would sign. Its `kind` names what it proves and fixes the expected verdict, so a scenario cannot be
 * filed under the wrong kind (`coverage.test.ts` asks every item for its kinds).
 */
import type { Assessment, ItemResult, ItemVerdict } from '../../src/core/assessment.js';
import type { DeliveryCategory, Framework, FrameworkItem } from '../../src/core/framework.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import type { AttestationAnswer, GatingAnswer, ItemAttestation, Suppression } from '../../src/attest/types.js';
import type { CheckDefinition } from '../../src/core/check.js';
import type { CheckOutcome } from '../../src/core/finding.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { wellRunSnapshot } from './well-run-account.js';
import type { Mutation } from './mutations.js';

/**
 * - met: a reviewer signs it (with the attestation a partial/manual item needs).
 * - not-met: something the checklist asks for is missing (a required FAIL, or an honest "no").
 * - alternative: an evidence check FAILs (this way is not in place) and an attested other accepted way -> MET.
 * - unknown: a required check could not be seen -> UNKNOWN, whatever is attested.
 * - unseen: an evidence check could not be seen (no required check to be UNKNOWN) -> NEEDS_EVIDENCE, never MET.
 * - needs-evidence: nothing attested (or an answer without its document) -> NEEDS_EVIDENCE.
 * - expired: the evidence is older than the item's freshness rule -> NEEDS_EVIDENCE.
 * - not-applicable: a gate answered "no", an attested "not-applicable" or a delivery category it does not cover.
 */
export const SCENARIO_KINDS = ['met', 'not-met', 'alternative', 'unknown', 'unseen', 'needs-evidence', 'expired', 'not-applicable'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

const EXPECTED: Record<ScenarioKind, ItemVerdict> = {
  met: 'MET',
  'not-met': 'NOT_MET',
  alternative: 'MET',
  unknown: 'UNKNOWN',
  unseen: 'NEEDS_EVIDENCE',
  'needs-evidence': 'NEEDS_EVIDENCE',
  expired: 'NEEDS_EVIDENCE',
  'not-applicable': 'NOT_APPLICABLE',
};

export const FTR = 'ftr-partner-hosted';
export const ALT = 'ftr-partner-hosted-alternative';
export const COMP = 'industrial-software-competency';

export interface Scenario {
  readonly framework: string;
  readonly item: string;
  readonly kind: ScenarioKind;
  /** What the account looks like, in a reviewer's words. */
  readonly name: string;
  /** Changes to the well-run account, applied in order. */
  readonly mutations?: readonly Mutation[];
  /**
   * The item's attestation. Omitted: a "yes" with evidence for `met` and `alternative` scenarios of items a
   * person must confirm (partial, manual), none otherwise. `null`: no attestation whatever the kind.
   */
  readonly attest?: ItemAttestation | null;
  /** Omitted: the item's gating question (if any) answered "yes", so the item is evaluated. */
  readonly gates?: readonly GatingAnswer[];
  readonly suppressions?: readonly Suppression[];
  readonly delivery?: DeliveryCategory;
  /** Text (or pattern) the item's one-line reason must contain. */
  readonly reason?: RegExp | string;
}

export function expectedVerdict(kind: ScenarioKind): ItemVerdict {
  return EXPECTED[kind];
}

export function frameworkOf(id: string): Framework {
  const framework = FRAMEWORKS.find((f) => f.id === id);
  if (!framework) throw new Error(`no framework ${id}`);
  return framework;
}

export function itemOf(frameworkId: string, itemId: string): FrameworkItem {
  const item = frameworkOf(frameworkId).items.find((i) => i.id === itemId);
  if (!item) throw new Error(`${frameworkId} has no item ${itemId}`);
  return item;
}

/** The evaluation time: the snapshot's (recency rules and attestation expiry use it). */
export const NOW = '2026-11-01T10:05:00.000Z';
export const TODAY = '2026-11-01';

/** An attestation as a partner writes it: "yes", with a URL and a hashed file, dated a month ago. */
export function attest(itemId: string, answer: AttestationAnswer = 'yes', overrides: Partial<ItemAttestation> = {}): ItemAttestation {
  return {
    itemId,
    answer,
    justification: answer === 'no' ? 'Not in place yet.' : 'Documented and reviewed.',
    owner: 'compliance@acme.example',
    date: '2026-10-01',
    reviewer: null,
    evidence:
      answer === 'yes'
        ? [
            { kind: 'url', ref: 'https://wiki.acme.example/ftr/evidence' },
            { kind: 'file', ref: 'evidence/record.pdf', sha256: 'a'.repeat(64) },
          ]
        : [],
    expires: null,
    ...overrides,
  };
}

export function gate(questionId: string, answer: 'yes' | 'no'): GatingAnswer {
  return { questionId, answer, justification: answer === 'no' ? 'The product never does this.' : 'It does.', owner: 'cto@acme.example', date: '2026-10-01' };
}

/**
 * Snapshots are never changed after they are built (mutations return new ones and evaluation is pure), so
 * scenarios without mutations share one base snapshot and every scenario keeps its own: together with the
 * memoised checks below, each check runs once per distinct account state, which keeps the corpus fast
 * (the IAM policy simulator is the expensive part).
 */
const BASE = wellRunSnapshot();
const built = new WeakMap<Scenario, Snapshot>();

/** The scenario's account: the well-run snapshot with its mutations applied. */
export function scenarioSnapshot(scenario: Scenario): Snapshot {
  const mutations = scenario.mutations ?? [];
  if (mutations.length === 0) return BASE;
  const cached = built.get(scenario);
  if (cached) return cached;
  const snapshot = mutations.reduce((s, m) => m(s), wellRunSnapshot());
  built.set(scenario, snapshot);
  return snapshot;
}

/** ALL_CHECKS, each remembering its outcomes per snapshot object (checks are pure functions of it). */
export const CORPUS_CHECKS: readonly CheckDefinition[] = ALL_CHECKS.map((check) => {
  const results = new WeakMap<Snapshot, readonly CheckOutcome[]>();
  return {
    ...check,
    evaluate: (snapshot: Snapshot) => {
      const known = results.get(snapshot);
      if (known) return known;
      const outcomes = check.evaluate(snapshot);
      results.set(snapshot, outcomes);
      return outcomes;
    },
  };
});

/**
 * Evaluates only the scenario's item (its checks, its gate): the same `evaluate` the CLI runs, on a catalog
 * cut down to one item so the corpus stays fast.
 */
export function runScenario(scenario: Scenario, attestation: ItemAttestation | null = defaultAttestation(scenario)): ItemResult {
  const framework = frameworkOf(scenario.framework);
  const item = itemOf(scenario.framework, scenario.item);
  const gates = scenario.gates ?? framework.gatingQuestions.filter((g) => g.gates.includes(item.id)).map((g) => gate(g.id, 'yes'));
  const single: Framework = {
    ...framework,
    items: [item],
    gatingQuestions: framework.gatingQuestions.filter((g) => g.gates.includes(item.id)).map((g) => ({ ...g, gates: [item.id] })),
  };
  const assessment = evaluate(scenarioSnapshot(scenario), single, {
    delivery: scenario.delivery ?? 'multi-tenant-saas',
    checks: CORPUS_CHECKS,
    toolVersion: 'corpus',
    now: NOW,
    attestations: attestation ? [attestation] : [],
    gatingAnswers: gates,
    suppressions: scenario.suppressions ?? [],
  });
  const result = assessment.items[0];
  if (!result) throw new Error(`no result for ${scenario.item}`);
  return result;
}

/** The attestation a scenario runs with (see Scenario.attest). */
export function defaultAttestation(scenario: Scenario): ItemAttestation | null {
  if (scenario.attest !== undefined) return scenario.attest;
  const item = itemOf(scenario.framework, scenario.item);
  return (scenario.kind === 'met' || scenario.kind === 'alternative') && item.automation !== 'auto' ? attest(item.id) : null;
}

export function describeScenario(s: Scenario): string {
  return `${s.item} ${s.kind}: ${s.name}`;
}

/**
 * A whole framework evaluated on `snapshot` the way a prepared partner would (every item attested yes, every
 * gating question answered yes), so what is left to compare between two snapshots is what the scan saw.
 */
export function assessAllAttested(snapshot: Snapshot, frameworkId: string): Assessment {
  const framework = frameworkOf(frameworkId);
  return evaluate(snapshot, framework, {
    delivery: 'multi-tenant-saas',
    checks: CORPUS_CHECKS,
    toolVersion: 'corpus',
    now: NOW,
    attestations: framework.items.map((i) => attest(i.id)),
    gatingAnswers: framework.gatingQuestions.map((g) => gate(g.id, 'yes')),
  });
}
