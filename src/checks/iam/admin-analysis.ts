/**
 * "Is this policy (or this principal, through all its policies) effectively an administrator?", answered
 * by the policy simulator (policy-engine.ts) instead of looking for the literal `"Action": "*"`.
 *
 * A policy set is admin-equivalent when it allows every probe below: high-impact actions across services,
 * each on an arbitrary resource that no policy would name. `NotAction`, `NotResource`, wildcards such as
 * `*:*` or `iam:*` + `s3:*` + ..., and conditions (Discovery mode: a condition does not deny, it is
 * reported) are all handled by the simulator. It is "can escalate" when it allows an IAM action that lets
 * a principal grant itself more (attach or write a policy) on any role or user, without being admin.
 * The probe list is ours: docs/decisions/0005 says why and what it cannot see.
 */
import type { AttachedPolicyRef, AuthorizationDetails, IamGroup, IamRole, IamUser, PolicyDocument } from '../../core/slices/iam.js';
import { simulate, type AllowedConditionExpression, type SimulationRequest } from './policy-engine.js';

export const ADMINISTRATOR_ACCESS_ARN_SUFFIX = ':iam::aws:policy/AdministratorAccess';

/** The AWS managed AdministratorAccess policy's document (the only AWS managed policy the snapshot does not hold but we know). */
const ADMINISTRATOR_ACCESS: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const PROBE = 'ftr-ready-probe';
const REGION = 'us-east-1';

