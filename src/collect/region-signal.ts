/**
 * Which regions get their resources read (docs/decisions/0012-region-signal.md).
 *
 * Every scanned region always gets its **posture** read (detectors, recorders, hubs, trails, analyzers,
 * defaults: what the "every region" checks need). Its **resources** (instances, volumes, load balancers,
 * keys, databases, tables, functions, backups, alarms, pipelines, auto scaling groups) are read unless
 * AWS Config, recording every resource type in that region, counts none of the types those collectors read
 * (config:GetDiscoveredResourceCounts, one call) and the Tagging API lists none either. Anything less
 * (no recorder, a partial recorder, a failed or missing read, a non-zero count) reads the region fully.
 * The home region, regions named by `--regions` and every region with `--deep-regions` are read fully.
 *
 * The decision is pure (`decideRegionRead`); `readDiscoveredCount` is its one AWS read.
 */
import type { CollectionError, Observed } from '../core/observed.js';
import { notObserved } from '../core/observed.js';
import type { ConfigRecorder, ConfigSlice } from '../core/slices/config.js';
import type { TaggingSlice } from '../core/slices/tagging.js';
import type { RegionRead } from '../core/snapshot.js';
import type { CollectorContext, RegionalCollector } from './collector.js';

/** The Tagging API's ARN service names of the resources a skippable collector reads. */
const TAGGED_SERVICE_OF: Readonly<Record<string, readonly string[]>> = {
  ec2: ['ec2:instance/', 'ec2:volume/', 'ec2:launch-template/'],
  elbv2: ['elasticloadbalancing:'],
  kms: ['kms:'],
  rds: ['rds:db:', 'rds:cluster:'],
  dynamodb: ['dynamodb:'],
  backup: ['backup:'],
  lambda: ['lambda:'],
  cloudwatch: ['cloudwatch:alarm:'],
  autoscaling: ['autoscaling:'],
  codepipeline: ['codepipeline:'],
};

export interface RegionReadInput {
  readonly region: string;
  readonly homeRegion: string;
  /** The region was named by --regions. */
  readonly requested: boolean;
  /** --deep-regions. */
  readonly deep: boolean;
  /** Collectors that may be skipped (they declare configResourceTypes). */
  readonly skippable: readonly Pick<RegionalCollector, 'service' | 'configResourceTypes'>[];
  /** The region's config slice (undefined: the config collector did not run). */
  readonly config: Observed<ConfigSlice> | undefined;
  readonly tagging: Observed<TaggingSlice> | undefined;
  /** AWS Config's count of `resourceTypes` (undefined: not read because the recorder did not qualify). */
  readonly discovered?: Observed<number> | undefined;
}

/** Regional collectors in two groups: run at once (posture, and resources no signal covers), run after the signal. */
export function splitBySignal(collectors: readonly RegionalCollector[]): [RegionalCollector[], RegionalCollector[]] {
  const skippable = (c: RegionalCollector) => c.regionalReads !== 'posture' && (c.configResourceTypes?.length ?? 0) > 0;
  return [collectors.filter((c) => !skippable(c)), collectors.filter(skippable)];
}

/** The resource types whose count decides (the union of the skippable collectors' types). */
export function countedResourceTypes(skippable: RegionReadInput['skippable']): string[] {
  return [...new Set(skippable.flatMap((c) => c.configResourceTypes ?? []))].sort();
}

const full = (reason: string, signal?: RegionRead['signal']): RegionRead => ({ mode: 'full', reason, skipped: [], ...(signal ? { signal } : {}) });

/**
 * The recorder whose inventory can prove the region empty of `types`: it records every type (all supported,
 * none of `types` excluded, or an inclusion list holding all of them), it is recording and its last delivery
 * succeeded. A recorder just switched on (Pending) has not counted anything yet. Null when none qualifies;
 * the string says why.
 */
export function qualifyingRecorder(config: ConfigSlice, types: readonly string[]): { recorder: string } | { none: string } {
  if (!config.recorders.ok || !config.recorderStatuses.ok) return { none: 'the AWS Config recorder could not be read' };
  if (config.recorders.value.length === 0) return { none: 'no AWS Config recorder' };
  const covers = (r: ConfigRecorder): boolean => {
    if (r.recordingStrategy === 'INCLUSION_BY_RESOURCE_TYPES' || (!r.allSupported && r.recordingStrategy !== 'EXCLUSION_BY_RESOURCE_TYPES')) {
      return types.every((t) => r.resourceTypes.includes(t));
    }
    return !types.some((t) => r.excludedResourceTypes.includes(t));
  };
  const statuses = config.recorderStatuses.value;
  for (const r of config.recorders.value) {
    const status = statuses.find((s) => s.name === r.name);
    if (covers(r) && status?.recording === true && status.lastStatus?.toUpperCase() === 'SUCCESS') return { recorder: r.name };
  }
  return { none: 'no AWS Config recorder records every resource type the scan reads, and is recording with its last delivery successful' };
}

