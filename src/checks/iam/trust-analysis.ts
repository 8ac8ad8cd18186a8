/**
 * Who outside the account can assume a role, answered by simulating `sts:AssumeRole` against its trust
 * policy (policy-engine.ts) for every AWS principal the policy names, and for an arbitrary foreign
 * principal when it names `*`. The simulator says whether the call is allowed and under which conditions;
 * condition-restriction.ts says whether those conditions pin an external ID or the caller's account or
 * organization. Same-account principals, AWS services and federated identity providers are not "others".
 */
import type { IamRole, PolicyDocument } from '../../core/slices/iam.js';
import type { Snapshot } from '../../core/snapshot.js';
import { restrictionOf, type Parties } from './condition-restriction.js';
import { simulate, type SimulationRequest } from './policy-engine.js';

/** How a party that can assume the role relates to the scanned account. */
export type PartyKind = 'own-account' | 'organization' | 'maybe-organization' | 'external' | 'anyone';

export interface TrustedParty {
  /** The principal as written in the trust policy (`*`, an account id or an ARN). */
  readonly principal: string;
  /** `account 444455556666`, `organization o-abc`, `any AWS principal (*)`. */
  readonly party: string;
  readonly kind: PartyKind;
  /** The simulator found an exact, fixed sts:ExternalId required. */
  readonly externalId: boolean;
  /** Conditions that apply but do not restrict who may call (for the reviewer). */
  readonly otherConditions: readonly string[];
}

export type RoleTrust =
  | { readonly ok: true; readonly parties: readonly TrustedParty[] }
  | { readonly ok: false; readonly reason: string };

/** A foreign account for probing `Principal: "*"`: not a real customer account, never in an organization. */
export const PROBE_FOREIGN_ACCOUNT = '000000000000';
const PROBE_NAME = 'ftr-ready-probe';

/** The caller may do anything in its own account: only the trust policy decides. */
const CALLER_ALLOWS_EVERYTHING: SimulationRequest['identityPolicies'] = [
  { name: 'caller-allows-everything', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
];

const ACCOUNT_ID = /^\d{12}$/;

/** The account of an AWS principal (`123456789012`, `arn:aws:iam::123456789012:root|role/x|user/x`). */
export function principalAccount(principal: string): string | null {
  if (ACCOUNT_ID.test(principal)) return principal;
  return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? null;
}

/** The AWS principals (and `*`) named by Allow statements; services and federated providers are left out. */
function namedAwsPrincipals(policy: PolicyDocument): string[] {
  const out = new Set<string>();
  for (const statement of policy.Statement) {
    if (statement.Effect !== 'Allow') continue;
    const p = statement.Principal;
    if (p === '*') out.add('*');
    else if (p !== undefined && typeof p !== 'string') {
      const aws = p.AWS;
      for (const value of aws === undefined ? [] : typeof aws === 'string' ? [aws] : aws) out.add(value);
    }
  }
  return [...out];
}

/** The caller ARN that stands for `principal` in the simulation. */
function probeCaller(principal: string, account: string): string {
  if (/:(role|user)\//.test(principal) || principal.includes(':assumed-role/')) return principal;
  return `arn:aws:iam::${account}:role/${PROBE_NAME}`;
}

interface OrgView {
  /** true/false when known; null when the organization's account list (or the organization) is not visible. */
  readonly isMember: (accountId: string) => boolean | null;
  /** The scanned organization's id; undefined when not readable, null when not in an organization. */
  readonly organizationId: string | null | undefined;
}

export function orgView(snapshot: Snapshot): OrgView {
  const org = snapshot.organization;
  if (!org.ok) return { isMember: () => null, organizationId: undefined };
  if (org.value === null) return { isMember: () => false, organizationId: null };
  const info = org.value;
  const ids = info.accounts.ok ? new Set(info.accounts.value.map((a) => a.id)) : null;
  return {
    isMember: (id) => (id === info.managementAccountId ? true : ids === null ? null : ids.has(id)),
    organizationId: info.id,
  };
}

function classifyAccount(account: string, own: string, org: OrgView): PartyKind {
  if (account === own) return 'own-account';
  const member = org.isMember(account);
  return member === true ? 'organization' : member === null ? 'maybe-organization' : 'external';
}

function classifyOrganization(id: string, org: OrgView): PartyKind {
  if (org.organizationId === undefined) return 'maybe-organization';
  return id === org.organizationId ? 'organization' : 'external';
}

function partiesOf(parties: Parties, own: string, org: OrgView): { party: string; kind: PartyKind }[] {
  return [
    ...parties.accounts.map((a) => ({ party: `account ${a}`, kind: classifyAccount(a, own, org) })),
    ...parties.organizations.map((o) => ({ party: `organization ${o}`, kind: classifyOrganization(o, org) })),
  ];
}

/**
 * For each role (in order): the parties other than the role's own account that can assume it, or why that
 * could not be worked out (undecodable trust policy, simulator refusal). One simulator batch per call.
 */
export function analyzeRoleTrust(snapshot: Snapshot, accountId: string, roles: readonly IamRole[]): RoleTrust[] {
  const org = orgView(snapshot);
  const plans = roles.map((role) => {
    if (role.trustPolicy === null) return null;
    const candidates = namedAwsPrincipals(role.trustPolicy)
      .map((principal) => ({ principal, account: principal === '*' ? PROBE_FOREIGN_ACCOUNT : principalAccount(principal) }))
      .filter((c): c is { principal: string; account: string } => c.account !== null && c.account !== accountId);
    return { role, trustPolicy: role.trustPolicy, candidates };
  });
  const requests = plans.flatMap((plan) =>
    plan === null
      ? []
      : plan.candidates.map(
          (c): SimulationRequest => ({
            principal: probeCaller(c.principal, c.account),
            action: 'sts:AssumeRole',
            resource: plan.role.arn,
            resourceAccount: accountId,
            identityPolicies: CALLER_ALLOWS_EVERYTHING,
            resourcePolicy: plan.trustPolicy,
          }),
        ),
  );
  const answers = simulate(requests);
  let next = 0;
  return plans.map((plan): RoleTrust => {
    if (plan === null) return { ok: false, reason: 'its trust policy could not be decoded' };
    const parties: TrustedParty[] = [];
    for (const candidate of plan.candidates) {
      const answer = answers[next++];
      if (answer === undefined) return { ok: false, reason: 'the policy simulator gave no answer' };
      if (answer.decision === 'Error') return { ok: false, reason: `the policy simulator refused its trust policy (${answer.error})` };
      if (answer.decision !== 'Allowed') continue;
      const restriction = restrictionOf(answer.conditions);
      const who =
        restriction.parties !== null
          ? partiesOf(restriction.parties, accountId, org)
          : candidate.principal === '*'
            ? [{ party: 'any AWS principal (*)', kind: 'anyone' as const }]
            : [{ party: `account ${candidate.account}`, kind: classifyAccount(candidate.account, accountId, org) }];
      for (const w of who) {
        if (w.kind === 'own-account') continue;
        parties.push({ principal: candidate.principal, ...w, externalId: restriction.externalId, otherConditions: restriction.otherConditions });
      }
    }
    return { ok: true, parties };
  });
}
