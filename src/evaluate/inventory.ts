/**
 * The workload's resource inventory for the report (account, region, type, name, tags, monthly cost) and
 * the Cost Explorer summary. Pure: reads the snapshot's `tagging` and `costs` slices and the findings.
 *
 * Resources are the union of every resource a finding is about (minus the account/region pseudo-resources)
 * and every resource the Tagging API listed. Names come from the `Name` tag. Costs never default to zero:
 * a cost we could not read is `unknown` with the reason.
 */
import type {
  AccountCost,
  CostSource,
  CostSummary,
  InventoryResource,
  ResourceCost,
} from '../core/assessment.js';
import type { Finding } from '../core/finding.js';
import { describeCollectionError, type Observed } from '../core/observed.js';
import type { CostsSlice, ResourceCostLine } from '../core/slices/costs.js';
import type { AccountSnapshot, Snapshot } from '../core/snapshot.js';

export type { InventoryResource };

/** Resource types that describe the scope itself, not an attached resource. */
const PSEUDO_TYPES = new Set(['AWS::::Account', 'AWS::::Region']);

/** Days of Cost Explorer's resource-level window are scaled to this many days for "monthly". */
const DAYS_PER_MONTH = 30;

const ARN_TYPES: Readonly<Record<string, string>> = {
  'ec2:instance': 'AWS::EC2::Instance',
  'ec2:volume': 'AWS::EC2::Volume',
  'ec2:security-group': 'AWS::EC2::SecurityGroup',
  'ec2:vpc': 'AWS::EC2::VPC',
  'ec2:subnet': 'AWS::EC2::Subnet',
  'ec2:network-acl': 'AWS::EC2::NetworkAcl',
  'ec2:snapshot': 'AWS::EC2::Snapshot',
  'ec2:natgateway': 'AWS::EC2::NatGateway',
  'ec2:internet-gateway': 'AWS::EC2::InternetGateway',
  'ec2:launch-template': 'AWS::EC2::LaunchTemplate',
  'ec2:route-table': 'AWS::EC2::RouteTable',
  'ec2:elastic-ip': 'AWS::EC2::EIP',
  's3:': 'AWS::S3::Bucket',
  'rds:db': 'AWS::RDS::DBInstance',
  'rds:cluster': 'AWS::RDS::DBCluster',
  'dynamodb:table': 'AWS::DynamoDB::Table',
  'lambda:function': 'AWS::Lambda::Function',
  'kms:key': 'AWS::KMS::Key',
  'secretsmanager:secret': 'AWS::SecretsManager::Secret',
  'ssm:parameter': 'AWS::SSM::Parameter',
  'elasticloadbalancing:loadbalancer': 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'elasticloadbalancing:targetgroup': 'AWS::ElasticLoadBalancingV2::TargetGroup',
  'cloudfront:distribution': 'AWS::CloudFront::Distribution',
  'cloudtrail:trail': 'AWS::CloudTrail::Trail',
  'logs:log-group': 'AWS::Logs::LogGroup',
  'sns:': 'AWS::SNS::Topic',
  'sqs:': 'AWS::SQS::Queue',
  'backup:backup-plan': 'AWS::Backup::BackupPlan',
  'backup:backup-vault': 'AWS::Backup::BackupVault',
  'cloudformation:stack': 'AWS::CloudFormation::Stack',
  'autoscaling:autoScalingGroup': 'AWS::AutoScaling::AutoScalingGroup',
  'iam:user': 'AWS::IAM::User',
  'iam:role': 'AWS::IAM::Role',
  'iam:policy': 'AWS::IAM::ManagedPolicy',
};

interface ParsedArn {
  readonly service: string;
  readonly region: string | null;
  readonly accountId: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
}

const pascal = (s: string): string =>
  s
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** Splits `arn:partition:service:region:account:type/id` (or `type:id`, or a bare id for S3/SNS/SQS). */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const service = parts[2] ?? '';
  const region = parts[3] ? parts[3] : null;
  const accountId = parts[4] ? parts[4] : null;
  const rest = parts.slice(5).join(':');
  const slash = rest.indexOf('/');
  const colon = rest.indexOf(':');
  const cut = slash === -1 ? colon : colon === -1 ? slash : Math.min(slash, colon);
  const kind = cut === -1 ? '' : rest.slice(0, cut);
  const id = cut === -1 ? rest : rest.slice(cut + 1);
  const known = ARN_TYPES[`${service}:${kind}`] ?? (kind === '' ? ARN_TYPES[`${service}:`] : undefined);
  const resourceType = known ?? `AWS::${pascal(service)}::${kind ? pascal(kind) : 'Resource'}`;
  return { service, region, accountId, resourceType, resourceId: kind === '' ? rest : id };
}

