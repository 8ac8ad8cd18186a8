/**
 * CloudTrail collector (regional): DescribeTrails with shadow trails, then, for each trail whose home region
 * is this region, its status, event selectors and log bucket (ownership, versioning, public exposure).
 * A trail whose home region is outside the scan is read once, from the first scanned region, so its
 * status is still known. Reads of an organization trail or of a bucket in another account may be
 * denied: they become Observed errors (UNKNOWN), never defaults.
 */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from '@aws-sdk/client-cloudtrail';
import { paginateListBuckets, S3Client } from '@aws-sdk/client-s3';
import type { Observed } from '../../../core/observed.js';
import type { CloudTrailSlice, Trail, TrailDetails, TrailLogBucket } from '../../../core/slices/cloudtrail.js';
import { collectPages, defineRegionalCollector, type CollectorContext } from '../../collector.js';
import { BUCKET_EXPOSURE_OPERATIONS, mapObserved, readBucketExposure } from '../s3/bucket-reads.js';
import { summarizeEventSelectors } from './event-selectors.js';

export const cloudtrailCollector = defineRegionalCollector({
  service: 'cloudtrail',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [
    { operation: 'DescribeTrails', iamAction: 'cloudtrail:DescribeTrails' },
    { operation: 'GetTrailStatus', iamAction: 'cloudtrail:GetTrailStatus' },
    { operation: 'GetEventSelectors', iamAction: 'cloudtrail:GetEventSelectors' },
    { operation: 'ListBuckets', iamAction: 's3:ListAllMyBuckets' },
    ...BUCKET_EXPOSURE_OPERATIONS,
  ],
  async collect(ctx): Promise<CloudTrailSlice> {
    const client = ctx.client(CloudTrailClient);
    const described = await ctx.call('cloudtrail', 'DescribeTrails', () =>
      client.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
    );
    if (!described.ok) return { trails: described };

    // ListBuckets tells whether a log bucket belongs to this account; read it at most once, only when needed.
    let ownBuckets: Promise<Observed<ReadonlySet<string>>> | undefined;
    const listOwnBuckets = () => {
      ownBuckets ??= (async () => {
        const s3 = ctx.client(S3Client);
        const listed = await ctx.call('s3', 'ListBuckets', () =>
          collectPages(paginateListBuckets({ client: s3 }, {}), (page) => page.Buckets),
        );
        return mapObserved(listed, (buckets) => new Set(buckets.flatMap((b) => (b.Name ? [b.Name] : []))));
      })();
      return ownBuckets;
    };

    const trails = await Promise.all(
      (described.value.trailList ?? [])
        .filter((t): t is SdkTrail & { TrailARN: string } => typeof t.TrailARN === 'string')
        .map((t) => readTrail(ctx, t, listOwnBuckets)),
    );
    return { trails: { ok: true, value: trails } };
  },
});

/** Where a trail's details are read: its home region, or the first scanned region when the home region is not scanned. */
export function detailsRegion(ctx: Pick<CollectorContext, 'region' | 'scannedRegions'>, homeRegion: string): string | null {
  if (homeRegion === ctx.region) return homeRegion;
  if (!ctx.scannedRegions.includes(homeRegion) && ctx.scannedRegions[0] === ctx.region) return homeRegion;
  return null;
}

function accountOfArn(arn: string): string | null {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
}

async function readTrail(
  ctx: CollectorContext,
  t: SdkTrail & { TrailARN: string },
  listOwnBuckets: () => Promise<Observed<ReadonlySet<string>>>,
): Promise<Trail> {
  const homeRegion = t.HomeRegion ?? ctx.region;
  const readIn = detailsRegion(ctx, homeRegion);
  return {
    name: t.Name ?? t.TrailARN,
    arn: t.TrailARN,
    homeRegion,
    isMultiRegion: t.IsMultiRegionTrail === true,
    isOrganizationTrail: t.IsOrganizationTrail === true,
    ownerAccountId: accountOfArn(t.TrailARN),
    s3BucketName: t.S3BucketName ?? null,
    logFileValidationEnabled: t.LogFileValidationEnabled === true,
    kmsKeyId: t.KmsKeyId ?? null,
    details: readIn === null ? null : await readDetails(ctx, t, readIn, listOwnBuckets),
  };
}

async function readDetails(
  ctx: CollectorContext,
  t: SdkTrail & { TrailARN: string },
  region: string,
  listOwnBuckets: () => Promise<Observed<ReadonlySet<string>>>,
): Promise<TrailDetails> {
  const client = ctx.client(CloudTrailClient, region);
  const opts = { region };
  const [status, selectors, logBucket] = await Promise.all([
    ctx.call('cloudtrail', 'GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: t.TrailARN })), opts),
    ctx.call('cloudtrail', 'GetEventSelectors', () => client.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN })), opts),
    t.S3BucketName ? readLogBucket(ctx, t.S3BucketName, region, listOwnBuckets) : Promise.resolve(null),
  ]);
  return {
    readInRegion: region,
    status: mapObserved(status, (out) => ({
      isLogging: out?.IsLogging === true,
      latestDeliveryTime: out?.LatestDeliveryTime ? out.LatestDeliveryTime.toISOString() : null,
      latestDeliveryError: out?.LatestDeliveryError?.trim() || null,
    })),
    eventSelectors: mapObserved(selectors, (out) => summarizeEventSelectors(out?.EventSelectors, out?.AdvancedEventSelectors)),
    logBucket,
  };
}

async function readLogBucket(
  ctx: CollectorContext,
  name: string,
  region: string,
  listOwnBuckets: () => Promise<Observed<ReadonlySet<string>>>,
): Promise<TrailLogBucket> {
  const [exposure, own] = await Promise.all([readBucketExposure(ctx, name, region), listOwnBuckets()]);
  const missing = Object.values(exposure).some((read: Observed<unknown>) => !read.ok && read.error.code === 'NoSuchBucket');
  let owner: TrailLogBucket['owner'];
  if (own.ok && own.value.has(name)) owner = { ok: true, value: 'this-account' };
  else if (missing) owner = { ok: true, value: 'not-found' };
  else owner = mapObserved(own, () => 'other-account' as const);
  return { name, owner, ...exposure };
}
