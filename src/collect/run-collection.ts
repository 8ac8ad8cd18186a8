/**
 * runScan: the only entry point that talks to AWS. It finds out who we are, which accounts to scan
 * (one, or every active account of the Organization), gets into each (AssumeRole), lists its enabled
 * regions and runs every collector for every account x region. Each account and each collector is
 * isolated: a failure is recorded and the rest goes on. On Ctrl-C or when the endpoint stops answering,
 * the scan stops scheduling work and returns what it already collected (complete=false).
 *
 * Concurrency (docs/decisions/0008-scan-concurrency.md): a window of accounts is in progress at once; their
 * collector tasks are admitted round-robin over accounts (task-scheduler.ts); requests in flight are capped
 * globally, per account and per account x region x service per attempt (clients.ts, scan-limits.ts); one
 * retry budget is shared by the scan (retry-budget.ts). When an account's last task ends its SDK clients
 * are released.
 */
import { setMaxListeners } from 'node:events';
import { DescribeOrganizationCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { UserError } from '../core/errors.js';
import { notObserved, observed, type CollectionError, type Observed } from '../core/observed.js';
import type { GlobalSlices, RegionalSlices } from '../core/slices/index.js';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type AccountSnapshot,
  type OrganizationAccount,
  type OrganizationInfo,
  type AccountShard,
  type CollectionStats,
  type RegionInfo,
  type RegionRead,
  type RegionalSnapshot,
  type Snapshot,
  type SnapshotHeader,
  type SnapshotTrailer,
  type OperationOutcome,
} from '../core/snapshot.js';
import { TOOL_VERSION } from '../version.js';
import { createClientFactory, createScanHttpHandler, createSharedClientPool, DEFAULT_CLIENT_SETTINGS, resolveSharedClientConfig, type ClientFactory, type ClientSettings, type Credentials } from './clients.js';
import { abortableSleep, createCollectorContext } from './collector-context.js';
import { collectPages, type CollectorContext, type GlobalCollector, type RegionalCollector, type ScanOrganization } from './collector.js';
import { assumeRoleProvider, defaultCredentials, whoAmI, type CallerIdentity } from './credentials.js';
import { discoverRegions, homeRegionFor, validateRequestedRegions } from './regions.js';
import { FairLimiter } from './fair-limiter.js';
import { RetryBudget } from './retry-budget.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_ACCOUNT_CONCURRENCY, perServiceCap } from './scan-limits.js';
import { ProgressTracker, type ScanProgress } from './scan-progress.js';
import { ScanRecorder } from './scan-recorder.js';
import { decideRegionRead, fixedRegionRead, notRead, readDiscoveredCount, regionNeedsSignal, splitBySignal } from './region-signal.js';
import { TaskScheduler, type TaskHandle } from './task-scheduler.js';
import { organizationSlice, type MemberPosture } from './member-posture.js';
import type { OrganizationPosture } from './organization-posture.js';

export type { ScanProgress } from './scan-progress.js';

export interface ScanOptions {
  /** Scan every active account of the Organization (needs the management account or a delegated admin). */
  readonly org: boolean;
  /** Role assumed in member accounts. */
  readonly roleName: string;
  readonly externalId?: string | undefined;
  readonly profile?: string | undefined;
  /** Restrict to these regions; default every enabled region. */
  readonly regions?: readonly string[] | undefined;
  /** Restrict an --org scan to these account ids. */
  readonly accounts?: readonly string[] | undefined;
  /** Requests in flight at once across the scan (default DEFAULT_CONCURRENCY). */
  readonly concurrency?: number | undefined;
  /** Requests in flight at once against one account (default DEFAULT_PER_ACCOUNT_CONCURRENCY). */
  readonly perAccountConcurrency?: number | undefined;
  readonly maxAttempts?: number | undefined;
  /** Endpoint override (default AWS_ENDPOINT_URL). */
  readonly endpoint?: string | undefined;
  readonly requestTimeoutMs?: number | undefined;
  /** Only run these collectors (service keys); default all. */
  readonly services?: readonly string[] | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Starting credentials; default the SDK's default chain or --profile. */
  readonly credentials?: Credentials | undefined;
  /** `--resume`: accounts that already have a complete shard; they are not collected again. */
  readonly skipAccounts?: ReadonlySet<string> | undefined;
  /** Read every region's resources, whatever the region signal says (docs/decisions/0012-region-signal.md). */
  readonly deepRegions?: boolean | undefined;
  /** Set by runScanToSink: each account is handed over as it finishes and not kept (memory flat in accounts). */
  readonly sink?: ShardSink | undefined;
  /** Collect the chosen accounts elsewhere (worker threads, a queue of workers): collect/workers/. */
  readonly distribute?: AccountDistributor | undefined;
  /** This run is one part of a scan another thread or process coordinates: it takes accounts from a queue. */
  readonly part?: ScanPart | undefined;
}

