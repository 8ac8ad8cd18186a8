/**
 * Cost Explorer collector (global; Cost Explorer's endpoint is us-east-1). Every request is billed
 * (USD 0.01), so an Organization is read once, from its management (payer) account:
 * - GetCostAndUsage for the last two full months (one request, MONTHLY buckets), grouped by LINKED_ACCOUNT
 *   and SERVICE: from the management account this covers every member; from a member account only itself.
 *   The earlier month gives the month-over-month change;
 * - GetCostAndUsageWithResources for the last 14 days, grouped by RESOURCE_ID, for the services the monthly
 *   read found. This is opt-in per payer: without it the read fails (DataUnavailableException) and the
 *   failure is kept as the reason, so the report says "unknown", never 0.
 * A member account makes neither read when the scan also covers its management account (`payerInScan`):
 * its slice holds `null` ("read by the payer") and the evaluation takes its figures from the payer's lines.
 * If the payer's read fails, the members' costs are unknown with the payer's reason (no second, per-member
 * round of billed reads); a member scanned without its payer reads its own costs.
 */
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostAndUsageWithResourcesCommand,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { observed } from '../../../core/observed.js';
import { defineGlobalCollector, type CollectorContext } from '../../collector.js';
import type { CostPeriod, MonthlyCosts, ResourceCostLine, ResourceCosts, ServiceCost } from '../../../core/slices/costs.js';

/** Cost Explorer is served from us-east-1 (us-gov-west-1 / cn-northwest-1 in other partitions). */
export const COST_EXPLORER_REGION = 'us-east-1';
/** How far back GetCostAndUsageWithResources reaches. */
export const RESOURCE_WINDOW_DAYS = 14;
/** Services asked for resource-level costs when the monthly read found none. */
const DEFAULT_RESOURCE_SERVICES = ['Amazon Elastic Compute Cloud - Compute'];
const MAX_PAGES = 50;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The last full calendar month before `now` (UTC), as a half-open interval. */
export function lastFullMonth(now: Date): CostPeriod {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { start: isoDay(start), end: isoDay(end) };
}

/** The full calendar month before `period` (the month-over-month comparison). */
export function monthBefore(period: CostPeriod): CostPeriod {
  const start = new Date(`${period.start}T00:00:00Z`);
  return { start: isoDay(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1))), end: period.start };
}

/**
 * The management account that reads Cost Explorer for this account, when the scan covers it and this
 * account is one of its members; null when this account reads its own costs.
 */
export function payerInScan(ctx: Pick<CollectorContext, 'accountId' | 'scanOrganization'>): string | null {
  const org = ctx.scanOrganization;
  const payer = org?.managementAccountId;
  if (!org || !payer || payer === ctx.accountId) return null;
  return org.scannedAccountIds.includes(payer) ? payer : null;
}

/** The last `days` full days before `now` (UTC): Cost Explorer's resource-level window. */
export function lastDays(now: Date, days: number): CostPeriod {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(end.getTime() - (days - 1) * 86_400_000);
  return { start: isoDay(start), end: isoDay(end) };
}

function amountOf(metrics: ResultByTime['Total'] | undefined): { amount: number; currency: string } | undefined {
  const m = metrics?.UnblendedCost;
  if (!m?.Amount) return undefined;
  const amount = Number(m.Amount);
  return Number.isFinite(amount) ? { amount, currency: m.Unit ?? 'USD' } : undefined;
}

/** Sums the (account, service) groups of every time bucket. Keys are [LINKED_ACCOUNT, SERVICE]. */
export function monthlyLines(results: readonly ResultByTime[], accountId: string): ServiceCost[] {
  const sums = new Map<string, ServiceCost>();
  for (const bucket of results) {
    for (const group of bucket.Groups ?? []) {
      const [account, service] = group.Keys ?? [];
      const value = amountOf(group.Metrics);
      if (!value || !service) continue;
      const key = `${account ?? accountId}\u0000${service}`;
      const prev = sums.get(key);
      sums.set(key, {
        accountId: account ?? accountId,
        service,
        amount: (prev?.amount ?? 0) + value.amount,
        currency: value.currency,
      });
    }
  }
  return [...sums.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || b.amount - a.amount);
}

/** Sums resource groups over the daily buckets. Keys are [RESOURCE_ID, SERVICE]. */
export function resourceLines(results: readonly ResultByTime[], accountId: string): ResourceCostLine[] {
  const sums = new Map<string, ResourceCostLine>();
  for (const bucket of results) {
    for (const group of bucket.Groups ?? []) {
      const [resourceId, service] = group.Keys ?? [];
      const value = amountOf(group.Metrics);
      if (!value || !resourceId) continue;
      const key = `${resourceId}\u0000${service ?? ''}`;
      const prev = sums.get(key);
      sums.set(key, {
        accountId: resourceOwner(resourceId) ?? accountId,
        resourceId,
        service: service ?? '',
        amount: (prev?.amount ?? 0) + value.amount,
        currency: value.currency,
      });
    }
  }
  return [...sums.values()].sort((a, b) => b.amount - a.amount);
}