/** The Tagging API's resources of the skippable services in the region (null: not read). */
export function taggedSkippableCount(tagging: Observed<TaggingSlice> | undefined, services: readonly string[]): number | null {
  if (!tagging?.ok || !tagging.value.resources.ok) return null;
  const prefixes = services.flatMap((s) => TAGGED_SERVICE_OF[s] ?? []);
  // arn:partition:service:region:account:resource -> "service:resource"
  return tagging.value.resources.value.filter((r) => {
    const parts = r.arn.split(':');
    const key = `${parts[2] ?? ''}:${parts.slice(5).join(':')}`;
    return prefixes.some((p) => key.startsWith(p));
  }).length;
}

/** A region read fully whatever a signal would say (no need to wait for one): --deep-regions, home, --regions. */
export function fixedRegionRead(input: Pick<RegionReadInput, 'region' | 'homeRegion' | 'requested' | 'deep'>): RegionRead | null {
  if (input.deep) return full('--deep-regions reads every region fully.');
  if (input.region === input.homeRegion) return full('The home region is always read fully.');
  if (input.requested) return full('Named by --regions: read fully.');
  return null;
}

/** Step 1: whether the region is read fully without a signal, or which recorder's count to ask for. */
export function regionNeedsSignal(input: Omit<RegionReadInput, 'discovered'>): { decided: RegionRead } | { recorder: string; types: string[] } {
  const fixed = fixedRegionRead(input);
  if (fixed) return { decided: fixed };
  const types = countedResourceTypes(input.skippable);
  if (types.length === 0) return { decided: full('No collector can be skipped.') };
  if (!input.config) return { decided: full('No signal: the config collector did not run.') };
  if (!input.config.ok) return { decided: full('No signal: AWS Config could not be read.') };
  const recorder = qualifyingRecorder(input.config.value, types);
  if ('none' in recorder) return { decided: full(`No signal: ${recorder.none}.`) };
  const services = input.skippable.map((c) => c.service);
  const tagged = taggedSkippableCount(input.tagging, services);
  if (tagged !== null && tagged > 0) return { decided: full(`The Tagging API lists ${tagged} resource(s) of the scanned services.`) };
  return { recorder: recorder.recorder, types };
}

/** Step 2: the decision once AWS Config's count is known. */
export function decideRegionRead(input: RegionReadInput): RegionRead {
  const step = regionNeedsSignal(input);
  if ('decided' in step) return step.decided;
  const services = input.skippable.map((c) => c.service);
  const tagged = taggedSkippableCount(input.tagging, services);
  if (!input.discovered) return full('No signal: AWS Config inventory not read.');
  if (!input.discovered.ok) return full(`No signal: config:GetDiscoveredResourceCounts failed (${input.discovered.error.code}).`);
  const signal = { source: 'aws-config-inventory' as const, recorder: step.recorder, resourceTypes: step.types, discovered: input.discovered.value, tagged };
  if (input.discovered.value > 0) return full(`AWS Config counts ${input.discovered.value} resource(s) of the scanned types.`, signal);
  return {
    mode: 'posture-only',
    reason: `AWS Config (recorder ${step.recorder}, recording every resource type) counts no ${services.length > 0 ? 'resource of the scanned types' : 'resource'}${tagged === 0 ? ' and the Tagging API lists none' : ''}.`,
    signal,
    skipped: [...services].sort(),
  };
}

/** The API takes at most this many resource types per request. */
const TYPES_PER_REQUEST = 20;

/** config:GetDiscoveredResourceCounts for `types`: their total in the region (one call per 20 types). */
export async function readDiscoveredCount(ctx: CollectorContext, types: readonly string[]): Promise<Observed<number>> {
  return ctx.call('config', 'GetDiscoveredResourceCounts', async () => {
    let total = 0;
    for (let i = 0; i < types.length; i += TYPES_PER_REQUEST) {
      const resourceTypes = types.slice(i, i + TYPES_PER_REQUEST);
      // Imported here, not at start: the coordinating thread of a threaded scan never reads a region.
      const { ConfigServiceClient, GetDiscoveredResourceCountsCommand } = await import('@aws-sdk/client-config-service');
      const answer = await ctx.client(ConfigServiceClient).send(new GetDiscoveredResourceCountsCommand({ resourceTypes }));
      // A missing total is not a zero: refuse to read emptiness into it.
      if (typeof answer.totalDiscoveredResources !== 'number') {
        throw Object.assign(new Error('GetDiscoveredResourceCounts answered without a total'), { name: 'MissingTotal' });
      }
      total += answer.totalDiscoveredResources;
    }
    return total;
  });
}

/** The value every skipped read gets: checks turn it into NOT_APPLICABLE with the reason (core/check.ts). */
export function notReadError(ctx: Pick<CollectorContext, 'accountId' | 'region'>, service: string, operation: string, read: RegionRead): CollectionError {
  return {
    kind: 'not_read',
    accountId: ctx.accountId,
    region: ctx.region,
    service,
    operation,
    code: 'PostureOnlyRegion',
    message: `${read.reason} Scan with --deep-regions to read it.`,
  };
}

export function notRead<T = never>(ctx: Pick<CollectorContext, 'accountId' | 'region'>, service: string, operation: string, read: RegionRead): Observed<T> {
  return notObserved(notReadError(ctx, service, operation, read));
}