/** An account to collect. */
export interface ScanTarget {
  readonly id: string;
  readonly name: string | null;
  /** Reads a delegated administrator answered for this account (organization-posture.ts); it skips its own there. */
  readonly posture?: MemberPosture | undefined;
}

/**
 * One part of a distributed scan (a worker thread, a queue worker): the coordinator read the identity and
 * the Organization and wrote the header; this part collects the accounts it takes from `next()` and hands
 * each to its sink (it never calls `sink.start`).
 */
export interface ScanPart {
  /** The coordinator's identity when this part runs with the same credentials; absent: GetCallerIdentity. */
  readonly identity?: CallerIdentity | undefined;
  readonly organization: ScanOrganization;
  /** The next account, null when none is left (a shared queue: a slow account idles no one). */
  next(): Promise<ScanTarget | null>;
  /** Called once when this part stops early (interrupted, or its endpoint stopped answering). */
  stopped?(reason: string): void;
  /** Told of every request slot taken (+1) and given back (-1): the coordinator's count across parts. */
  requestSlot?(change: 1 | -1): void;
}

/** Counters a part reports while it runs (differences since its last report). */
export type ProgressDelta = Pick<
  ScanProgress,
  'accountsReady' | 'accountsDone' | 'tasksTotal' | 'tasksDone' | 'apiCalls' | 'retries' | 'throttles' | 'errors'
>;

/** What the coordinator hands a distributor once the accounts are chosen and the header is written. */
export interface DistributionPlan {
  /** When this run started (the snapshot header's `startedAt`, unless `--resume` keeps an earlier one). */
  readonly startedAt: string;
  readonly identity: CallerIdentity;
  readonly organization: ScanOrganization;
  readonly targets: readonly ScanTarget[];
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  readonly maxAttempts: number;
  /** Aborted on Ctrl-C, a dead endpoint, or `stop`. */
  readonly signal: AbortSignal;
  /** Stops the whole scan (e.g. one part found the endpoint gone); unfinished accounts become incomplete shards. */
  stop(reason: string): void;
  /** A finished account from a part: written by the coordinator's one writer. */
  shard(shard: AccountShard): Promise<void>;
  /**
   * This account could not be collected (its part died twice, its unit failed every attempt): it gets an
   * incomplete shard saying why, the others go on, and the scan ends incomplete (`--resume` retries it).
   */
  failed(accountId: string, reason: string): void;
  progress(delta: Partial<ProgressDelta>, requestsInFlight: number): void;
}

/** The parts' reads that belong to no account, and their counters. */
export interface DistributedResult {
  /** How many parts (threads, queue workers) collected. */
  readonly parts: number;
  readonly errors: readonly CollectionError[];
  readonly operations: readonly OperationOutcome[];
  readonly stats: Pick<CollectionStats, 'requests' | 'attempts' | 'retries' | 'throttles' | 'retriesRefusedByBudget' | 'maxRequestsInFlight'>;
}

export interface AccountDistributor {
  /** False to collect in this thread after all (e.g. one account: a thread would only cost start-up). */
  wants(targets: readonly ScanTarget[]): boolean;
  run(plan: DistributionPlan): Promise<DistributedResult>;
}

/** Receives the snapshot while it is collected (io/snapshot-stream.ts writes it to snapshot.json.gz). */
export interface ShardSink {
  /** Once, after the Organization is read and the accounts are chosen, before any shard. */
  start(header: SnapshotHeader): Promise<void>;
  /** Each account as it finishes; `complete` is false when the scan stopped while or before it ran. */
  account(shard: AccountShard): Promise<void>;
}

