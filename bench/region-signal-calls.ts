/**
 * Calls per empty account-region, full read vs posture-only (docs/decisions/0012-region-signal.md).
 * Scans moto's default account in its home region and one empty region with every collector, then splits
 * the empty region's calls into what a posture-only read keeps (posture collectors, collectors no signal
 * covers, ec2's posture reads) and what it skips, plus the one config:GetDiscoveredResourceCounts the
 * signal costs. moto cannot answer GetDiscoveredResourceCounts (and reports recorders as PENDING), so the
 * posture-only figure is the measured full read minus the measured calls of the skipped reads.
 * Run: npx tsx bench/region-signal-calls.ts
 */
import { runScan } from '../src/collect/run-collection.js';
import { splitBySignal } from '../src/collect/region-signal.js';
import { REGIONAL_COLLECTORS } from '../src/collect/services/index.js';
import { MOTO_CREDENTIALS, startMoto } from '../test/helpers/moto-server.js';

const EMPTY = 'eu-north-1';
/** ec2's resource reads, skipped in a posture-only region (the rest of ec2 is posture). */
const EC2_RESOURCE_OPERATIONS = new Set(['DescribeVolumes', 'DescribeInstances', 'DescribeInstanceAttribute', 'DescribeLaunchTemplateVersions']);

const moto = await startMoto();
try {
  await moto.reset();
  const snapshot = await runScan({
    org: false,
    roleName: 'unused',
    regions: ['us-east-1', EMPTY],
    maxAttempts: 2,
    endpoint: moto.endpoint,
    credentials: MOTO_CREDENTIALS,
  });
  const skippable = new Set<string>(splitBySignal(REGIONAL_COLLECTORS)[1].filter((c) => c.regionalReads === 'resources').map((c) => c.service));
  const inRegion = snapshot.operations.filter((o) => o.region === EMPTY);
  const total = inRegion.reduce((n, o) => n + o.calls, 0);
  const skipped = inRegion.filter((o) => skippable.has(o.service) || (o.service === 'ec2' && EC2_RESOURCE_OPERATIONS.has(o.operation)));
  const skippedCalls = skipped.reduce((n, o) => n + o.calls, 0);
  const byService = new Map<string, number>();
  for (const o of skipped) byService.set(o.service, (byService.get(o.service) ?? 0) + o.calls);
  const after = total - skippedCalls + 1;
  console.log(`calls in an empty region (${EMPTY}), full read: ${total}`);
  console.log(`skipped when posture-only: ${skippedCalls} (${[...byService].map(([s, n]) => `${s} ${n}`).join(', ')})`);
  console.log(`posture-only read: ${after} (${total - skippedCalls} posture + 1 GetDiscoveredResourceCounts), ${Math.round((100 * (total - after)) / total)}% fewer`);
} finally {
  await moto.stop();
}
