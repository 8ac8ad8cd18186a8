/**
 * `ftr doctor`: before a long scan, find out what it will not be able to see. Same connection options as
 * `ftr scan`; reads only (the same declared actions, plus ListAWSServiceAccessForOrganization). Every probe
 * becomes one line: OK / WARN / FAIL, what it found, what the assessment loses, and the fix.
 */
import pLimit from 'p-limit';
import { CredentialsError, UserError } from '../../core/errors.js';
import { describeCollectionError, observed, type CollectionError, type Observed } from '../../core/observed.js';
import { createClientFactory, DEFAULT_CLIENT_SETTINGS, type ClientSettings, type Credentials } from '../clients.js';
import { createCollectorContext } from '../collector-context.js';
import { assumeRoleProvider, defaultCredentials, whoAmI, type CallerIdentity } from '../credentials.js';
import { homeRegionFor, validateRequestedRegions } from '../regions.js';
import { ScanRecorder } from '../scan-recorder.js';
import { DENIAL_CAUSE_LABEL, denialCause, denialFix, type DenialCause } from './denial-cause.js';
import { DOCTOR_LINE_IDS, impact, NO_IMPACT, type DoctorLine, type DoctorReport } from './doctor-types.js';
import { assumeMemberRoles, probeAccount, type AccountProbe, type AccountTarget, type AssumeResult, type ContextFor } from './probe-accounts.js';
import { probeCosts } from './probe-costs.js';
import { probeOrganization } from './probe-organization.js';

export interface DoctorOptions {
  readonly org: boolean;
  readonly roleName: string;
  readonly externalId?: string | undefined;
  readonly profile?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  /** Accounts probed at once. */
  readonly concurrency: number;
  readonly maxAttempts?: number | undefined;
  readonly endpoint?: string | undefined;
  readonly requestTimeoutMs?: number | undefined;
  readonly credentials?: Credentials | undefined;
  /** For the Cost Explorer periods; injectable for tests. */
  readonly now?: Date | undefined;
}

/** Lists at most `max` values, then "and N more". */
export function listSome(values: readonly string[], max = 8): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const requested = options.regions ? validateRequestedRegions(options.regions) : null;
  const settings: ClientSettings = {
    endpoint: options.endpoint ?? DEFAULT_CLIENT_SETTINGS.endpoint,
    // Fewer retries than a scan: the doctor should answer quickly, and a throttled probe is reported, not fatal.
    maxAttempts: options.maxAttempts ?? 3,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_CLIENT_SETTINGS.requestTimeoutMs,
  };
  const recorder = new ScanRecorder();
  const signal = new AbortController().signal;
  const baseCredentials = options.credentials ?? defaultCredentials(options.profile);
  const bootstrap = createClientFactory({ accountId: 'unknown', defaultRegion: 'us-east-1', credentials: baseCredentials, settings, recorder, signal });

  let me: CallerIdentity;
  try {
    me = await whoAmI(bootstrap, baseCredentials, options.profile);
  } catch (err) {
    if (err instanceof CredentialsError || err instanceof UserError) {
      return { principal: null, lines: [credentialsFailed(err.message)] };
    }
    throw err;
  }
  const homeRegion = homeRegionFor(me.partition);
  const factory = (accountId: string, credentials: Credentials) =>
    createClientFactory({ accountId, defaultRegion: homeRegion, credentials, settings, recorder, signal });
  const baseClients = factory(me.accountId, baseCredentials);
  const contextFor: ContextFor = (accountId, clients, region) =>
    createCollectorContext({ accountId, region, partition: me.partition, scannedRegions: [], clients, recorder, signal });
  const home = contextFor(me.accountId, baseClients, homeRegion);

  const lines: DoctorLine[] = [credentialsLine(me)];
  const organization = await probeOrganization(home, me.accountId, options.org);
  lines.push(organization.line);
  if (organization.trustedAccess) lines.push(organization.trustedAccess);

  const targets: AccountTarget[] = [{ accountId: me.accountId, clients: baseClients }];
  if (options.org && organization.members) {
    const roleArnFor = (accountId: string) => `arn:${me.partition}:iam::${accountId}:role/${options.roleName}`;
    const enter = async (accountId: string, roleArn: string): Promise<Observed<AccountTarget>> => {
      const credentials = assumeRoleProvider(baseClients, roleArn, options.externalId);
      const assumed = await contextFor(accountId, baseClients, homeRegion).call('sts', 'AssumeRole', () => credentials());
      return assumed.ok ? observed({ accountId, clients: factory(accountId, credentials) }) : assumed;
    };
    const assumed = await assumeMemberRoles(organization.members, options.concurrency, roleArnFor, enter);
    lines.push(memberRolesLine(assumed, options));
    for (const a of assumed) if (a.result.ok) targets.push(a.result.value);
  }

  const limit = pLimit(Math.max(1, options.concurrency));
  const probes = await Promise.all(targets.map((t) => limit(() => probeAccount(t, contextFor, homeRegion, requested))));
  lines.push(regionsLine(probes, requested, homeRegion));
  lines.push(sampleReadsLine(probes, options.roleName, me));
  lines.push(supportLine(probes));
  lines.push(...(await probeCosts(home, options.now ?? new Date(), organization.callerRole === 'management')));

  const order = (id: DoctorLine['id']) => DOCTOR_LINE_IDS.indexOf(id);
  return { principal: { arn: me.arn, accountId: me.accountId }, lines: lines.sort((a, b) => order(a.id) - order(b.id)) };
}

