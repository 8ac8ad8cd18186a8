import {
  GetAutomatedDiscoveryConfigurationCommand,
  GetMacieSessionCommand,
  Macie2Client,
  paginateListClassificationJobs,
} from '@aws-sdk/client-macie2';
import { errorCode } from '../../aws-errors.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import { observed, type Observed } from '../../../core/observed.js';
import type { MacieClassificationJob, MacieSession } from '../../../core/slices/macie.js';

/**
 * How Macie says "not enabled in this account and region": GetMacieSession (and every other Macie read)
 * fails with AccessDeniedException whose message is "Macie is not enabled." (some endpoints answer
 * ResourceNotFoundException). A real permission denial is also AccessDeniedException, but with an IAM
 * message ("User: ... is not authorized to perform: macie2:GetMacieSession"), so only the Macie message
 * counts as "not enabled"; every other denial stays an error value.
 */
export function isMacieNotEnabled(err: unknown): boolean {
  const code = errorCode(err);
  if (code === 'ResourceNotFoundException') return true;
  if (code !== 'AccessDeniedException') return false;
  const message = err instanceof Error ? err.message : '';
  return /macie is not enabled/i.test(message);
}

/** Runs `fn`; the "Macie is not enabled" answer becomes null, everything else passes through. */
async function nullIfNotEnabled<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    if (isMacieNotEnabled(err)) return null;
    throw err;
  }
}

/** Amazon Macie: session status, classification jobs and automated sensitive data discovery. */
export const macieCollector = defineRegionalCollector({
  service: 'macie',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [
    { operation: 'GetMacieSession', iamAction: 'macie2:GetMacieSession' },
    { operation: 'ListClassificationJobs', iamAction: 'macie2:ListClassificationJobs' },
    { operation: 'GetAutomatedDiscoveryConfiguration', iamAction: 'macie2:GetAutomatedDiscoveryConfiguration' },
  ],
  async collect(ctx) {
    const client = ctx.client(Macie2Client);
    const session: Observed<MacieSession | null> = await ctx.call('macie', 'GetMacieSession', () =>
      nullIfNotEnabled(async () => {
        const s = await client.send(new GetMacieSessionCommand({}));
        return {
          status: s.status ?? 'UNKNOWN',
          createdAt: s.createdAt?.toISOString() ?? null,
          updatedAt: s.updatedAt?.toISOString() ?? null,
        };
      }),
    );
    if (!session.ok || session.value === null) {
      // Not enabled (or unreadable): the other reads would only repeat the same answer.
      const skipped = session.ok ? observed(null) : session;
      return { session, classificationJobs: skipped, automatedDiscoveryStatus: skipped };
    }
    const [classificationJobs, automatedDiscoveryStatus] = await Promise.all([
      ctx.call('macie', 'ListClassificationJobs', () =>
        nullIfNotEnabled(async (): Promise<readonly MacieClassificationJob[]> =>
          (await collectPages(paginateListClassificationJobs({ client }, {}), (p) => p.items)).map((j) => ({
            id: j.jobId ?? '',
            name: j.name ?? null,
            jobType: j.jobType ?? null,
            status: j.jobStatus ?? null,
            createdAt: j.createdAt?.toISOString() ?? null,
          })),
        ),
      ),
      ctx.call('macie', 'GetAutomatedDiscoveryConfiguration', () =>
        nullIfNotEnabled(async () => (await client.send(new GetAutomatedDiscoveryConfigurationCommand({}))).status ?? null),
      ),
    ]);
    return { session, classificationJobs, automatedDiscoveryStatus };
  },
});
