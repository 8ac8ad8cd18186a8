/**
 * Evaluation one account at a time, so memory does not grow with the snapshot (docs/decisions/0009):
 *   - every check that only looks at one account at a time runs on a one-account snapshot per shard (the
 *     header's organization, times and partition included); its findings go to the caller's FindingSink
 *     (a spool file per check, so assessment.json still lists them check by check, accounts in order);
 *   - what needs the whole organization is kept small and evaluated at the end: the cross-account checks
 *     (CROSS_ACCOUNT_CHECKS) and the inventory / costs / region coverage run on a "context" snapshot made of
 *     every account with only the slices they read (CONTEXT_GLOBAL_SLICES, CONTEXT_REGIONAL_SLICES);
 *   - verdicts are decided by the same code as `evaluate` (assembleAssessment) from the VerdictFinding view
 *     of the findings: status for every finding, message / resource / suppression only for the findings a
 *     reason can quote (the first of each kind per check, the first three accepted risks).
 * The result is the assessment `evaluate` gives for the same snapshot, findings excepted (they are in the
 * sink); test/evaluate-stream.test.ts proves it on multi-account snapshots. Pure: the sink does the I/O.
 */
import type { AccountName, Assessment } from '../core/assessment.js';
import type { CheckDefinition } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { CollectionError } from '../core/observed.js';
import type { GlobalSlices, RegionalSlices } from '../core/slices/index.js';
import type { AccountShard, AccountSnapshot, Snapshot, SnapshotHeader, SnapshotTrailer } from '../core/snapshot.js';
import type { Framework } from '../core/framework.js';
import { assembleAssessment, findingsOfRun, planEvaluation, scannedRegionsOf, type EvaluateOptions, type EvaluationPlan } from './evaluate.js';
import { buildAccountNames } from './account-names.js';
import { buildCostSummary, buildInventory, type InventoryFinding } from './inventory.js';
import type { VerdictFinding } from './item-verdict.js';
import { regionCoverage } from './region-coverage.js';
import { runChecks } from './run-checks.js';

/**
 * Checks whose outcome for one account depends on other accounts' data. They run once, at the end, on the
 * context snapshot; the slices they read must be in the context lists below (the stream test checks both).
 */
export const CROSS_ACCOUNT_CHECKS: ReadonlySet<string> = new Set(['accessanalyzer_enabled']);

/** Slices kept for every account until the end: Organization data, costs (payer), tags, analyzers. */
export const CONTEXT_GLOBAL_SLICES = ['organizations', 'costs'] as const satisfies readonly (keyof GlobalSlices)[];
export const CONTEXT_REGIONAL_SLICES = ['accessanalyzer', 'tagging'] as const satisfies readonly (keyof RegionalSlices)[];

/** Where findings go while accounts are evaluated, by the index of their check in `checks`. */
export interface FindingSink {
  add(checkIndex: number, finding: Finding): void;
}

/** A snapshot read account by account (io/snapshot-stream.ts SnapshotSource, without the I/O type). */
export interface ShardSource {
  readonly header: SnapshotHeader;
  readonly trailer: SnapshotTrailer;
  shards(): AsyncIterable<AccountShard>;
}

export interface StreamEvaluateOptions extends EvaluateOptions {
  /** Applied to every one-account snapshot (and to the trailer's errors): the scope of a workload. */
  readonly transform?: ((snapshot: Snapshot) => Snapshot) | undefined;
}

export interface StreamedAssessment {
  /** The assessment with `findings` empty: they are in the sink, check index by check index. */
  readonly assessment: Assessment;
  /** The checks in the order of their sink index. */
  readonly checks: readonly CheckDefinition[];
  readonly findingCount: number;
}

/** The account with only the slices the end-of-scan context needs. */
function contextAccount(account: AccountSnapshot): AccountSnapshot {
  const global: Record<string, unknown> = {};
  for (const key of CONTEXT_GLOBAL_SLICES) if (account.global[key] !== undefined) global[key] = account.global[key];
  return {
    ...account,
    global,
    regional: account.regional.map((r) => {
      // `read` (full / posture-only) is small and the region coverage note says which regions were posture-only.
      const kept: Record<string, unknown> = { region: r.region, ...(r.read ? { read: r.read } : {}) };
      for (const key of CONTEXT_REGIONAL_SLICES) if (r[key] !== undefined) kept[key] = r[key];
      return kept as unknown as AccountSnapshot['regional'][number];
    }),
  };
}

/**
 * Keeps, per check, the VerdictFinding view: one shared object per (status, suppressed) after the first,
 * which keeps its message and resource; the first three suppressed FAILs keep theirs (acceptedRisk quotes
 * three). Memory: a reference per finding.
 */
class VerdictView {
  readonly byCheck = new Map<string, VerdictFinding[]>();
  private readonly shared = new Map<string, VerdictFinding>();
  private readonly suppressedKept = new Map<string, number>();

