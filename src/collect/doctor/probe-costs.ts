/**
 * Cost Explorer from the scanning account: the monthly costs the report shows per account and service, and
 * resource-level costs (an opt-in of the payer account). Each Cost Explorer request is billed (USD 0.01), so
 * the doctor makes exactly two, with the smallest periods that answer the question.
 */
import { CostExplorerClient, GetCostAndUsageCommand, GetCostAndUsageWithResourcesCommand } from '@aws-sdk/client-cost-explorer';
import { describeCollectionError, type CollectionError } from '../../core/observed.js';
import type { CollectorContext } from '../collector.js';
import { COST_EXPLORER_REGION, lastDays, lastFullMonth } from '../services/costs/costs.collector.js';
import { impact, NO_IMPACT, type DoctorLine } from './doctor-types.js';

const ENABLE_COST_EXPLORER =
  'Billing and Cost Management console > Cost Explorer > Launch Cost Explorer (as the management account; data appears within 24 hours).';
const ENABLE_RESOURCE_LEVEL =
  'Billing and Cost Management console > Cost Management preferences > Cost Explorer > Resource-level data at daily granularity: select the services (data appears within 48 hours).';

/** Cost Explorer answers AccessDenied both for a missing permission and for "not enabled yet". */
const notEnabled = (error: CollectionError) =>
  error.kind === 'not_subscribed' || /not enabled for cost explorer|opt.?in|not enabled/i.test(error.message);

function problem(error: CollectionError, action: string, enableFix: string, note: string): Pick<DoctorLine, 'status' | 'detail' | 'impact' | 'fix'> {
  const lost = impact({ unreadableActions: [action], note });
  if (notEnabled(error)) return { status: 'WARN', detail: `Not enabled: ${describeCollectionError(error)}`, impact: lost, fix: enableFix };
  if (error.kind === 'access_denied') {
    return {
      status: 'FAIL',
      detail: describeCollectionError(error),
      impact: lost,
      fix: `Allow ${action} to the scanning principal (ftr permissions --format iam-policy).`,
    };
  }
  return { status: 'WARN', detail: `Could not be checked: ${describeCollectionError(error)}`, impact: lost, fix: null };
}

export async function probeCosts(ctx: CollectorContext, now: Date, isManagement: boolean): Promise<DoctorLine[]> {
  const client = ctx.client(CostExplorerClient, COST_EXPLORER_REGION);
  const month = lastFullMonth(now);
  const monthly = await ctx.call(
    'ce',
    'GetCostAndUsage',
    () =>
      client.send(
        new GetCostAndUsageCommand({ TimePeriod: { Start: month.start, End: month.end }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'] }),
        { abortSignal: ctx.signal },
      ),
    { region: COST_EXPLORER_REGION },
  );
  const scope = isManagement ? 'every account of the Organization' : `account ${ctx.accountId} only (run from the management account for all)`;
  const monthlyLine: DoctorLine = monthly.ok
    ? { id: 'cost-explorer', title: 'Cost Explorer', status: 'OK', detail: `Cost Explorer answers: monthly costs for ${scope}.`, impact: NO_IMPACT, fix: null }
    : {
        id: 'cost-explorer',
        title: 'Cost Explorer',
        ...problem(monthly.error, 'ce:GetCostAndUsage', ENABLE_COST_EXPLORER, 'No checklist item; the report shows account and service costs as "unknown".'),
      };

  const days = lastDays(now, 2);
  const resources = await ctx.call(
    'ce',
    'GetCostAndUsageWithResources',
    () =>
      client.send(
        new GetCostAndUsageWithResourcesCommand({
          TimePeriod: { Start: days.start, End: days.end },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon Elastic Compute Cloud - Compute'] } },
        }),
        { abortSignal: ctx.signal },
      ),
    { region: COST_EXPLORER_REGION },
  );
  const resourceLine: DoctorLine = resources.ok
    ? {
        id: 'resource-costs',
        title: 'Resource-level costs',
        status: 'OK',
        detail: 'Resource-level cost data is available (the report shows a monthly estimate per resource).',
        impact: NO_IMPACT,
        fix: null,
      }
    : {
        id: 'resource-costs',
        title: 'Resource-level costs',
        ...problem(
          resources.error,
          'ce:GetCostAndUsageWithResources',
          ENABLE_RESOURCE_LEVEL,
          'No checklist item; the report shows each resource\'s cost as "unknown".',
        ),
      };
  return [monthlyLine, resourceLine];
}