/** The account id inside an ARN (`arn:aws:ec2:us-east-1:111122223333:volume/vol-1`), when there is one. */
function resourceOwner(resourceId: string): string | undefined {
  const parts = resourceId.split(':');
  return resourceId.startsWith('arn:') && parts[4] && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

/** Cost Explorer's GetCostAndUsage* calls page with NextPageToken and have no SDK paginator. */
async function allResultPages(
  fetchPage: (token: string | undefined) => Promise<{ ResultsByTime?: ResultByTime[] | undefined; NextPageToken?: string | undefined }>,
): Promise<ResultByTime[]> {
  const results: ResultByTime[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await fetchPage(token);
    results.push(...(out.ResultsByTime ?? []));
    token = out.NextPageToken;
    if (!token) break;
  }
  return results;
}

/** Splits MONTHLY buckets by their start day into the month asked for and the month before. */
export function monthlyCosts(results: readonly ResultByTime[], accountId: string, period: CostPeriod): MonthlyCosts {
  const previousPeriod = monthBefore(period);
  const inMonth = (p: CostPeriod) => (b: ResultByTime) => (b.TimePeriod?.Start ?? period.start) >= p.start && (b.TimePeriod?.Start ?? period.start) < p.end;
  const earlier = results.filter(inMonth(previousPeriod));
  return {
    period,
    lines: monthlyLines(results.filter(inMonth(period)), accountId),
    ...(earlier.length > 0 ? { previous: { period: previousPeriod, lines: monthlyLines(earlier, accountId) } } : {}),
  };
}

async function monthly(ctx: CollectorContext, client: CostExplorerClient, period: CostPeriod): Promise<MonthlyCosts> {
  // One request for both months: Cost Explorer bills per request, not per month returned.
  const from = monthBefore(period).start;
  const results = await allResultPages((token) =>
    client.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: from, End: period.end },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        GroupBy: [
          { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
          { Type: 'DIMENSION', Key: 'SERVICE' },
        ],
        ...(token ? { NextPageToken: token } : {}),
      }),
      { abortSignal: ctx.signal },
    ),
  );
  return monthlyCosts(results, ctx.accountId, period);
}

async function byResource(
  ctx: CollectorContext,
  client: CostExplorerClient,
  period: CostPeriod,
  services: readonly string[],
): Promise<ResourceCosts> {
  const results = await allResultPages((token) =>
    client.send(
      new GetCostAndUsageWithResourcesCommand({
        TimePeriod: { Start: period.start, End: period.end },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        Filter: { Dimensions: { Key: 'SERVICE', Values: [...services] } },
        GroupBy: [
          { Type: 'DIMENSION', Key: 'RESOURCE_ID' },
          { Type: 'DIMENSION', Key: 'SERVICE' },
        ],
        ...(token ? { NextPageToken: token } : {}),
      }),
      { abortSignal: ctx.signal },
    ),
  );
  return { period, lines: resourceLines(results, ctx.accountId) };
}

/** Builds the collector; `now` is injectable so tests pin the periods. */
export function createCostsCollector(options: { readonly now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return defineGlobalCollector({
    service: 'costs',
    scope: 'global',
    operations: [
      { operation: 'GetCostAndUsage', iamAction: 'ce:GetCostAndUsage' },
      { operation: 'GetCostAndUsageWithResources', iamAction: 'ce:GetCostAndUsageWithResources' },
    ],
    async collect(ctx) {
      // A member of an Organization whose payer is in this scan: the payer's one read answers for it.
      if (payerInScan(ctx)) return { monthly: observed(null), resources: observed(null) };
      const client = ctx.client(CostExplorerClient, COST_EXPLORER_REGION);
      const at = now();
      const callOptions = { region: COST_EXPLORER_REGION };
      const month = await ctx.call('ce', 'GetCostAndUsage', () => monthly(ctx, client, lastFullMonth(at)), callOptions);
      const found = month.ok && month.value ? [...new Set(month.value.lines.filter((l) => l.amount > 0).map((l) => l.service))] : [];
      const services = found.length > 0 ? found : DEFAULT_RESOURCE_SERVICES;
      const resources = await ctx.call(
        'ce',
        'GetCostAndUsageWithResources',
        () => byResource(ctx, client, lastDays(at, RESOURCE_WINDOW_DAYS), services),
        callOptions,
      );
      return {
        monthly: month.ok ? observed(month.value ?? { period: lastFullMonth(at), lines: [] }) : month,
        resources: resources.ok ? observed(resources.value ?? { period: lastDays(at, RESOURCE_WINDOW_DAYS), lines: [] }) : resources,
      };
    },
  });
}

export const costsCollector = createCostsCollector();