interface AccountWork {
  accountId: string;
  name: string | null;
  access: AccountSnapshot['access'];
  regions: Observed<RegionInfo[]>;
  global: Record<string, unknown>;
  regional: Map<string, Record<string, unknown>>;
  posture?: MemberPosture | undefined;
  /** Handed to the sink (and dropped from memory). */
  sunk?: boolean;
  /** Why a distributed scan could not collect it (DistributionPlan.failed); its shard is incomplete. */
  failure?: string;
}

/**
 * runScan with every account handed to `sink` as soon as it finishes (and then dropped), so memory holds
 * only the accounts in progress. Returns the trailer: what is known at the end, and the reads no account owns.
 */
export async function runScanToSink(options: ScanOptions, sink: ShardSink): Promise<SnapshotTrailer> {
  const rest = await runScan({ ...options, sink });
  return {
    finishedAt: rest.finishedAt,
    complete: rest.complete,
    interruption: rest.interruption,
    errors: rest.errors,
    operations: rest.operations,
    ...(rest.stats ? { stats: rest.stats } : {}),
  };
}

export async function runScan(options: ScanOptions): Promise<Snapshot> {
  const startedAt = new Date().toISOString();
  const abort = new AbortController();
  // Every backoff and poll waits on this signal at once (hundreds at a time): not a listener leak.
  setMaxListeners(0, abort.signal);
  // An object, not a let: TypeScript's flow analysis does not see writes made inside callbacks.
  const state: { interruption: string | null } = { interruption: null };
  const stop = (reason: string) => {
    if (abort.signal.aborted) return;
    state.interruption = reason;
    abort.abort(reason);
    options.part?.stopped?.(reason);
  };
  const onExternalAbort = () => {
    const reason: unknown = options.signal?.reason;
    stop(typeof reason === 'string' ? reason : 'interrupted by the user');
  };
  if (options.signal?.aborted) onExternalAbort();
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });

  const requestedRegions = options.regions ? validateRequestedRegions(options.regions) : null;
  const settings: ClientSettings = {
    endpoint: options.endpoint ?? DEFAULT_CLIENT_SETTINGS.endpoint,
    maxAttempts: options.maxAttempts ?? DEFAULT_CLIENT_SETTINGS.maxAttempts,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_CLIENT_SETTINGS.requestTimeoutMs,
    // Read once here instead of by every client the scan builds (clients.ts).
    shared: await resolveSharedClientConfig(),
  };
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const perAccountConcurrency = Math.max(1, Math.min(concurrency, options.perAccountConcurrency ?? DEFAULT_PER_ACCOUNT_CONCURRENCY));
  const recorder = new ScanRecorder((reason) => stop(reason));
  const baseCredentials = options.credentials ?? defaultCredentials(options.profile);
  const sleep = (ms: number) => abortableSleep(ms, abort.signal);
  // Requests in flight, per attempt: global, per account, per account x region x service.
  const requests = new FairLimiter({ total: concurrency, perAccount: perAccountConcurrency, perKey: perServiceCap, observe: options.part?.requestSlot ? (change) => options.part?.requestSlot?.(change) : undefined });
  // Collector tasks: twice the request caps, so tasks that wait (backoff, request slot) never starve the rest.
  const tasks = new TaskScheduler({ total: 2 * concurrency, perAccount: 2 * perAccountConcurrency, sleep });
  const retryStrategy = new RetryBudget({ maxAttempts: settings.maxAttempts, sleep, onRetryDecision: (d) => recorder.countRetryDecision(d) });
  // Counters of the parts of a distributed scan (collect/workers/), shown with this thread's own.
  const remote = { accountsReady: 0, accountsDone: 0, tasksTotal: 0, tasksDone: 0, apiCalls: 0, retries: 0, throttles: 0, errors: 0, inFlight: 0 };
  const counters = {
    get apiCalls() { return recorder.apiCalls + remote.apiCalls; },
    get retries() { return recorder.retries + remote.retries; },
    get throttles() { return recorder.throttles + remote.throttles; },
    get errorCount() { return recorder.errorCount + remote.errors; },
  };
  const progress = new ProgressTracker({ recorder: counters, listener: options.onProgress, inFlight: () => requests.inFlight + remote.inFlight });
  // A heartbeat, so a log gets its progress line even while every task waits on slow answers.
  const heartbeat = options.onProgress ? setInterval(() => progress.emit(), 1_000) : undefined;
  heartbeat?.unref();
  // One HTTP handler for the scan: connections (and TLS sessions) are reused across accounts (clients.ts).
  const httpHandler = createScanHttpHandler(settings, concurrency);
  // One SDK client per service and region for the scan (thread), shared by the accounts; each request is signed
  // for the account whose client handle sent it (clients.ts, account-signing.ts).
  const sharedClients = createSharedClientPool({ settings, retryStrategy, httpHandler });
  const factoryFor = (accountId: string, defaultRegion: string, credentials: Credentials, s: ClientSettings = settings): ClientFactory =>
    createClientFactory({ accountId, defaultRegion, credentials, settings: s, recorder, signal: abort.signal, requests, retryStrategy, httpHandler, sharedClients: s === settings ? sharedClients : undefined });

  try {
    progress.emit('identity', 'Checking credentials');
    const part = options.part;
    let me: CallerIdentity;
    if (part?.identity) {
      me = part.identity;
    } else {
      const bootstrapClients = factoryFor('unknown', 'us-east-1', baseCredentials, { ...settings, maxAttempts: Math.min(settings.maxAttempts, 3) });
      me = await whoAmI(bootstrapClients, baseCredentials, options.profile);
      bootstrapClients.release();
    }
    const homeRegion = homeRegionFor(me.partition);
    const baseClients = factoryFor(me.accountId, homeRegion, baseCredentials);
    // Set once the targets are chosen: Cost Explorer reads once from the payer for every scanned member.
    const scanScope: { organization?: ScanOrganization } = {};
    const contextFor = (accountId: string, clients: ClientFactory, region: string, scannedRegions: readonly string[], task?: TaskHandle, regionRead?: RegionRead) =>
      createCollectorContext({
        regionRead,
        accountId,
        region,
        partition: me.partition,
        scannedRegions,
        clients,
        recorder,
        signal: abort.signal,
        pause: task ? (ms) => task.pause(ms) : undefined,
        ...(scanScope.organization ? { scanOrganization: scanScope.organization } : {}),
      });

    // A part does not read the Organization: its coordinator did, and wrote the header.
    if (!part) progress.emit('organization', 'Reading the Organization');
    const organization = part ? observed(null) : await readOrganization(contextFor(me.accountId, baseClients, homeRegion, []));

    let targets = part ? [] : chooseAccounts(options, me.accountId, organization).filter((t) => !options.skipAccounts?.has(t.id));
    scanScope.organization = part?.organization ?? {
      managementAccountId: organization.ok ? (organization.value?.managementAccountId ?? null) : null,
      scannedAccountIds: targets.map((t) => t.id),
    };
    progress.accountsTotal = targets.length;
    const selected = (service: string) => !options.services || options.services.includes(service);
    const sink = options.sink;
    if (!part) await sink?.start({
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'ftr-ready', version: TOOL_VERSION },
      startedAt,
      principal: { arn: me.arn, accountId: me.accountId },
      partition: me.partition,
      mode: options.org ? 'organization' : 'account',
      requestedRegions,
      organization,
    });
    // --- Organization posture (organization-posture.ts, docs/decisions/0012): delegated administrators answer
    // for the members before they are collected; each target carries its answers (to threads and queue units too).
    let organizationReads: OrganizationPosture | null = null;
    if (options.org && !part && targets.length > 1 && !abort.signal.aborted) {
      progress.emit('organization', 'Reading organization-wide posture from delegated administrators');
      const { readOrganizationPosture } = await import('./organization-posture.js');
      organizationReads = await readOrganizationPosture({
        callerAccountId: me.accountId,
        partition: me.partition,
        homeRegion,
        targetIds: targets.map((t) => t.id),
        requestedRegions,
        services: selected,
        signal: abort.signal,
        clientsOf: (accountId) => {
          if (accountId === me.accountId) return { clients: baseClients, release: () => undefined };
          const clients = factoryFor(accountId, homeRegion, assumeRoleProvider(baseClients, roleArn(me.partition, accountId, options.roleName), options.externalId));
          return { clients, release: () => clients.release() };
        },
      });
      const answered = organizationReads.members;
      targets = targets.map((t) => (answered.has(t.id) ? { ...t, posture: answered.get(t.id) } : t));
    }
    // --- end organization posture

    /** Hands a finished (or never reached) account to the sink with its errors and outcomes, then drops it. */
    const release = async (work: AccountWork): Promise<void> => {
      if (!sink || work.sunk) return;
      work.sunk = true;
      const taken = recorder.takeAccount(work.accountId);
      await sink.account({ complete: !abort.signal.aborted && work.failure === undefined, account: toAccountSnapshot(work, homeRegion), ...taken });
      work.global = {};
      work.regional = new Map();
    };

    // The collectors (and with them the SDK's client packages, about 2.5 s of CPU to load) are imported when
    // this thread scans its first account: a coordinator whose accounts all go to scan threads never loads them.
    let collectors: Promise<{ global: readonly GlobalCollector[]; regional: readonly RegionalCollector[] }> | undefined;
    const loadCollectors = () =>
      (collectors ??= import('./services/index.js').then((m) => ({
        global: m.GLOBAL_COLLECTORS.filter((c) => selected(c.service)),
        regional: m.REGIONAL_COLLECTORS.filter((c) => selected(c.service)),
      })));

    const newWork = (t: ScanTarget): AccountWork => ({
      accountId: t.id,
      name: t.name,
      access: notObserved(pendingError(t.id)),
      regions: notObserved(pendingError(t.id)),
      global: {},
      regional: new Map(),
      posture: t.posture,
    });
    const works: AccountWork[] = targets.map(newWork);

    const runTask = (accountId: string, label: string, task: (handle: TaskHandle) => Promise<void>) =>
      tasks.run(accountId, async (handle) => {
        if (abort.signal.aborted) return;
        progress.message = label;
        await task(handle);
        progress.taskDone();
      });

    /** Gets into one account, lists its regions, runs its collectors, then releases its clients. */
    const scanAccount = async (work: AccountWork): Promise<void> => {
      if (abort.signal.aborted) return;
      const isCaller = work.accountId === me.accountId;
      const arn = roleArn(me.partition, work.accountId, options.roleName);
      const credentials = isCaller ? baseCredentials : assumeRoleProvider(baseClients, arn, options.externalId);
      const accountClients = isCaller ? baseClients : factoryFor(work.accountId, homeRegion, credentials);
      try {
        let scanned: string[] = [];
        await tasks.run(work.accountId, async () => {
          const homeCtx = contextFor(work.accountId, accountClients, homeRegion, []);
          if (isCaller) {
            work.access = observed({ via: 'caller', roleArn: null });
          } else {
            // Assume the role once up front: a denied role costs this account only, with the reason recorded.
            const assumed = await homeCtx.call('sts', 'AssumeRole', () => (typeof credentials === 'function' ? credentials() : Promise.resolve(credentials)));
            work.access = assumed.ok ? observed({ via: 'assumed-role', roleArn: arn }) : notObserved(assumed.error);
          }
          progress.accountReady();
          if (!work.access.ok || abort.signal.aborted) return;
          work.regions = await discoverRegions(homeCtx, requestedRegions);
          scanned = work.regions.ok ? work.regions.value.filter((r) => r.scanned).map((r) => r.region) : (requestedRegions ?? [homeRegion]);
        });
        if (!work.access.ok) return;
        const { global: globalCollectors, regional: regionalCollectors } = await loadCollectors();
        for (const region of scanned) work.regional.set(region, {});

        const pending: Promise<void>[] = [];
        progress.tasksTotal += globalCollectors.length + regionalCollectors.length * scanned.length;
        for (const collector of globalCollectors) {
          pending.push(
            runTask(work.accountId, `${work.accountId} ${collector.service}`, async (handle) => {
              const ctx = contextFor(work.accountId, accountClients, homeRegion, scanned, handle);
              work.global[collector.service] = await safeCollect(ctx, collector.service, () => collector.collect(ctx));
            }),
          );
        }
        // Region-major order: with round-robin over accounts, one account's regions interleave too.
        // Posture (and resources no signal covers) first; the other resource collectors once the region
        // signal has decided (region-signal.ts, docs/decisions/0012-region-signal.md).
        const [postureFirst, afterSignal] = splitBySignal(regionalCollectors);
        for (const region of scanned) {
          const slot = work.regional.get(region) ?? {};
          const collect = (collector: RegionalCollector, read?: RegionRead) => {
            // Answered by the delegated administrator (positive and complete only): no read of its own here.
            const fromOrganization = organizationSlice(work.posture, region, collector.service);
            if (fromOrganization) {
              slot[collector.service] = fromOrganization;
              progress.taskDone();
              return Promise.resolve();
            }
            return runTask(work.accountId, `${work.accountId} ${region} ${collector.service}`, async (handle) => {
              const ctx = contextFor(work.accountId, accountClients, region, scanned, handle, read);
              slot[collector.service] = await safeCollect(ctx, collector.service, () => collector.collect(ctx));
            });
          };
          const first = new Map(postureFirst.map((c) => [c.service, collect(c)] as const));
          pending.push(...first.values());
          if (afterSignal.length === 0) continue;
          const where = { region, homeRegion, requested: requestedRegions?.includes(region) ?? false, deep: options.deepRegions === true };
          const fixed = fixedRegionRead(where);
          if (fixed) {
            // Read fully whatever a signal says: no need to wait for one.
            slot.read = fixed;
            pending.push(...afterSignal.map((c) => collect(c, fixed)));
            continue;
          }
          pending.push(
            Promise.all([first.get('config'), first.get('tagging')]).then(async () => {
              const input = {
                ...where,
                skippable: afterSignal,
                config: slot.config as RegionalSlices['config'],
                tagging: slot.tagging as RegionalSlices['tagging'],
              };
              const step = regionNeedsSignal(input);
              let discovered: Observed<number> | undefined;
              if (!('decided' in step)) {
                progress.tasksTotal += 1;
                await runTask(work.accountId, `${work.accountId} ${region} region signal`, async () => {
                  discovered = await readDiscoveredCount(contextFor(work.accountId, accountClients, region, scanned), step.types);
                });
              }
              const read = 'decided' in step ? step.decided : decideRegionRead({ ...input, discovered });
              // Stored next to the slices: toAccountSnapshot spreads them into the RegionalSnapshot.
              slot.read = read;
              await Promise.all(
                afterSignal.map((c) => {
                  if (read.mode === 'full' || c.regionalReads !== 'resources') return collect(c, read);
                  slot[c.service] = notRead({ accountId: work.accountId, region }, c.service, c.operations[0]?.operation ?? 'collect', read);
                  progress.taskDone();
                  return Promise.resolve();
                }),
              );
            }),
          );
        }
        await Promise.all(pending);
      } finally {
        // The account is done: its clients go (the sockets stay with the scan's HTTP handler, for the next
        // accounts); the caller's serve AssumeRole until the end.
        if (!isCaller) accountClients.release();
        progress.accountDone();
        // Written as soon as it is done, also when access was refused (its shard says why).
        await release(work);
      }
    };

    // A window of accounts in progress: enough for the request caps to fill (twice concurrency / per-account),
    // few enough that clients and queued tasks stay bounded whatever the size of the Organization.
    const windowSize = Math.max(2, Math.ceil((2 * concurrency) / perAccountConcurrency));
    let distributed: DistributedResult | null = null;
    if (part) {
      // The same window, filled from the coordinator's queue instead of a list.
      await Promise.all(
        Array.from({ length: windowSize }, async () => {
          while (!abort.signal.aborted) {
            const target = await part.next();
            if (!target) return;
            const work = newWork(target);
            works.push(work);
            await scanAccount(work);
            // Written and released: a part keeps nothing of its finished accounts (memory flat in accounts).
            if (work.sunk) works.splice(works.indexOf(work), 1);
          }
        }),
      );
    } else if (options.distribute?.wants(targets)) {
      const byId = new Map(works.map((w) => [w.accountId, w]));
      distributed = await options.distribute.run({
        startedAt,
        identity: me,
        organization: scanScope.organization,
        targets,
        concurrency,
        perAccountConcurrency,
        maxAttempts: settings.maxAttempts,
        signal: abort.signal,
        stop,
        shard: async (shard) => {
          const work = byId.get(shard.account.accountId);
          if (!work || work.sunk) return; // not ours, or already written: one shard per account
          work.sunk = true;
          await sink?.account(shard);
        },
        failed: (accountId, reason) => {
          const work = byId.get(accountId);
          if (!work || work.sunk || work.failure !== undefined) return;
          notCollected(work, reason);
        },
        progress: (delta, inFlight) => {
          for (const k of ['accountsReady', 'accountsDone', 'tasksTotal', 'tasksDone', 'apiCalls', 'retries', 'throttles', 'errors'] as const) remote[k] += delta[k] ?? 0;
          remote.inFlight = inFlight;
          progress.accountsReady = remote.accountsReady;
          progress.accountsDone = remote.accountsDone;
          progress.tasksTotal = remote.tasksTotal;
          progress.tasksDone = remote.tasksDone;
          progress.emit('collecting');
        },
      });
      remote.inFlight = 0;
      // Never a complete shard for an account no part returned, even if the scan was not stopped.
      if (!abort.signal.aborted) {
        for (const work of works) if (!work.sunk && work.failure === undefined) notCollected(work, 'no part of the distributed scan returned it');
      }
    } else {
      const accountWindow = pLimit(windowSize);
      await Promise.all(works.map((work) => accountWindow(() => scanAccount(work))));
    }
    // Accounts the scan never reached (it stopped first) are shards too, marked incomplete.
    for (const work of works) await release(work);
    baseClients.release();
    options.signal?.removeEventListener('abort', onExternalAbort);
    const failures = works.filter((w) => w.failure !== undefined);
    const interruption = state.interruption ?? (failures.length > 0 ? notCollectedReason(failures) : null);
    progress.emit('done', interruption ? `Stopped: ${interruption}` : 'Collection finished');

    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'ftr-ready', version: TOOL_VERSION },
      startedAt,
      finishedAt: new Date().toISOString(),
      complete: interruption === null,
      interruption: interruption === null ? null : { reason: interruption },
      principal: { arn: me.arn, accountId: me.accountId },
      partition: me.partition,
      mode: options.org ? 'organization' : 'account',
      requestedRegions,
      organization,
      accounts: works.filter((w) => !w.sunk).map((w) => toAccountSnapshot(w, homeRegion)),
      errors: distributed ? [...recorder.errors, ...distributed.errors] : recorder.errors,
      operations: distributed ? [...recorder.operations(), ...distributed.operations] : recorder.operations(),
      stats: {
        requests: recorder.apiCalls + (distributed?.stats.requests ?? 0),
        attempts: recorder.attempts + (distributed?.stats.attempts ?? 0),
        retries: recorder.retries + (distributed?.stats.retries ?? 0),
        throttles: recorder.throttles + (distributed?.stats.throttles ?? 0),
        retriesRefusedByBudget: recorder.retriesRefusedByBudget + (distributed?.stats.retriesRefusedByBudget ?? 0),
        maxRequestsInFlight: Math.max(requests.maxInFlight, distributed?.stats.maxRequestsInFlight ?? 0),
        concurrency,
        perAccountConcurrency,
        maxAttempts: settings.maxAttempts,
        ...(distributed ? { workers: distributed.parts } : {}),
        ...(organizationReads ? { organizationReads: organizationReads.summary } : {}),
      },
    };
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', onExternalAbort);
    sharedClients.destroy();
    httpHandler.destroy();
  }
}

