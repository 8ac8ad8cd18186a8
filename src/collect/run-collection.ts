/**
 * runScan: the only entry point that talks to AWS. It finds out who we are, which accounts to scan
 * (one, or every active account of the Organization), gets into each (AssumeRole), lists its enabled
 * regions and runs every collector for every account x region on one bounded pool. Each account and each
 * collector is isolated: a failure is recorded and the rest goes on. On Ctrl-C or when the endpoint stops
 * answering, the scan stops scheduling work and returns what it already collected (complete=false).
 */
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
  type RegionInfo,
  type RegionalSnapshot,
  type Snapshot,
  type SnapshotHeader,
  type SnapshotTrailer,
} from '../core/snapshot.js';
import { TOOL_VERSION } from '../version.js';
import { createClientFactory, DEFAULT_CLIENT_SETTINGS, type ClientFactory, type ClientSettings, type Credentials } from './clients.js';
import { createCollectorContext } from './collector-context.js';
import { collectPages, type CollectorContext, type ScanOrganization } from './collector.js';
import { assumeRoleProvider, defaultCredentials, whoAmI } from './credentials.js';
import { discoverRegions, homeRegionFor, validateRequestedRegions } from './regions.js';
import { ScanRecorder } from './scan-recorder.js';
import { GLOBAL_COLLECTORS, REGIONAL_COLLECTORS } from './services/index.js';

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
  /** Collector tasks (account x region x service) running at once. */
  readonly concurrency: number;
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
  /** Set by runScanToSink: each account is handed over as it finishes and not kept (memory flat in accounts). */
  readonly sink?: ShardSink | undefined;
}

/** Receives the snapshot while it is collected (io/snapshot-stream.ts writes it to snapshot.json.gz). */
export interface ShardSink {
  /** Once, after the Organization is read and the accounts are chosen, before any shard. */
  start(header: SnapshotHeader): Promise<void>;
  /** Each account as it finishes; `complete` is false when the scan stopped while or before it ran. */
  account(shard: AccountShard): Promise<void>;
}

export interface ScanProgress {
  readonly phase: 'identity' | 'organization' | 'accounts' | 'collecting' | 'done';
  readonly accountsTotal: number;
  readonly accountsReady: number;
  readonly tasksTotal: number;
  readonly tasksDone: number;
  readonly apiCalls: number;
  readonly errors: number;
  readonly message: string;
}

interface AccountWork {
  accountId: string;
  name: string | null;
  access: AccountSnapshot['access'];
  regions: Observed<RegionInfo[]>;
  global: Record<string, unknown>;
  regional: Map<string, Record<string, unknown>>;
  pending?: Promise<unknown>;
  /** Handed to the sink (and dropped from memory). */
  sunk?: boolean;
}

/**
 * runScan with every account handed to `sink` as soon as it finishes (and then dropped), so memory holds
 * only the accounts in progress. Returns the trailer: what is known at the end, and the reads no account owns.
 */
export async function runScanToSink(options: ScanOptions, sink: ShardSink): Promise<SnapshotTrailer> {
  const rest = await runScan({ ...options, sink });
  return { finishedAt: rest.finishedAt, complete: rest.complete, interruption: rest.interruption, errors: rest.errors, operations: rest.operations };
}

