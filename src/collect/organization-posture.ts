/**
 * Organization-wide posture reads (docs/decisions/0012-region-signal.md, "Organization-wide posture reads"):
 * before the member accounts of an `--org` scan are collected, the delegated administrator of a service is
 * asked about every member at once, and its answer replaces a member's own read where, and only where, it
 * shows the positive and complete state the check needs. Everything else (member absent from the answer, a
 * state that is not the passing one, a failed or denied read, no usable administrator) leaves the member to
 * read itself, as without this step. So an organization read gives the verdict the member's own read would
 * give when that read passes, and never decides a FAIL or an UNKNOWN.
 *
 * Built for Amazon Inspector only. Why not the others (GuardDuty, Security Hub, Access Analyzer, Macie, the
 * Config aggregator): the decision record says, per service.
 *
 * Inspector (AWS documentation, checked 2026-12):
 * - organizations:ListDelegatedAdministrators (ServicePrincipal inspector2.amazonaws.com) names the
 *   administrator; "An organization can have only one delegated administrator" for Inspector, and it is the
 *   same account in every Region (Inspector user guide, "Designating a delegated administrator").
 * - The delegated administrator can "view and manage the status of Amazon Inspector for associated accounts"
 *   (user guide, "Understanding the delegated administrator account and member account").
 * - inspector2:BatchGetAccountStatus "retrieves the Amazon Inspector status of multiple AWS accounts within
 *   your environment" (API reference): the same AccountState (state.status ENABLING | ENABLED | DISABLING |
 *   DISABLED | SUSPENDING | SUSPENDED, resourceState.ec2/ecr/lambda/lambdaCode.status) the member's own call
 *   returns, so the mapping is the collector's own (`accountStatusOf`). Accounts it cannot answer for (not an
 *   associated member, the administrator not delegated in that Region) come back in failedAccounts and read
 *   themselves. accountIds takes at most 10 ids per call.
 * - The positive case is the one inspector2_is_enabled passes on: status ENABLED and at least one scan type
 *   ENABLED (src/checks/inspector2/inspector2-is-enabled.ts). Any other state reads the member itself, so a
 *   FAIL or UNKNOWN always comes from the member's own read.
 *
 * The results travel with each account (`ScanTarget.posture`, member-posture.ts: plain data), so a scan
 * thread gets them with the account, and a queue unit carries them (workers/queue-unit.ts). run-collection.ts
 * imports this file only when the step runs: a scan thread never loads it.
 *
 * The step's failures are not the scan's failed reads: they cost no verdict (the members read themselves), so
 * they are summarised in `stats.organizationReads` instead of the snapshot's error list.
 */
import { BatchGetAccountStatusCommand, Inspector2Client, type AccountState } from '@aws-sdk/client-inspector2';
import { OrganizationsClient, paginateListDelegatedAdministrators } from '@aws-sdk/client-organizations';
import { observed, type Observed } from '../core/observed.js';
import type { MemberPosture } from './member-posture.js';
import type { Inspector2Slice } from '../core/slices/inspector2.js';
import type { OrganizationReadSummary } from '../core/snapshot.js';
import type { ClientFactory } from './clients.js';
import { collectPages, type CollectorContext } from './collector.js';
import { createCollectorContext } from './collector-context.js';
import { discoverRegions } from './regions.js';
import { ScanRecorder } from './scan-recorder.js';
import { accountStatusOf } from './services/inspector2/inspector2.collector.js';

export const INSPECTOR2_SERVICE_PRINCIPAL = 'inspector2.amazonaws.com';
/** BatchGetAccountStatus takes at most 10 account ids (API reference, accountIds). */
export const INSPECTOR2_ACCOUNTS_PER_CALL = 10;
/** A summary keeps this many fallback lines (one per failed Region at most); the rest are counted. */
const MAX_FALLBACK_LINES = 8;

/**
 * The member's inspector2 slice from the administrator's AccountState, or null when it is not the positive
 * and complete case (status ENABLED with at least one scan type ENABLED): the member then reads itself.
 */
export function inspector2FromAdministrator(state: AccountState, administrator: string): Inspector2Slice | null {
  if (!state.accountId || !state.state || !state.resourceState) return null;
  const status = accountStatusOf(state);
  const scanning = [status.ec2, status.ecr, status.lambda, status.lambdaCode].some((s) => s === 'ENABLED');
  if (status.status !== 'ENABLED' || !scanning) return null;
  return {
    account: observed(status),
    source: { kind: 'delegated-administrator', accountId: administrator, operation: 'inspector2:BatchGetAccountStatus' },
  };
}

/** SDK clients of an account the scan may read (the caller's own, or its role assumed there). */
export interface AccountClients {
  readonly clients: ClientFactory;
  /** Called once the step is done with the account. */
  release(): void;
}

export interface OrganizationPostureInput {
  /** The scanning account: the Organization's management account in an --org scan. */
  readonly callerAccountId: string;
  readonly partition: string;
  readonly homeRegion: string;
  /** The accounts this scan collects; an administrator outside them is not asked. */
  readonly targetIds: readonly string[];
  readonly requestedRegions: readonly string[] | null;
  /** The collectors this scan runs (--services); a service not among them is not read. */
  readonly services: (service: string) => boolean;
  readonly signal: AbortSignal;
  clientsOf(accountId: string): AccountClients;
}