function credentialsFailed(message: string): DoctorLine {
  return {
    id: 'credentials',
    title: 'Credentials',
    status: 'FAIL',
    detail: message,
    impact: impact({ note: 'Nothing can be scanned.' }),
    fix: 'Configure credentials for the scanning principal (aws configure, AWS_PROFILE or --profile, aws sso login), then run ftr doctor again.',
  };
}

function credentialsLine(me: CallerIdentity): DoctorLine {
  const isRoot = /:root$/.test(me.arn);
  return {
    id: 'credentials',
    title: 'Credentials',
    status: isRoot ? 'WARN' : 'OK',
    detail: `${me.arn} (account ${me.accountId}).${isRoot ? ' These are the root user\'s credentials.' : ''}`,
    impact: isRoot ? impact({ note: 'Nothing is lost, but the root user should not be used for routine work (the FTR asks that it is not).' }) : NO_IMPACT,
    fix: isRoot
      ? 'Create the scanner role (ftr permissions --format stackset or iam-policy), delete the root access key (IAM console > Security credentials), and scan as that role.'
      : null,
  };
}

function memberRolesLine(assumed: readonly AssumeResult[], options: DoctorOptions): DoctorLine {
  const title = `Member role ${options.roleName}`;
  const failed = assumed.filter((a) => !a.result.ok);
  const withExternalId = options.externalId ? ' with the external ID' : ' without an external ID';
  if (failed.length === 0) {
    return {
      id: 'member-roles',
      title,
      status: 'OK',
      detail: `Assumed ${options.roleName}${withExternalId} in all ${assumed.length} member account(s).`,
      impact: NO_IMPACT,
      fix: null,
    };
  }
  const errors = failed.map((a) => (a.result.ok ? null : a.result.error)).filter((e): e is CollectionError => e !== null);
  const byCode = new Map<string, string[]>();
  for (const e of errors) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e.accountId]);
  const detail =
    `Could not assume ${options.roleName}${withExternalId} in ${failed.length} of ${assumed.length} member account(s): ` +
    [...byCode.entries()].map(([code, accounts]) => `${code} in ${listSome(accounts)}`).join('; ') +
    `. First error: ${errors[0] ? describeAssumeError(errors[0]) : ''}`;
  const scp = errors.some((e) => denialCause(e.message) === 'scp');
  return {
    id: 'member-roles',
    title,
    status: 'FAIL',
    detail,
    impact: impact({ unreachableAccounts: failed.map((a) => a.account.id) }),
    fix: scp
      ? `An SCP denies sts:AssumeRole: exempt the scanning principal in AWS Organizations console > Policies > Service control policies. ${roleFix(options)}`
      : roleFix(options),
  };
}

function describeAssumeError(error: CollectionError): string {
  return `${error.accountId}: ${error.code}: ${error.message}`;
}

