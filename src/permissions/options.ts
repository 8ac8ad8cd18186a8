/**
 * What `ftr permissions` needs to know, validated with AWS's own constraints so a template never fails at
 * deploy time for a value we could have refused here.
 */
import { UserError } from '../core/errors.js';
import { DEFAULT_MEMBER_ROLE_NAME } from './scanner-policy.js';

export const PERMISSIONS_FORMATS = ['iam-policy', 'cloudformation', 'stackset', 'terraform'] as const;
export type PermissionsFormat = (typeof PERMISSIONS_FORMATS)[number];

/** The scanner role in the management account created by the `stackset` output. */
export const DEFAULT_SCANNER_ROLE_NAME = 'FtrScanner';

/**
 * Longest session the roles allow. A large Organization scan can run for hours; the scanner re-assumes member
 * roles before they expire, but the session it starts from (e.g. a profile assuming FtrScanner) must last.
 */
export const MAX_SESSION_SECONDS = 4 * 3600;

export interface PermissionsOptions {
  readonly roleName: string;
  /** The account the scanner runs in (management account or delegated administrator); null: a parameter. */
  readonly trustedAccountId: string | null;
  /** sts:ExternalId the member role requires; null: a parameter the deployer must fill in. */
  readonly externalId: string | null;
}

// AWS constraints: IAM role names, sts:ExternalId (AssumeRole API reference), 12-digit account ids.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const ACCOUNT_ID = /^\d{12}$/;

export const ROLE_NAME_PATTERN = ROLE_NAME.source;
export const EXTERNAL_ID_PATTERN = EXTERNAL_ID.source;
export const ACCOUNT_ID_PATTERN = ACCOUNT_ID.source;

export function parsePermissionsFormat(value: string): PermissionsFormat {
  const format = value.trim().toLowerCase();
  if ((PERMISSIONS_FORMATS as readonly string[]).includes(format)) return format as PermissionsFormat;
  throw new UserError(`Unknown permissions format "${value}". Use one of: ${PERMISSIONS_FORMATS.join(', ')}.`);
}

export function validatePermissionsOptions(input: {
  roleName?: string | undefined;
  trustedAccountId?: string | undefined;
  externalId?: string | undefined;
}): PermissionsOptions {
  const roleName = input.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
  if (!ROLE_NAME.test(roleName)) {
    throw new UserError('--role-name must be 1 to 64 characters of letters, digits and +=,.@_- (an IAM role name).');
  }
  const trusted = input.trustedAccountId?.trim();
  if (trusted !== undefined && !ACCOUNT_ID.test(trusted)) {
    throw new UserError('--trusted-account must be a 12-digit AWS account id (the account ftr scan runs in).');
  }
  const externalId = input.externalId;
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    // The value itself is not echoed: it is a shared secret between the two accounts.
    throw new UserError('--external-id must be 2 to 1224 characters of letters, digits and +=,.@:/_- (the sts:ExternalId rules).');
  }
  return { roleName, trustedAccountId: trusted ?? null, externalId: externalId ?? null };
}