/** A distributed account that could not be collected: its access says why (every check on it is UNKNOWN). */
function notCollected(work: AccountWork, reason: string): void {
  work.failure = reason;
  work.access = notObserved({ kind: 'other', accountId: work.accountId, region: 'global', service: 'ftr-ready', operation: 'Scan', code: 'NotCollected', message: reason });
}

function notCollectedReason(failures: readonly AccountWork[]): string {
  const [first] = failures;
  const ids = failures.slice(0, 5).map((w) => w.accountId).join(', ');
  return `${failures.length} account(s) could not be collected (${ids}${failures.length > 5 ? ', ...' : ''}): ${first?.failure ?? ''}`;
}

function roleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

function pendingError(accountId: string): CollectionError {
  return {
    kind: 'aborted',
    accountId,
    region: 'global',
    service: 'ftr-ready',
    operation: 'Scan',
    code: 'NotReached',
    message: 'The scan stopped before this account was reached.',
  };
}

/** A collector that throws (a bug, not an AWS error) costs only its own slice. */
async function safeCollect<T>(ctx: CollectorContext, service: string, collect: () => Promise<T>): Promise<Observed<T>> {
  try {
    return observed(await collect());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return notObserved({
      kind: ctx.signal.aborted ? 'aborted' : 'other',
      accountId: ctx.accountId,
      region: ctx.region,
      service,
      operation: 'collect',
      code: err instanceof Error ? err.name : 'Error',
      message: `The ${service} collector failed: ${message}`,
    });
  }
}