function roleFix(options: DoctorOptions): string {
  const externalId = options.externalId ? ' --external-id <the same id>' : ' --external-id <id>';
  return (
    `Deploy the role to every account: ftr permissions --format stackset${externalId} > ftr-stackset.json, then in the management account ` +
    'aws cloudformation deploy --template-file ftr-stackset.json --stack-name ftr-ready-roles --capabilities CAPABILITY_NAMED_IAM ' +
    '--parameter-overrides OrganizationalUnitIds=<r-xxxx>; or check the role name (--role-name), the trusted account and the external ID in the role\'s trust policy ' +
    '(IAM console > Roles > <role> > Trust relationships).'
  );
}

function regionsLine(probes: readonly AccountProbe[], requested: readonly string[] | null, homeRegion: string): DoctorLine {
  const title = 'Regions';
  const failed = probes.filter((p) => !p.regions.ok);
  const ok = probes.flatMap((p) => (p.regions.ok ? [{ accountId: p.accountId, regions: p.regions.value }] : []));
  const enabledEverywhere = intersect(ok.map((p) => p.regions.filter((r) => r.enabled).map((r) => r.region)));
  const notOptedIn = [...new Set(ok.flatMap((p) => p.regions.filter((r) => !r.enabled).map((r) => r.region)))].sort();
  const scanned = [...new Set(probes.flatMap((p) => p.scannedRegions))].sort();
  const parts = [
    `${scanned.length} region(s) to scan (${listSome(scanned, 6)})`,
    ok.length > 0 ? `${enabledEverywhere.length} enabled in every account` : null,
    notOptedIn.length > 0 ? `opt-in regions not enabled (nothing can run there, not scanned): ${listSome(notOptedIn, 6)}` : null,
  ].filter((p): p is string => p !== null);

  if (failed.length > 0) {
    const first = failed[0]?.regions;
    return {
      id: 'regions',
      title,
      status: 'FAIL',
      detail:
        `ec2:DescribeRegions failed in ${failed.length} account(s) (${listSome(failed.map((p) => p.accountId))}): ` +
        `${first && !first.ok ? describeCollectionError(first.error) : ''} The scan then covers only ${requested ? '--regions' : homeRegion} there. ${parts.join('; ')}.`,
      impact: impact({ unreadableActions: ['ec2:DescribeRegions'], note: `Regions other than ${requested ? requested.join(', ') : homeRegion} go unscanned in those accounts.` }),
      fix: 'Allow ec2:DescribeRegions to the role (it is in SecurityAudit and in ftr permissions), or pass --regions explicitly.',
    };
  }
  const missing = requested
    ? ok.flatMap((p) => requested.filter((r) => !p.regions.some((i) => i.region === r && i.enabled)).map((r) => `${r} in ${p.accountId}`))
    : [];
  if (missing.length > 0) {
    return {
      id: 'regions',
      title,
      status: 'WARN',
      detail: `--regions names regions that are not enabled in some accounts: ${listSome(missing)} (skipped there: nothing can run in them). ${parts.join('; ')}.`,
      impact: impact({ note: 'Nothing is lost: a region that is not enabled holds no resources.' }),
      fix: 'Drop those regions from --regions, or enable them: Account console > AWS Regions > Enable.',
    };
  }
  return { id: 'regions', title, status: 'OK', detail: `${parts.join('; ')}.`, impact: NO_IMPACT, fix: null };
}

function intersect(lists: readonly (readonly string[])[]): string[] {
  if (lists.length === 0) return [];
  const [first, ...rest] = lists;
  return (first ?? []).filter((r) => rest.every((l) => l.includes(r))).sort();
}

interface Denial {
  readonly action: string;
  readonly accountId: string;
  readonly region: string;
  readonly cause: DenialCause;
}

