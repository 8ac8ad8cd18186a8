/**
 * S3 collector (global): the account's Block Public Access settings (S3 Control), every bucket the account
 * owns, and per bucket, in the bucket's own region: Block Public Access, policy (+ status), ACL, ownership
 * controls, default encryption, versioning and tags. Buckets in regions outside the scan are still
 * collected (S3 is global); `inScannedRegion` records it.
 */
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  paginateListBuckets,
  S3Client,
  type Bucket,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import pLimit from 'p-limit';
import type { Observed } from '../../../core/observed.js';
import type { BucketEncryption, S3Bucket, S3Slice } from '../../../core/slices/s3.js';
import { collectPages, defineGlobalCollector, type CollectorContext } from '../../collector.js';
import {
  BUCKET_EXPOSURE_OPERATIONS,
  mapObserved,
  normalizeBucketRegion,
  NOT_FOUND,
  readBucketExposure,
  toPublicAccessBlock,
} from './bucket-reads.js';

/** Buckets read at the same time (each bucket issues up to 9 calls concurrently). */
const BUCKET_CONCURRENCY = 8;

export const s3Collector = defineGlobalCollector({
  service: 's3',
  scope: 'global',
  operations: [
    // S3 Control (account level).
    { operation: 'GetPublicAccessBlock', iamAction: 's3:GetAccountPublicAccessBlock', notFoundCodes: NOT_FOUND.publicAccessBlock },
    { operation: 'ListBuckets', iamAction: 's3:ListAllMyBuckets' },
    { operation: 'GetBucketLocation', iamAction: 's3:GetBucketLocation' },
    ...BUCKET_EXPOSURE_OPERATIONS,
    { operation: 'GetBucketEncryption', iamAction: 's3:GetEncryptionConfiguration', notFoundCodes: NOT_FOUND.encryption },
    { operation: 'GetBucketTagging', iamAction: 's3:GetBucketTagging', notFoundCodes: NOT_FOUND.tagging },
  ],
  async collect(ctx): Promise<S3Slice> {
    const control = ctx.client(S3ControlClient);
    const s3 = ctx.client(S3Client);
    const [accountPab, listed] = await Promise.all([
      ctx.call(
        's3control',
        'GetPublicAccessBlock',
        () => control.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })),
        { notFoundCodes: NOT_FOUND.publicAccessBlock },
      ),
      ctx.call('s3', 'ListBuckets', () => collectPages(paginateListBuckets({ client: s3 }, {}), (page) => page.Buckets)),
    ]);

    const limit = pLimit(BUCKET_CONCURRENCY);
    const buckets: Observed<readonly S3Bucket[]> = listed.ok
      ? {
          ok: true,
          value: await Promise.all(
            listed.value.filter((b): b is Bucket & { Name: string } => typeof b.Name === 'string').map((b) => limit(() => readBucket(ctx, b))),
          ),
        }
      : listed;

    return {
      accountPublicAccessBlock: mapObserved(accountPab, (out) => toPublicAccessBlock(out?.PublicAccessBlockConfiguration)),
      buckets,
    };
  },
});

async function bucketRegion(ctx: CollectorContext, bucket: Bucket & { Name: string }): Promise<Observed<string>> {
  // Newer ListBuckets answers carry the region: no per-bucket call needed then.
  if (bucket.BucketRegion) return { ok: true, value: bucket.BucketRegion };
  const s3 = ctx.client(S3Client);
  const location = await ctx.call('s3', 'GetBucketLocation', () => s3.send(new GetBucketLocationCommand({ Bucket: bucket.Name })));
  return mapObserved(location, (out) => normalizeBucketRegion(out.LocationConstraint));
}

async function readBucket(ctx: CollectorContext, bucket: Bucket & { Name: string }): Promise<S3Bucket> {
  const name = bucket.Name;
  const region = await bucketRegion(ctx, bucket);
  // Unknown region: ask the home region; the client follows S3's region redirects.
  const callRegion = region.ok ? region.value : ctx.region;
  const s3 = ctx.client(S3Client, callRegion);
  const opts = { region: callRegion };

  const [exposure, encryption, tagging] = await Promise.all([
    readBucketExposure(ctx, name, callRegion),
    ctx.call('s3', 'GetBucketEncryption', () => s3.send(new GetBucketEncryptionCommand({ Bucket: name })), {
      ...opts,
      notFoundCodes: NOT_FOUND.encryption,
    }),
    ctx.call('s3', 'GetBucketTagging', () => s3.send(new GetBucketTaggingCommand({ Bucket: name })), {
      ...opts,
      notFoundCodes: NOT_FOUND.tagging,
    }),
  ]);

  return {
    name,
    arn: `arn:${ctx.partition}:s3:::${name}`,
    createdAt: bucket.CreationDate ? bucket.CreationDate.toISOString() : null,
    region,
    inScannedRegion: region.ok ? ctx.scannedRegions.includes(region.value) : null,
    ...exposure,
    encryption: mapObserved(encryption, (out): BucketEncryption | null => {
      const rule = out?.ServerSideEncryptionConfiguration?.Rules?.[0];
      const sse = rule?.ApplyServerSideEncryptionByDefault;
      if (!sse?.SSEAlgorithm) return null;
      return {
        sseAlgorithm: sse.SSEAlgorithm,
        kmsMasterKeyId: sse.KMSMasterKeyID ?? null,
        bucketKeyEnabled: rule?.BucketKeyEnabled ?? null,
      };
    }),
    tags: mapObserved(tagging, (out) => {
      if (!out) return null;
      const tags: Record<string, string> = {};
      for (const tag of out.TagSet ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
      return tags;
    }),
  };
}