  add(f: Finding): void {
    const list = this.byCheck.get(f.checkId) ?? [];
    if (list.length === 0) this.byCheck.set(f.checkId, list);
    const key = `${f.checkId}|${f.status}|${f.suppression ? 's' : ''}`;
    const quotedSuppression = f.status === 'FAIL' && f.suppression !== undefined && (this.suppressedKept.get(f.checkId) ?? 0) < 3;
    if (quotedSuppression) this.suppressedKept.set(f.checkId, (this.suppressedKept.get(f.checkId) ?? 0) + 1);
    const first = !this.shared.has(key);
    const view: VerdictFinding = {
      checkId: f.checkId,
      status: f.status,
      message: f.message,
      resourceId: f.resourceId,
      ...(f.suppression ? { suppression: f.suppression } : {}),
    };
    if (first) this.shared.set(key, { ...view, message: '', resourceId: '' });
    list.push(first || quotedSuppression ? view : (this.shared.get(key) ?? view));
  }
}

/** The first finding of each resource (in check order, then account order), for the inventory. */
class InventoryRefs {
  private readonly byKey = new Map<string, { checkIndex: number; seq: number; ref: InventoryFinding }>();
  private seq = 0;

  add(checkIndex: number, f: Finding): void {
    if (f.resourceType === 'AWS::::Account' || f.resourceType === 'AWS::::Region') return;
    const key = f.resourceArn ?? `${f.accountId}|${f.region ?? ''}|${f.resourceType}|${f.resourceId}`;
    const seq = this.seq++;
    const known = this.byKey.get(key);
    if (known && known.checkIndex <= checkIndex) return;
    this.byKey.set(key, {
      checkIndex,
      seq,
      ref: { accountId: f.accountId, region: f.region, resourceType: f.resourceType, resourceId: f.resourceId, resourceArn: f.resourceArn },
    });
  }

  ordered(): InventoryFinding[] {
    return [...this.byKey.values()].sort((a, b) => a.checkIndex - b.checkIndex || a.seq - b.seq).map((e) => e.ref);
  }
}

function snapshotOf(header: SnapshotHeader, trailer: SnapshotTrailer, accounts: readonly AccountSnapshot[], errors: readonly CollectionError[], operations: Snapshot['operations']): Snapshot {
  return {
    ...header,
    finishedAt: trailer.finishedAt,
    complete: trailer.complete,
    interruption: trailer.interruption,
    accounts,
    errors,
    operations,
  };
}

export async function evaluateStream(source: ShardSource, framework: Framework, options: StreamEvaluateOptions, sink: FindingSink): Promise<StreamedAssessment> {
  const plan: EvaluationPlan = planEvaluation(framework, options);
  const indexOf = new Map(plan.checks.map((c, i) => [c.id, i]));
  const perAccount = plan.checks.filter((c) => !CROSS_ACCOUNT_CHECKS.has(c.id));
  const crossAccount = plan.checks.filter((c) => CROSS_ACCOUNT_CHECKS.has(c.id));
  const view = new VerdictView();
  const inventory = new InventoryRefs();
  let findingCount = 0;
  const { header, trailer } = source;
  const transform = options.transform ?? ((s: Snapshot) => s);

  const take = (checks: readonly CheckDefinition[], snapshot: Snapshot): void => {
    for (const run of runChecks(snapshot, checks)) {
      const index = indexOf.get(run.check.id) ?? 0;
      for (const finding of findingsOfRun(plan, run)) {
        view.add(finding);
        inventory.add(index, finding);
        sink.add(index, finding);
        findingCount += 1;
      }
    }
  };

  const context: AccountSnapshot[] = [];
  /** Every account before the scope (its home region decides which trailer errors a scope keeps). */
  const unscoped: AccountSnapshot[] = [];
  const errors: CollectionError[] = [];
  const accountNames: AccountName[] = [];
  for await (const shard of source.shards()) {
    unscoped.push({ ...shard.account, global: {}, regional: [] });
    const one = transform(snapshotOf(header, trailer, [shard.account], shard.errors, shard.operations));
    errors.push(...one.errors);
    if (one.accounts.length === 0) continue;
    take(perAccount, one);
    // Names need the account's IAM alias, which the context snapshot drops: read them per shard.
    accountNames.push(...buildAccountNames(one));
    context.push(...one.accounts.map(contextAccount));
  }

  // The reads no account owns, kept or dropped by the scope as `applyScope` does for a whole snapshot.
  const trailerErrors = transform(snapshotOf(header, trailer, unscoped, trailer.errors, trailer.operations)).errors;
  const whole = snapshotOf(header, trailer, context, [...errors, ...trailerErrors], []);
  // Per-account checks on a snapshot without accounts still run once (as `evaluate` would run them).
  if (context.length === 0) take(perAccount, whole);
  take(crossAccount, whole);

  const assessment = assembleAssessment(
    plan,
    {
      snapshot: whole,
      accountIds: context.map((a) => a.accountId),
      scannedRegions: scannedRegionsOf(whole),
      coverage: regionCoverage(whole),
      resources: buildInventory(whole, inventory.ordered()),
      costs: buildCostSummary(whole),
      accountNames,
      errors: whole.errors,
    },
    view.byCheck,
    [],
  );
  return { assessment, checks: plan.checks, findingCount };
}
