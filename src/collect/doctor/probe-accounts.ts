/**
 * Per-account probes: assume the member role in every account (concurrently, with the external ID), then in
 * each account the scan can enter: its regions, a sample of reads (one per service, plus one read in every
 * scanned region) and the Support API. Results are data; run-doctor turns them into lines.
 */
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import pLimit from 'p-limit';
import type { Observed } from '../../core/observed.js';
import type { RegionInfo } from '../../core/snapshot.js';
import type { ClientFactory } from '../clients.js';
import type { CollectorContext } from '../collector.js';
import { discoverRegions } from '../regions.js';
import type { MemberAccount } from './probe-organization.js';
import { REGION_SWEEP_READ, SAMPLE_READS, type SampleRead } from './sample-reads.js';

export interface AccountTarget {
  readonly accountId: string;
  readonly clients: ClientFactory;
}

export interface AssumeResult {
  readonly account: MemberAccount;
  readonly roleArn: string;
  readonly result: Observed<AccountTarget>;
}

export type ContextFor = (accountId: string, clients: ClientFactory, region: string) => CollectorContext;

/**
 * Assumes the role in every member account, `concurrency` at a time. `enter` builds the account's clients
 * from the role ARN and performs the AssumeRole call through a context, so the error is classified.
 */
export async function assumeMemberRoles(
  members: readonly MemberAccount[],
  concurrency: number,
  roleArnFor: (accountId: string) => string,
  enter: (accountId: string, roleArn: string) => Promise<Observed<AccountTarget>>,
): Promise<AssumeResult[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(
    members.map((account) =>
      limit(async () => {
        const roleArn = roleArnFor(account.id);
        return { account, roleArn, result: await enter(account.id, roleArn) };
      }),
    ),
  );
}

export interface ReadResult {
  readonly read: SampleRead;
  readonly region: string;
  readonly result: Observed<unknown>;
}

export interface AccountProbe {
  readonly accountId: string;
  readonly regions: Observed<RegionInfo[]>;
  /** The regions the scan would cover in this account. */
  readonly scannedRegions: readonly string[];
  readonly reads: readonly ReadResult[];
  /** support:DescribeSeverityLevels; SubscriptionRequiredException (Basic/Developer plan) is an answer: null. */
  readonly support: Observed<unknown>;
}

export async function probeAccount(
  target: AccountTarget,
  contextFor: ContextFor,
  homeRegion: string,
  requestedRegions: readonly string[] | null,
): Promise<AccountProbe> {
  const home = contextFor(target.accountId, target.clients, homeRegion);
  const regions = await discoverRegions(home, requestedRegions);
  const scannedRegions = regions.ok ? regions.value.filter((r) => r.scanned).map((r) => r.region) : (requestedRegions ?? [homeRegion]);
  // Regional samples go to the home region when it is scanned (the region every account has), else the first.
  const sampleRegion = scannedRegions.includes(homeRegion) ? homeRegion : (scannedRegions[0] ?? homeRegion);

  const reads: ReadResult[] = [];
  const run = async (read: SampleRead, region: string) => {
    const ctx = read.scope === 'global' ? home : contextFor(target.accountId, target.clients, region);
    const result = await ctx.call(read.service, read.operation, () => read.run(ctx), { notFoundCodes: read.notFoundCodes ?? [] });
    reads.push({ read, region: read.scope === 'global' ? 'global' : region, result });
  };
  for (const read of SAMPLE_READS) await run(read, sampleRegion);
  for (const region of scannedRegions.filter((r) => r !== sampleRegion)) await run(REGION_SWEEP_READ, region);

  const support = await home.call(
    'support',
    'DescribeSeverityLevels',
    () => home.client(SupportClient).send(new DescribeSeverityLevelsCommand({}), { abortSignal: home.signal }),
    { notFoundCodes: ['SubscriptionRequiredException'] },
  );
  return { accountId: target.accountId, regions, scannedRegions, reads, support };
}
