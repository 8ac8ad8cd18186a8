/**
 * Regions: the static list lets us reject a mistyped `--regions` before any call; DescribeRegions with
 * AllRegions=true then tells, per account, which regions are enabled (opt-in regions may not be).
 */
import { UserError } from '../core/errors.js';
import type { Observed } from '../core/observed.js';
import type { RegionInfo } from '../core/snapshot.js';
import type { CollectorContext } from './collector.js';

/** Public AWS commercial, GovCloud and China regions known at release time. */
export const KNOWN_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
  'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
  'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
];

/** Validates `--regions`; throws a UserError naming every unknown region. */
export function validateRequestedRegions(regions: readonly string[]): string[] {
  const cleaned = [...new Set(regions.map((r) => r.trim()).filter((r) => r.length > 0))];
  if (cleaned.length === 0) throw new UserError('--regions was given but names no region.');
  const unknownRegions = cleaned.filter((r) => !KNOWN_REGIONS.includes(r));
  if (unknownRegions.length > 0) {
    throw new UserError(
      `Unknown region${unknownRegions.length > 1 ? 's' : ''}: ${unknownRegions.join(', ')}. ` +
        `Use region codes such as us-east-1 or eu-west-1 (known: ${KNOWN_REGIONS.join(', ')}).`,
    );
  }
  return cleaned;
}

/** The region for global endpoints (IAM, Organizations, Support) of a partition. */
export function homeRegionFor(partition: string): string {
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  if (partition === 'aws-cn') return 'cn-north-1';
  return 'us-east-1';
}

export async function discoverRegions(
  ctx: CollectorContext,
  requested: readonly string[] | null,
): Promise<Observed<RegionInfo[]>> {
  const result = await ctx.call('ec2', 'DescribeRegions', async () => {
    // Imported here: the coordinating thread of a threaded scan never lists regions, and EC2's client is the
    // SDK's largest package (about 0.5 s of CPU to load; docs/benchmarks.md, "Where the scan's CPU goes").
    const { DescribeRegionsCommand, EC2Client } = await import('@aws-sdk/client-ec2');
    return ctx.client(EC2Client).send(new DescribeRegionsCommand({ AllRegions: true }));
  });
  if (!result.ok) return result;
  const regions = (result.value.Regions ?? [])
    .filter((r): r is typeof r & { RegionName: string } => typeof r.RegionName === 'string')
    .map((r) => {
      const optInStatus = r.OptInStatus ?? 'opt-in-not-required';
      const enabled = optInStatus !== 'not-opted-in';
      return {
        region: r.RegionName,
        optInStatus,
        enabled,
        scanned: enabled && (requested === null || requested.includes(r.RegionName)),
      };
    })
    .sort((a, b) => a.region.localeCompare(b.region));
  return { ok: true, value: regions };
}