export async function runScan(options: ScanOptions): Promise<Snapshot> {
  const startedAt = new Date().toISOString();
  const abort = new AbortController();
  // An object, not a let: TypeScript's flow analysis does not see writes made inside callbacks.
  const state: { interruption: string | null } = { interruption: null };
  const stop = (reason: string) => {
    if (abort.signal.aborted) return;
    state.interruption = reason;
    abort.abort(reason);
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
  };
  const recorder = new ScanRecorder((reason) => stop(reason));
  const baseCredentials = options.credentials ?? defaultCredentials(options.profile);
  const progress = new ProgressTracker(recorder, options.onProgress);

  progress.emit('identity', 'Checking credentials');
  const bootstrapClients = createClientFactory({
    accountId: 'unknown',
    defaultRegion: 'us-east-1',
    credentials: baseCredentials,
    settings: { ...settings, maxAttempts: Math.min(settings.maxAttempts, 3) },
    recorder,
    signal: abort.signal,
  });
  const me = await whoAmI(bootstrapClients, baseCredentials, options.profile);
  const homeRegion = homeRegionFor(me.partition);
  const baseClients = createClientFactory({
    accountId: me.accountId,
    defaultRegion: homeRegion,
    credentials: baseCredentials,
    settings,
    recorder,
    signal: abort.signal,
  });
  const scanScope: { organization?: ScanOrganization } = {}; // set once the targets are chosen (Cost Explorer reads once from the payer)
  const contextFor = (accountId: string, clients: ClientFactory, region: string, scannedRegions: readonly string[]) =>
    createCollectorContext({ accountId, region, partition: me.partition, scannedRegions, clients, recorder, signal: abort.signal, ...(scanScope.organization ? { scanOrganization: scanScope.organization } : {}) });

  progress.emit('organization', 'Reading the Organization');
  const organization = await readOrganization(contextFor(me.accountId, baseClients, homeRegion, []));

  const targets = chooseAccounts(options, me.accountId, organization).filter((t) => !options.skipAccounts?.has(t.id));
  scanScope.organization = { managementAccountId: organization.ok ? (organization.value?.managementAccountId ?? null) : null, scannedAccountIds: targets.map((t) => t.id) };
  progress.accountsTotal = targets.length;
  const sink = options.sink;
  await sink?.start({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'ftr-ready', version: TOOL_VERSION },
    startedAt,
    principal: { arn: me.arn, accountId: me.accountId },
    partition: me.partition,
    mode: options.org ? 'organization' : 'account',
    requestedRegions,
    organization,
  });
  /** Hands a finished (or never reached) account to the sink with its errors and outcomes, then drops it. */
  const release = async (work: AccountWork): Promise<void> => {
    if (!sink || work.sunk) return;
    work.sunk = true;
    const taken = recorder.takeAccount(work.accountId);
    await sink.account({ complete: !abort.signal.aborted, account: toAccountSnapshot(work, homeRegion), ...taken });
    work.global = {};
    work.regional = new Map();
  };

  const limit = pLimit(Math.max(1, options.concurrency));
  const selected = (service: string) => !options.services || options.services.includes(service);
  const globalCollectors = GLOBAL_COLLECTORS.filter((c) => selected(c.service));
  const regionalCollectors = REGIONAL_COLLECTORS.filter((c) => selected(c.service));

  const works: AccountWork[] = targets.map((t) => ({
    accountId: t.id,
    name: t.name,
    access: notObserved(pendingError(t.id)),
    regions: notObserved(pendingError(t.id)),
    global: {},
    regional: new Map(),
  }));

  const runTask = async (label: string, task: () => Promise<void>) => {
    if (abort.signal.aborted) return;
    progress.message = label;
    await task();
    progress.taskDone();
  };

  await Promise.all(
    works.map((work) =>
      limit(async () => {
        if (abort.signal.aborted) return;
        // Get into the account and list its regions; then queue its collectors on the shared pool.
        const arn = roleArn(me.partition, work.accountId, options.roleName);
        const credentials = work.accountId === me.accountId ? baseCredentials : assumeRoleProvider(baseClients, arn, options.externalId);
        const accountClients =
          work.accountId === me.accountId
            ? baseClients
            : createClientFactory({ accountId: work.accountId, defaultRegion: homeRegion, credentials, settings, recorder, signal: abort.signal });
        const homeCtx = contextFor(work.accountId, accountClients, homeRegion, []);
        if (work.accountId === me.accountId) {
          work.access = observed({ via: 'caller', roleArn: null });
        } else {
          // Assume the role once up front: a denied role costs this account only, with the reason recorded.
          const assumed = await homeCtx.call('sts', 'AssumeRole', () => (typeof credentials === 'function' ? credentials() : Promise.resolve(credentials)));
          work.access = assumed.ok ? observed({ via: 'assumed-role', roleArn: arn }) : notObserved(assumed.error);
        }
        progress.accountReady();
        if (!work.access.ok) {
          await release(work);
          return;
        }

        work.regions = await discoverRegions(homeCtx, requestedRegions);
        const scanned = work.regions.ok
          ? work.regions.value.filter((r) => r.scanned).map((r) => r.region)
          : (requestedRegions ?? [homeRegion]);
        for (const region of scanned) work.regional.set(region, {});

        const tasks: Promise<void>[] = [];
        progress.tasksTotal += globalCollectors.length + regionalCollectors.length * scanned.length;
        for (const collector of globalCollectors) {
          tasks.push(
            limit(() =>
              runTask(`${work.accountId} ${collector.service}`, async () => {
                const ctx = contextFor(work.accountId, accountClients, homeRegion, scanned);
                work.global[collector.service] = await safeCollect(ctx, collector.service, () => collector.collect(ctx));
              }),
            ),
          );
        }
        for (const region of scanned) {
          for (const collector of regionalCollectors) {
            tasks.push(
              limit(() =>
                runTask(`${work.accountId} ${region} ${collector.service}`, async () => {
                  const ctx = contextFor(work.accountId, accountClients, region, scanned);
                  const slot = work.regional.get(region);
                  if (slot) slot[collector.service] = await safeCollect(ctx, collector.service, () => collector.collect(ctx));
                }),
              ),
            );
          }
        }
        // Not awaited inside this pool slot: the account's own tasks need free slots to run.
        work.pending = Promise.all(tasks).then(() => release(work));
      }),
    ),
  );
  await Promise.all(works.map((w) => w.pending ?? Promise.resolve()));
  // Accounts the scan never reached (it stopped first) are shards too, marked incomplete.
  for (const work of works) await release(work);
  options.signal?.removeEventListener('abort', onExternalAbort);
  progress.emit('done', state.interruption ? `Stopped: ${state.interruption}` : 'Collection finished');

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'ftr-ready', version: TOOL_VERSION },
    startedAt,
    finishedAt: new Date().toISOString(),
    complete: state.interruption === null,
    interruption: state.interruption === null ? null : { reason: state.interruption },
    principal: { arn: me.arn, accountId: me.accountId },
    partition: me.partition,
    mode: options.org ? 'organization' : 'account',
    requestedRegions,
    organization,
    accounts: works.filter((w) => !w.sunk).map((w) => toAccountSnapshot(w, homeRegion)),
    errors: recorder.errors,
    operations: recorder.operations(),
  };
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