/** Actions an administrator has and a scoped policy rarely does, each on a resource nobody names. */
function adminProbes(account: string): { action: string; resource: string }[] {
  return [
    { action: 'iam:AttachRolePolicy', resource: `arn:aws:iam::${account}:role/${PROBE}` },
    { action: 'iam:PutUserPolicy', resource: `arn:aws:iam::${account}:user/${PROBE}` },
    { action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${account}:policy/${PROBE}` },
    { action: 'organizations:LeaveOrganization', resource: '*' },
    { action: 's3:GetObject', resource: `arn:aws:s3:::${PROBE}-bucket/${PROBE}` },
    { action: 's3:PutBucketPolicy', resource: `arn:aws:s3:::${PROBE}-bucket` },
    { action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:${REGION}:${account}:instance/i-0123456789abcdef0` },
    { action: 'ec2:DescribeInstances', resource: '*' },
    { action: 'kms:CreateKey', resource: '*' },
    { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:${REGION}:${account}:secret:${PROBE}-AbCdEf` },
    { action: 'cloudtrail:StopLogging', resource: `arn:aws:cloudtrail:${REGION}:${account}:trail/${PROBE}` },
    { action: 'lambda:UpdateFunctionCode', resource: `arn:aws:lambda:${REGION}:${account}:function:${PROBE}` },
    { action: 'dynamodb:DeleteTable', resource: `arn:aws:dynamodb:${REGION}:${account}:table/${PROBE}` },
    { action: 'rds:DeleteDBInstance', resource: `arn:aws:rds:${REGION}:${account}:db:${PROBE}` },
  ];
}

/** IAM actions that let a principal give itself any permission. */
const ESCALATION_ACTIONS = new Set(['iam:AttachRolePolicy', 'iam:PutUserPolicy', 'iam:CreatePolicyVersion']);

export interface NamedPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

/** The identity policies of a principal: readable documents, and the names of those we cannot read. */
export interface PolicySet {
  readonly principalArn: string;
  readonly policies: readonly NamedPolicy[];
  /** AWS managed policies other than AdministratorAccess, and undecodable documents: not evaluated. */
  readonly unreadable: readonly string[];
}

/** `unknown`: the simulator refused a document (its grammar), so nothing is concluded. */
export type AdminLevel = 'admin' | 'can-escalate' | 'scoped' | 'unknown';

export interface AdminVerdict {
  readonly level: AdminLevel;
  /** Probes the policies allow, and those they do not. */
  readonly allowed: readonly string[];
  readonly notAllowed: readonly string[];
  /** Conditions the simulator found on allowed probes (they restrict when, not what). */
  readonly conditions: readonly AllowedConditionExpression[];
  /** Simulator refusals (invalid policy grammar), as `action: message`. */
  readonly errors: readonly string[];
}

function attachedDocuments(details: AuthorizationDetails, refs: readonly AttachedPolicyRef[]): { policies: NamedPolicy[]; unreadable: string[] } {
  const policies: NamedPolicy[] = [];
  const unreadable: string[] = [];
  for (const ref of refs) {
    if (ref.arn.endsWith(ADMINISTRATOR_ACCESS_ARN_SUFFIX)) {
      policies.push({ name: ref.name, document: ADMINISTRATOR_ACCESS });
      continue;
    }
    const managed = details.policies.find((p) => p.arn === ref.arn);
    if (managed?.document) policies.push({ name: ref.name, document: managed.document });
    else unreadable.push(ref.name);
  }
  return { policies, unreadable };
}

function ownPolicies(
  details: AuthorizationDetails,
  owner: { readonly attachedPolicies: readonly AttachedPolicyRef[]; readonly inlinePolicies: IamUser['inlinePolicies'] },
): { policies: NamedPolicy[]; unreadable: string[] } {
  const attached = attachedDocuments(details, owner.attachedPolicies);
  const inline = owner.inlinePolicies.flatMap((p) => (p.document ? [{ name: p.name, document: p.document }] : []));
  const undecodable = owner.inlinePolicies.filter((p) => p.document === null).map((p) => p.name);
  return { policies: [...attached.policies, ...inline], unreadable: [...attached.unreadable, ...undecodable] };
}

export function rolePolicySet(details: AuthorizationDetails, role: IamRole): PolicySet {
  return { principalArn: role.arn, ...ownPolicies(details, role) };
}

export function groupPolicySet(details: AuthorizationDetails, group: IamGroup, account: string): PolicySet {
  return { principalArn: `arn:aws:iam::${account}:user/${PROBE}`, ...ownPolicies(details, group) };
}

/** A user's own policies plus those of every group it belongs to. */
export function userPolicySet(details: AuthorizationDetails, user: IamUser): PolicySet {
  const own = ownPolicies(details, user);
  const groups = details.groups.filter((g) => user.groups.includes(g.name)).map((g) => ownPolicies(details, g));
  return {
    principalArn: user.arn,
    policies: [...own.policies, ...groups.flatMap((g) => g.policies)],
    unreadable: [...own.unreadable, ...groups.flatMap((g) => g.unreadable)],
  };
}

/** One policy document on its own, as if attached to a probe user of the account. */
export function documentPolicySet(name: string, document: PolicyDocument, account: string): PolicySet {
  return { principalArn: `arn:aws:iam::${account}:user/${PROBE}`, policies: [{ name, document }], unreadable: [] };
}

/** Admin verdicts for many policy sets of one account, in one simulator batch. */
export function adminVerdicts(account: string, sets: readonly PolicySet[]): AdminVerdict[] {
  const probes = adminProbes(account);
  const requests = sets.flatMap((set) =>
    probes.map(
      (probe): SimulationRequest => ({
        principal: set.principalArn,
        action: probe.action,
        resource: probe.resource,
        resourceAccount: account,
        identityPolicies: set.policies,
      }),
    ),
  );
  const answers = simulate(requests.filter((_r, i) => (sets[Math.floor(i / probes.length)]?.policies.length ?? 0) > 0));
  let next = 0;
  return sets.map((set) => {
    const allowed: string[] = [];
    const notAllowed: string[] = [];
    const conditions: AllowedConditionExpression[] = [];
    const errors: string[] = [];
    for (const probe of probes) {
      const answer = set.policies.length > 0 ? answers[next++] : undefined;
      if (answer === undefined) notAllowed.push(probe.action);
      else if (answer.decision === 'Error') errors.push(`${probe.action}: ${answer.error}`);
      else if (answer.decision === 'Allowed') {
        allowed.push(probe.action);
        if (answer.conditions !== null) conditions.push(answer.conditions);
      } else notAllowed.push(probe.action);
    }
    const level: AdminLevel =
      errors.length > 0
        ? 'unknown'
        : notAllowed.length === 0
          ? 'admin'
          : allowed.some((a) => ESCALATION_ACTIONS.has(a))
            ? 'can-escalate'
            : 'scoped';
    return { level, allowed, notAllowed, conditions, errors };
  });
}