function sampleReadsLine(probes: readonly AccountProbe[], roleName: string, me: CallerIdentity): DoctorLine {
  const title = 'Sample reads (SCPs, permission boundaries)';
  const denials: Denial[] = [];
  const otherFailures: CollectionError[] = [];
  let total = 0;
  for (const probe of probes) {
    for (const r of probe.reads) {
      total += 1;
      if (r.result.ok) continue;
      if (r.result.error.kind === 'access_denied') {
        denials.push({ action: r.read.action, accountId: probe.accountId, region: r.region, cause: denialCause(r.result.error.message) });
      } else otherFailures.push(r.result.error);
    }
  }
  const accounts = probes.length;
  if (denials.length === 0 && otherFailures.length === 0) {
    return {
      id: 'sample-reads',
      title,
      status: 'OK',
      detail: `${total} sample reads in ${accounts} account(s) answered; no denial met. (A sample: the scan still records any other denied read.)`,
      impact: NO_IMPACT,
      fix: null,
    };
  }
  if (denials.length === 0) {
    const kinds = [...new Set(otherFailures.map((e) => `${e.service}:${e.operation} (${e.code})`))];
    return {
      id: 'sample-reads',
      title,
      status: 'WARN',
      detail: `No denial met, but ${otherFailures.length} of ${total} sample reads could not be checked: ${listSome(kinds, 6)}.`,
      impact: NO_IMPACT,
      fix: null,
    };
  }

  // Regions where the region sweep was denied while the home-region sample was allowed: a region restriction.
  const deniedRegions = [...new Set(denials.filter((d) => d.action === 'ec2:DescribeSecurityGroups' && d.region !== 'global').map((d) => d.region))].sort();
  const byAction = new Map<string, Denial[]>();
  for (const d of denials) byAction.set(d.action, [...(byAction.get(d.action) ?? []), d]);
  const describe = [...byAction.entries()].map(([action, list]) => {
    const accountsDenied = [...new Set(list.map((d) => d.accountId))];
    const causes = [...new Set(list.map((d) => DENIAL_CAUSE_LABEL[d.cause]))];
    const regions = [...new Set(list.map((d) => d.region))];
    const where = regions.length > 1 || regions[0] !== 'global' ? ` (${listSome(regions, 4)})` : '';
    return `${action} in ${accountsDenied.length} account(s)${where} by ${causes.join(' or ')}`;
  });
  const causes = [...new Set(denials.map((d) => d.cause))];
  const actions = [...byAction.keys()];
  // The caller's own account is read with the caller's identity, members with the member role.
  const onlyCaller = denials.every((d) => d.accountId === me.accountId);
  const principalRole = onlyCaller ? (/:assumed-role\/([^/]+)\//.exec(me.arn)?.[1] ?? roleName) : roleName;
  const fixes = causes.map((cause) => denialFix(cause, principalRole, actions));
  return {
    id: 'sample-reads',
    title,
    status: 'FAIL',
    detail: `${denials.length} of ${total} sample reads denied: ${describe.join('; ')}.`,
    impact: impact({
      unreadableActions: actions,
      deniedRegions,
      note: deniedRegions.length > 0 ? `Reads in ${listSome(deniedRegions, 6)} are denied for some accounts: every regional check there goes UNKNOWN.` : null,
    }),
    fix: fixes.join(' '),
  };
}

function supportLine(probes: readonly AccountProbe[]): DoctorLine {
  const title = 'Support API';
  const answered = probes.filter((p) => p.support.ok);
  const basic = answered.filter((p) => p.support.ok && p.support.value === null).map((p) => p.accountId);
  const failed = probes.flatMap((p) => (p.support.ok ? [] : [p.support.error]));
  const denied = failed.filter((e) => e.kind === 'access_denied');
  const plan =
    basic.length > 0
      ? ` Basic or Developer support (SubscriptionRequiredException) in ${listSome(basic)}: the support-plan check (support_business_plan_enabled) will FAIL there unless an action plan is attested.`
      : '';
  if (failed.length === 0) {
    return { id: 'support', title, status: 'OK', detail: `The Support API answers in all ${probes.length} account(s).${plan}`, impact: NO_IMPACT, fix: null };
  }
  const lost = impact({ unreadableActions: ['support:DescribeSeverityLevels'] });
  const first = failed[0];
  const detail = `support:DescribeSeverityLevels failed in ${failed.length} of ${probes.length} account(s) (${listSome(failed.map((e) => e.accountId))}): ${first ? describeCollectionError(first) : ''}${plan}`;
  if (denied.length > 0) {
    return {
      id: 'support',
      title,
      status: 'FAIL',
      detail,
      impact: lost,
      fix: 'Allow support:DescribeSeverityLevels to the role (ftr permissions), or answer the support-plan item with an attestation (ftr attest init).',
    };
  }
  return { id: 'support', title, status: 'WARN', detail, impact: lost, fix: 'Answer the support-plan item with an attestation (ftr attest init) if the Support API stays unavailable.' };
}
