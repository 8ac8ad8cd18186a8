/**
 * The corpus covers every checklist item of every catalog with the scenario kinds its design allows
 * (issue 7 §4). A new item, or a new check role on an item, fails here until its scenarios are written.
 */
import { describe, expect, it } from 'vitest';
import type { FrameworkItem } from '../../src/core/framework.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { SCENARIO_KINDS, type ScenarioKind } from './scenario.js';
import { ALL_SCENARIOS } from './scenarios/index.js';

/** The kinds an item's design allows, and why a kind is left out (the reasoned, rule-based exemptions). */
export function requiredKinds(item: FrameworkItem, gated: boolean): ScenarioKind[] {
  if (item.notPresentInSource) return ['not-applicable']; // a numbering gap is shown, never evaluated
  const roles = new Set(item.checks.map((c) => c.role));
  const kinds: ScenarioKind[] = ['met', 'not-met'];
  if (roles.has('required')) kinds.push('unknown'); // only a required check can make an item UNKNOWN
  if (roles.has('evidence')) kinds.push('alternative'); // only an evidence check FAIL can be met another way
  if (roles.has('evidence') && !roles.has('required')) kinds.push('unseen'); // an unreadable evidence check asks for evidence
  if (item.automation !== 'auto') kinds.push('needs-evidence', 'expired'); // auto items take no attestation
  if (gated) kinds.push('not-applicable');
  return kinds;
}

/**
 * Kinds the rules above ask for but that cannot happen for an item, each with the reason. Only evidence
 * checks that never FAIL are here: for them "this way is not in place" is MANUAL, so no FAIL exists for
 * another accepted way to answer.
 */
export const EXEMPTIONS: readonly { framework: string; item: string; kind: ScenarioKind; reason: string }[] = [
  { framework: 'ftr-partner-hosted', item: 'IAM-010', kind: 'alternative', reason: 'secrets_managed_store_in_use never FAILs: an empty Secrets Manager is no proof of stored secrets (Vault is accepted), so it is MANUAL.' },
  { framework: 'industrial-software-competency', item: '1.11', kind: 'alternative', reason: 'secrets_managed_store_in_use never FAILs (see IAM-010).' },
  { framework: 'ftr-partner-hosted', item: 'BAR-002', kind: 'alternative', reason: 'backup_restore_tested_within_12_months never FAILs: restores tested outside AWS Backup are MANUAL.' },
  { framework: 'industrial-software-competency', item: '2.7', kind: 'alternative', reason: 'backup_restore_tested_within_12_months never FAILs (see BAR-002).' },
  { framework: 'industrial-software-competency', item: '2.2', kind: 'alternative', reason: 'autoscaling_in_use never FAILs: manual scaling that is documented and tested is accepted, so it is MANUAL.' },
  { framework: 'industrial-software-competency', item: '3.1', kind: 'alternative', reason: 'deployment_pipeline_in_use never FAILs: CI/CD outside CodePipeline is invisible to the API, so it is MANUAL.' },
];

/** Registers the meta-tests (corpus.test.ts runs them next to the scenarios). */
export function describeCoverage(): void {
describe('the verdict corpus covers every checklist item', () => {
  it('has every scenario kind each item\'s design allows', () => {
    const missing: string[] = [];
    for (const framework of FRAMEWORKS) {
      for (const item of framework.items) {
        const gated = framework.gatingQuestions.some((g) => g.gates.includes(item.id));
        const have = new Set(ALL_SCENARIOS.filter((s) => s.framework === framework.id && s.item === item.id).map((s) => s.kind));
        for (const kind of requiredKinds(item, gated)) {
          const exempt = EXEMPTIONS.some((e) => e.framework === framework.id && e.item === item.id && e.kind === kind);
          if (!have.has(kind) && !exempt) missing.push(`${framework.id} ${item.id}: ${kind}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps no exemption for a kind that now has a scenario or an item that no longer asks for it', () => {
    const stale = EXEMPTIONS.filter((e) => {
      const framework = FRAMEWORKS.find((f) => f.id === e.framework);
      const item = framework?.items.find((i) => i.id === e.item);
      if (!framework || !item) return true;
      const gated = framework.gatingQuestions.some((g) => g.gates.includes(item.id));
      const has = ALL_SCENARIOS.some((s) => s.framework === e.framework && s.item === e.item && s.kind === e.kind);
      return has || !requiredKinds(item, gated).includes(e.kind);
    });
    expect(stale).toEqual([]);
  });

  it('gives every scenario a known item, a known kind and a name unique for its item', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const s of ALL_SCENARIOS) {
      const framework = FRAMEWORKS.find((f) => f.id === s.framework);
      if (!framework?.items.some((i) => i.id === s.item)) problems.push(`${s.framework} ${s.item}: unknown item`);
      if (!SCENARIO_KINDS.includes(s.kind)) problems.push(`${s.item}: unknown kind ${s.kind}`);
      const key = `${s.framework} ${s.item} ${s.kind} ${s.name}`;
      if (seen.has(key)) problems.push(`duplicate: ${key}`);
      seen.add(key);
    }
    expect(problems).toEqual([]);
  });
});
}