function sliceOf(account: AccountSnapshot): Observed<CostsSlice> | undefined {
  return account.global.costs;
}

/** The management account's id, when the scan saw the Organization. */
function managementAccount(snapshot: Snapshot): string | null {
  return snapshot.organization.ok && snapshot.organization.value ? snapshot.organization.value.managementAccountId : null;
}

type CostRead<V> = { ok: true; value: V; source: CostSource } | { ok: false; reason: string; source?: CostSource };

/**
 * Where an account's costs come from: the Organization's management (payer) account, whose one read grouped
 * by LINKED_ACCOUNT answers for every member, else the account's own read. A member that left the read to
 * its payer (slice value null) has unknown costs with the payer's reason when the payer's read failed: no
 * figure is ever made up, and members are not read a second time (each Cost Explorer request is billed).
 */
function costSource<K extends keyof CostsSlice>(
  snapshot: Snapshot,
  accountId: string,
  field: K,
): CostRead<NonNullable<Extract<CostsSlice[K], { ok: true }>['value']>> {
  const mgmt = managementAccount(snapshot);
  let payerReason: string | null = null;
  if (mgmt) {
    const payer = snapshot.accounts.find((a) => a.accountId === mgmt);
    const payerSlice = payer ? sliceOf(payer) : undefined;
    const source: CostSource = { kind: 'management-account', accountId: mgmt };
    if (payerSlice?.ok) {
      const f = payerSlice.value[field];
      if (f.ok && f.value) return { ok: true, value: f.value, source };
      if (!f.ok) payerReason = describeCollectionError(f.error);
    } else if (payerSlice) {
      payerReason = describeCollectionError(payerSlice.error);
    }
    if (mgmt === accountId) {
      return { ok: false, reason: payerReason ?? `Cost Explorer was not read for account ${accountId} (the costs collector did not run).`, source };
    }
  }
  const own = snapshot.accounts.find((a) => a.accountId === accountId);
  const ownSlice = own ? sliceOf(own) : undefined;
  const source: CostSource = { kind: 'own-account', accountId };
  if (ownSlice?.ok) {
    const f = ownSlice.value[field];
    if (f.ok && f.value) return { ok: true, value: f.value, source };
    if (f.ok) {
      // Left to the payer by the collector, and the payer's read gave nothing.
      const payerSource: CostSource = { kind: 'management-account', accountId: mgmt ?? accountId };
      return {
        ok: false,
        reason: payerReason
          ? `Read from the management account ${mgmt ?? ''}, which failed: ${payerReason}`
          : `Left to the management account ${mgmt ?? ''}, whose costs were not read in this scan.`,
        source: payerSource,
      };
    }
    return { ok: false, reason: describeCollectionError(f.error), source };
  }
  if (ownSlice && !ownSlice.ok) return { ok: false, reason: describeCollectionError(ownSlice.error), source };
  return { ok: false, reason: payerReason ?? `Cost Explorer was not read for account ${accountId} (the costs collector did not run).` };
}

const sumOf = (lines: readonly { amount: number }[]): number => lines.reduce((sum, l) => sum + l.amount, 0);

/** Per-account monthly costs (last full month, and the month before when read) with their source. */
export function buildCostSummary(snapshot: Snapshot): CostSummary {
  let period: CostSummary['period'] = null;
  let previousPeriod: CostSummary['previousPeriod'] = null;
  let resourcePeriod: CostSummary['resourcePeriod'] = null;
  let currency = 'USD';
  const accounts: AccountCost[] = snapshot.accounts.map((account) => {
    const src = costSource(snapshot, account.accountId, 'monthly');
    const res = costSource(snapshot, account.accountId, 'resources');
    if (res.ok) resourcePeriod ??= res.value.period;
    if (!src.ok) return { accountId: account.accountId, status: 'unknown', reason: src.reason, ...(src.source ? { source: src.source } : {}) };
    period ??= src.value.period;
    const lines = src.value.lines.filter((l) => l.accountId === account.accountId);
    if (lines[0]) currency = lines[0].currency;
    const services = lines
      .map((l) => ({ service: l.service, amount: l.amount }))
      .sort((a, b) => b.amount - a.amount || a.service.localeCompare(b.service));
    const previous = src.value.previous;
    if (previous) previousPeriod ??= previous.period;
    return {
      accountId: account.accountId,
      status: 'known',
      total: sumOf(services),
      currency: lines[0]?.currency ?? currency,
      services,
      source: src.source,
      previousTotal: previous ? sumOf(previous.lines.filter((l) => l.accountId === account.accountId)) : null,
    };
  });
  return { period, resourcePeriod, previousPeriod, currency, accounts };
}

