/**
 * The scanner's IAM permissions, derived from what the code declares: every collector's `operations` and
 * the runner's own calls. policies/ftr-scanner-policy.json is generated from this (npm run docs:generate)
 * and a test keeps it current, so the documented policy can never drift from the code.
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
];

/** Read-only verbs. GenerateCredentialReport only asks IAM to build the report it then reads. */
export const READ_ONLY_ACTION = /^[a-z0-9-]+:(Get|List|Describe|BatchGet|Lookup|Search|GenerateCredentialReport$|AssumeRole$)/;

export function scannerActions(): string[] {
  const all = [...RUNNER_OPERATIONS, ...GLOBAL_COLLECTORS.flatMap((c) => c.operations), ...REGIONAL_COLLECTORS.flatMap((c) => c.operations)];
  return [...new Set(all.map((o) => o.iamAction))].sort();
}

export function scannerPolicyDocument(): object {
  const actions = scannerActions();
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'FtrReadyReadOnly',
        Effect: 'Allow',
        Action: actions.filter((a) => a !== 'sts:AssumeRole'),
        Resource: '*',
      },
      {
        Sid: 'FtrReadyAssumeMemberRole',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: 'arn:aws:iam::*:role/FtrReadOnly',
      },
    ],
  };
}