async function readOrganization(ctx: CollectorContext): Promise<Observed<OrganizationInfo | null>> {
  const org = await ctx.call(
    'organizations',
    'DescribeOrganization',
    () => ctx.client(OrganizationsClient).send(new DescribeOrganizationCommand({})),
    { notFoundCodes: ['AWSOrganizationsNotInUseException'] },
  );
  if (!org.ok) return org;
  const o = org.value?.Organization;
  if (!o?.Id) return observed(null);
  const accounts = await ctx.call('organizations', 'ListAccounts', () =>
    collectPages(paginateListAccounts({ client: ctx.client(OrganizationsClient) }, {}), (p) => p.Accounts),
  );
  const features = await ctx.call('iam', 'ListOrganizationsFeatures', () =>
    ctx.client(IAMClient).send(new ListOrganizationsFeaturesCommand({})),
  );
  return observed({
    id: o.Id,
    arn: o.Arn ?? '',
    managementAccountId: o.MasterAccountId ?? '',
    featureSet: o.FeatureSet ?? 'UNKNOWN',
    accounts: accounts.ok
      ? observed(
          accounts.value.map(
            (a): OrganizationAccount => ({
              id: a.Id ?? '',
              name: a.Name ?? '',
              email: a.Email ?? '',
              status: a.State ?? a.Status ?? 'UNKNOWN',
              joinedMethod: a.JoinedMethod ?? null,
            }),
          ),
        )
      : accounts,
    centralizedRootCredentials: features.ok
      ? observed((features.value.EnabledFeatures ?? []).includes('RootCredentialsManagement'))
      : features,
  });
}

