/**
 * The scanner's IAM permissions, derived from what the code declares: every collector's `operations` and
 * the runner's own calls. policies/ftr-scanner-policy.json is generated from this (npm run docs:generate)
 * and a test keeps it current, so the documented policy can never drift from the code. `ftr permissions`
 * builds its CloudFormation, StackSet and Terraform outputs from the same list.
 */
import type { OperationSpec } from '../collect/collector.js';
import { GLOBAL_COLLECTORS, REGIONAL_COLLECTORS } from '../collect/services/index.js';

/** Calls made by the runner itself (identity, Organization, regions, role assumption). */
export const RUNNER_OPERATIONS: readonly OperationSpec[] = [
  { operation: 'GetCallerIdentity', iamAction: 'sts:GetCallerIdentity' },
  { operation: 'AssumeRole', iamAction: 'sts:AssumeRole' },
  { operation: 'DescribeOrganization', iamAction: 'organizations:DescribeOrganization' },
  { operation: 'ListAccounts', iamAction: 'organizations:ListAccounts' },
  { operation: 'ListOrganizationsFeatures', iamAction: 'iam:ListOrganizationsFeatures' },
  { operation: 'DescribeRegions', iamAction: 'ec2:DescribeRegions' },
  // The region signal (collect/region-signal.ts): AWS Config's inventory count decides whether resources are read.
  { operation: 'GetDiscoveredResourceCounts', iamAction: 'config:GetDiscoveredResourceCounts' },
];

/**
 * Reads `ftr doctor` makes on top of the scan's: whether trusted access for AWS Account Management is on.
 * The doctor's other probes reuse actions the scan already declares.
 */
export const DOCTOR_OPERATIONS: readonly OperationSpec[] = [
  { operation: 'ListAWSServiceAccessForOrganization', iamAction: 'organizations:ListAWSServiceAccessForOrganization' },
];

/** Read-only verbs. GenerateCredentialReport only asks IAM to build the report it then reads. */
export const READ_ONLY_ACTION = /^[a-z0-9-]+:(Get|List|Describe|BatchGet|Lookup|Search|GenerateCredentialReport$|AssumeRole$)/;

/**
 * Reads that would return secret material (or decrypt it). The verb is a read, so READ_ONLY_ACTION alone
 * would let them through; no output of `ftr permissions` may ever contain one.
 */
export const SECRET_READING_ACTIONS: readonly string[] = [
  'secretsmanager:GetSecretValue',
  'kms:Decrypt',
  's3:GetObject',
  's3:GetObjectVersion',
  'lambda:GetFunction',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ec2:GetPasswordData',
];

/** AWS managed policies attached next to the generated reads (they cover most reads and future additions). */
export const MANAGED_READ_POLICIES = [
  { name: 'SecurityAudit', path: 'SecurityAudit' },
  { name: 'ViewOnlyAccess', path: 'job-function/ViewOnlyAccess' },
] as const;

export const DEFAULT_MEMBER_ROLE_NAME = 'FtrReadOnly';

export function scannerActions(): string[] {
  const all = [
    ...RUNNER_OPERATIONS,
    ...DOCTOR_OPERATIONS,
    ...GLOBAL_COLLECTORS.flatMap((c) => c.operations),
    ...REGIONAL_COLLECTORS.flatMap((c) => c.operations),
  ];
  return [...new Set(all.map((o) => o.iamAction))].sort();
}

/** What the role in each member account needs: every read, but no further AssumeRole. */
export function memberRoleActions(): string[] {
  return scannerActions().filter((a) => a !== 'sts:AssumeRole');
}

export interface ScannerPolicyOptions {
  /** The member-account role the scanner assumes with `--org` (default FtrReadOnly). */
  readonly roleName?: string;
  /** Partition of the role ARN; `*` fits every partition. */
  readonly partition?: string;
}

/** The scanning principal's identity policy: every read plus sts:AssumeRole on the member role only. */
export function scannerPolicyDocument(options: ScannerPolicyOptions = {}): object {
  const roleName = options.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'FtrReadyReadOnly',
        Effect: 'Allow',
        Action: memberRoleActions(),
        Resource: '*',
      },
      {
        Sid: 'FtrReadyAssumeMemberRole',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:${options.partition ?? 'aws'}:iam::*:role/${roleName}`,
      },
    ],
  };
}
