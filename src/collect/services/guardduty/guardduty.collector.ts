import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import { observed } from '../../../core/observed.js';
import type { GuardDutyDetector } from '../../../core/slices/guardduty.js';

/** GuardDuty detectors and their features (runtime monitoring, S3/EKS/RDS protection). No detector = not enabled. */
export const guarddutyCollector = defineRegionalCollector({
  service: 'guardduty',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [
    { operation: 'ListDetectors', iamAction: 'guardduty:ListDetectors' },
    { operation: 'GetDetector', iamAction: 'guardduty:GetDetector' },
  ],
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    const ids = await ctx.call('guardduty', 'ListDetectors', () =>
      collectPages(paginateListDetectors({ client }, {}), (p) => p.DetectorIds),
    );
    if (!ids.ok) return { detectors: ids };
    const detectors: GuardDutyDetector[] = [];
    for (const id of ids.value) {
      const details = await ctx.call('guardduty', 'GetDetector', async () => {
        const d = await client.send(new GetDetectorCommand({ DetectorId: id }));
        return {
          status: d.Status ?? 'UNKNOWN',
          findingPublishingFrequency: d.FindingPublishingFrequency ?? null,
          features: (d.Features ?? []).map((f) => ({
            name: f.Name ?? '',
            status: f.Status ?? null,
            additionalConfiguration: (f.AdditionalConfiguration ?? []).map((a) => ({ name: a.Name ?? '', status: a.Status ?? null })),
          })),
        };
      });
      detectors.push({ id, details });
    }
    return { detectors: observed(detectors) };
  },
});