function chooseAccounts(options: ScanOptions, callerAccountId: string, organization: Observed<OrganizationInfo | null>): ScanTarget[] {
  if (!options.org) {
    const name = organization.ok && organization.value?.accounts.ok
      ? (organization.value.accounts.value.find((a) => a.id === callerAccountId)?.name ?? null)
      : null;
    return [{ id: callerAccountId, name }];
  }
  if (!organization.ok) {
    throw new UserError(`--org needs organizations:DescribeOrganization: ${organization.error.code}: ${organization.error.message}`);
  }
  if (organization.value === null) {
    throw new UserError(`--org was given, but account ${callerAccountId} is not in an AWS Organization. Scan without --org.`);
  }
  const accounts = organization.value.accounts;
  if (!accounts.ok) {
    throw new UserError(
      `--org needs organizations:ListAccounts, which only the management account or a delegated administrator may call ` +
        `(${accounts.error.code}). Run from the management account, or scan single accounts without --org.`,
    );
  }
  let active = accounts.value.filter((a) => a.status === 'ACTIVE');
  if (active.length === 0) {
    throw new UserError(`--org: ListAccounts returned no active account for ${callerAccountId}; run from the management account.`);
  }
  if (options.accounts) {
    const wanted = new Set(options.accounts);
    const unknownIds = [...wanted].filter((id) => !active.some((a) => a.id === id));
    if (unknownIds.length > 0) throw new UserError(`--accounts names accounts that are not active in the Organization: ${unknownIds.join(', ')}`);
    active = active.filter((a) => wanted.has(a.id));
  }
  // The scanning account first: its results show up first and it needs no AssumeRole.
  return active
    .map((a) => ({ id: a.id, name: a.name }))
    .sort((a, b) => (a.id === callerAccountId ? -1 : b.id === callerAccountId ? 1 : a.id.localeCompare(b.id)));
}

function toAccountSnapshot(work: AccountWork, homeRegion: string): AccountSnapshot {
  const regional: RegionalSnapshot[] = [...work.regional.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, slices]) => ({ region, ...(slices as RegionalSlices) }));
  return {
    accountId: work.accountId,
    name: work.name,
    access: work.access,
    regions: work.regions,
    homeRegion,
    // Each key was written by the collector of that service, with that service's slice type.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed once slices have fields
    global: work.global as GlobalSlices,
    regional,
  };
}