function daysIn(period: { start: string; end: string }): number {
  const ms = Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`);
  return Math.max(1, Math.round(ms / 86_400_000));
}

interface ResourceCostIndex {
  readonly byKey: Map<string, ResourceCostLine>;
  readonly perAccount: Map<string, { ok: true; days: number } | { ok: false; reason: string }>;
}

function indexResourceCosts(snapshot: Snapshot): ResourceCostIndex {
  const byKey = new Map<string, ResourceCostLine>();
  const perAccount: ResourceCostIndex['perAccount'] = new Map();
  for (const account of snapshot.accounts) {
    const src = costSource(snapshot, account.accountId, 'resources');
    if (!src.ok) {
      perAccount.set(account.accountId, { ok: false, reason: src.reason });
      continue;
    }
    perAccount.set(account.accountId, { ok: true, days: daysIn(src.value.period) });
    for (const line of src.value.lines) {
      const prev = byKey.get(line.resourceId);
      byKey.set(line.resourceId, prev ? { ...prev, amount: Math.max(prev.amount, line.amount) } : line);
    }
  }
  return { byKey, perAccount };
}

function costOf(resource: Omit<InventoryResource, 'cost'>, index: ResourceCostIndex): ResourceCost {
  const status = index.perAccount.get(resource.accountId);
  if (!status) return { status: 'unknown', reason: `Account ${resource.accountId} was not in the scan's cost data.` };
  if (!status.ok) return { status: 'unknown', reason: status.reason };
  const keys = [resource.resourceArn, resource.resourceId];
  if (resource.resourceArn) {
    const tail = resource.resourceArn.split('/').pop();
    if (tail) keys.push(tail);
  }
  for (const key of keys) {
    const line = key ? index.byKey.get(key) : undefined;
    if (line) {
      const monthly = Math.round(((line.amount * DAYS_PER_MONTH) / status.days) * 100) / 100;
      return { status: 'known', monthly, currency: line.currency };
    }
  }
  return { status: 'not-itemised' };
}

const resourceKey = (r: { accountId: string; region: string | null; resourceType: string; resourceId: string; resourceArn: string | null }): string =>
  r.resourceArn ?? `${r.accountId}|${r.region ?? ''}|${r.resourceType}|${r.resourceId}`;

/**
 * Every resource of the scope: the ones findings are about plus the ones the Tagging API listed, each with
 * its name, tags and cost. Sorted by account, region, type, id.
 */
export type InventoryFinding = Pick<Finding, 'accountId' | 'region' | 'resourceType' | 'resourceId' | 'resourceArn'>;

export function buildInventory(snapshot: Snapshot, findings: readonly InventoryFinding[]): InventoryResource[] {
  const byKey = new Map<string, Omit<InventoryResource, 'cost'>>();
  const tagsByArn = new Map<string, Readonly<Record<string, string>>>();

  for (const account of snapshot.accounts) {
    for (const regional of account.regional) {
      const slice = regional.tagging;
      if (!slice?.ok || !slice.value.resources.ok) continue;
      for (const tagged of slice.value.resources.value) {
        tagsByArn.set(tagged.arn, tagged.tags);
        const arn = parseArn(tagged.arn);
        if (!arn) continue;
        const resource = {
          accountId: arn.accountId ?? account.accountId,
          region: arn.region ?? (arn.service === 's3' ? regional.region : null),
          resourceType: arn.resourceType,
          resourceId: arn.resourceId,
          resourceArn: tagged.arn,
          name: tagged.tags.Name ?? null,
          tags: tagged.tags,
        };
        byKey.set(resourceKey(resource), resource);
      }
    }
  }

  for (const f of findings) {
    if (PSEUDO_TYPES.has(f.resourceType)) continue;
    const key = resourceKey(f);
    if (byKey.has(key)) continue;
    const tags = (f.resourceArn ? tagsByArn.get(f.resourceArn) : undefined) ?? {};
    byKey.set(key, {
      accountId: f.accountId,
      region: f.region,
      resourceType: f.resourceType,
      resourceId: f.resourceId,
      resourceArn: f.resourceArn,
      name: tags.Name ?? null,
      tags,
    });
  }

  const index = indexResourceCosts(snapshot);
  const withCosts = snapshot.accounts.some((a) => a.global.costs !== undefined);
  return [...byKey.values()]
    .map((r): InventoryResource => (withCosts ? { ...r, cost: costOf(r, index) } : { ...r, cost: { status: 'unknown', reason: 'Costs were not collected in this scan.' } }))
    .sort(
      (a, b) =>
        a.accountId.localeCompare(b.accountId) ||
        (a.region ?? '').localeCompare(b.region ?? '') ||
        a.resourceType.localeCompare(b.resourceType) ||
        a.resourceId.localeCompare(b.resourceId),
    );
}