export interface OrganizationPosture {
  /** Member account id -> what its administrators answered (only members with at least one replaced read). */
  readonly members: ReadonlyMap<string, MemberPosture>;
  readonly summary: readonly OrganizationReadSummary[];
}

/** The organization posture step: one delegated administrator per service, asked about every member. */
export async function readOrganizationPosture(input: OrganizationPostureInput): Promise<OrganizationPosture> {
  const members = new Map<string, Record<string, Record<string, unknown>>>();
  const summary: OrganizationReadSummary[] = [];
  // Outcomes of this step stay out of the scan's failed reads (see the file comment).
  const recorder = new ScanRecorder();
  const contextFor = (accountId: string, clients: ClientFactory, region: string): CollectorContext =>
    createCollectorContext({ accountId, region, partition: input.partition, scannedRegions: [], clients, recorder, signal: input.signal });

  if (input.services('inspector2')) {
    summary.push(
      await readInspector2(input, contextFor, (accountId, region, slice) => {
        const regions = members.get(accountId) ?? {};
        members.set(accountId, regions);
        (regions[region] ??= {}).inspector2 = slice;
      }),
    );
  }
  return {
    members: new Map([...members].map(([id, regional]) => [id, { regional: regional }])),
    summary,
  };
}

type ContextFor = (accountId: string, clients: ClientFactory, region: string) => CollectorContext;

async function readInspector2(
  input: OrganizationPostureInput,
  contextFor: ContextFor,
  store: (accountId: string, region: string, slice: Inspector2Slice) => void,
): Promise<OrganizationReadSummary> {
  const none = (fallback: string): OrganizationReadSummary => ({ service: 'inspector2', administrator: null, accountRegions: 0, fallbacks: [fallback] });
  const caller = input.clientsOf(input.callerAccountId);
  let delegated: Observed<string[]>;
  try {
    const ctx = contextFor(input.callerAccountId, caller.clients, input.homeRegion);
    delegated = await ctx.call('organizations', 'ListDelegatedAdministrators', async () =>
      (await collectPages(paginateListDelegatedAdministrators({ client: ctx.client(OrganizationsClient) }, { ServicePrincipal: INSPECTOR2_SERVICE_PRINCIPAL }), (p) => p.DelegatedAdministrators))
        .filter((a) => a.Status === undefined || a.Status === 'ACTIVE')
        .flatMap((a) => (a.Id ? [a.Id] : [])),
    );
  } finally {
    caller.release();
  }
  if (!delegated.ok) return none(`organizations:ListDelegatedAdministrators failed (${delegated.error.code}): every member read itself`);
  const administrator = delegated.value.find((id) => id === input.callerAccountId || input.targetIds.includes(id));
  if (!administrator) {
    return none(
      delegated.value.length === 0
        ? 'no delegated administrator for Amazon Inspector: every member read itself'
        : `delegated administrator ${delegated.value.join(', ')} is not among the scanned accounts: every member read itself`,
    );
  }
  const memberIds = input.targetIds.filter((id) => id !== administrator);
  const fallbacks: string[] = [];
  let accountRegions = 0;
  const admin = input.clientsOf(administrator);
  try {
    const regions = await discoverRegions(contextFor(administrator, admin.clients, input.homeRegion), input.requestedRegions);
    if (!regions.ok) return { service: 'inspector2', administrator, accountRegions: 0, fallbacks: [`ec2:DescribeRegions in ${administrator} failed (${regions.error.code}): every member read itself`] };
    const scanned = regions.value.filter((r) => r.scanned).map((r) => r.region);
    const chunks: string[][] = [];
    for (let i = 0; i < memberIds.length; i += INSPECTOR2_ACCOUNTS_PER_CALL) chunks.push(memberIds.slice(i, i + INSPECTOR2_ACCOUNTS_PER_CALL));
    await Promise.all(
      scanned.flatMap((region) =>
        chunks.map(async (chunk) => {
          const ctx = contextFor(administrator, admin.clients, region);
          const answer = await ctx.call('inspector2', 'BatchGetAccountStatus', () =>
            ctx.client(Inspector2Client).send(new BatchGetAccountStatusCommand({ accountIds: chunk })),
          );
          if (!answer.ok) {
            fallbacks.push(`${region}: inspector2:BatchGetAccountStatus failed (${answer.error.code}): those members read themselves`);
            return;
          }
          for (const state of answer.value.accounts ?? []) {
            // Only an account this call asked about: an answer never speaks for another one.
            if (!state.accountId || !chunk.includes(state.accountId)) continue;
            const slice = inspector2FromAdministrator(state, administrator);
            if (!slice) continue;
            store(state.accountId, region, slice);
            accountRegions += 1;
          }
        }),
      ),
    );
  } finally {
    admin.release();
  }
  const kept = [...new Set(fallbacks)].sort();
  return {
    service: 'inspector2',
    administrator,
    accountRegions,
    fallbacks: kept.length > MAX_FALLBACK_LINES ? [...kept.slice(0, MAX_FALLBACK_LINES), `and ${kept.length - MAX_FALLBACK_LINES} more`] : kept,
  };
}