interface Target {
  readonly id: string;
  readonly name: string | null;
}

function chooseAccounts(options: ScanOptions, callerAccountId: string, organization: Observed<OrganizationInfo | null>): Target[] {
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

class ProgressTracker {
  accountsTotal = 0;
  accountsReadyCount = 0;
  tasksTotal = 0;
  tasksDone = 0;
  message = '';
  private phase: ScanProgress['phase'] = 'identity';
  private readonly recorder: ScanRecorder;
  private readonly listener: ((progress: ScanProgress) => void) | undefined;

  constructor(recorder: ScanRecorder, listener: ((progress: ScanProgress) => void) | undefined) {
    this.recorder = recorder;
    this.listener = listener;
  }

  emit(phase?: ScanProgress['phase'], message?: string): void {
    if (phase) this.phase = phase;
    if (message !== undefined) this.message = message;
    this.listener?.({
      phase: this.phase,
      accountsTotal: this.accountsTotal,
      accountsReady: this.accountsReadyCount,
      tasksTotal: this.tasksTotal,
      tasksDone: this.tasksDone,
      apiCalls: this.recorder.apiCalls,
      errors: this.recorder.errorCount,
      message: this.message,
    });
  }

  accountReady(): void {
    this.accountsReadyCount += 1;
    this.emit('collecting');
  }

  taskDone(): void {
    this.tasksDone += 1;
    this.emit();
  }
}
