/**
 * Snapshot slice for IAM (global): the credential report, account summary, password policy, the
 * authorization details (users, groups, roles, customer-managed policies), virtual MFA devices and the
 * federation providers. Only the facts checks read; never secret values (no key ids, no passwords).
 */
import type { Observed } from '../observed.js';

export interface IamSlice {
  /** iam:ListAccountAliases: the account's alias, null = none set (absent in snapshots made before it was read). */
  readonly accountAlias?: Observed<string | null>;
  /** Parsed credential report (iam:GenerateCredentialReport + iam:GetCredentialReport). */
  readonly credentialReport: Observed<CredentialReport>;
  /** iam:GetAccountSummary flags. */
  readonly accountSummary: Observed<AccountSummary>;
  /** iam:GetAccountPasswordPolicy; null = no password policy set (NoSuchEntity). */
  readonly passwordPolicy: Observed<PasswordPolicy | null>;
  /** iam:GetAccountAuthorizationDetails (User, Group, Role, LocalManagedPolicy). */
  readonly authorizationDetails: Observed<AuthorizationDetails>;
  /** iam:ListVirtualMFADevices: tells a root virtual MFA from a hardware/passkey one. */
  readonly virtualMfaDevices: Observed<readonly VirtualMfaDevice[]>;
  /** ARNs of SAML identity providers (iam:ListSAMLProviders). */
  readonly samlProviders: Observed<readonly string[]>;
  /** ARNs of OIDC identity providers (iam:ListOpenIDConnectProviders); often workload federation. */
  readonly oidcProviders: Observed<readonly string[]>;
}

export interface CredentialReport {
  /** GeneratedTime of the report (ISO), when returned. */
  readonly generatedAt: string | null;
  /** The `<root_account>` row; null when the report has none (the moto emulator never has one). */
  readonly root: RootCredentials | null;
  readonly users: readonly CredentialReportUser[];
}

/** One access key slot (1 or 2) of a credential report row. Dates are ISO strings; null = N/A / never. */
export interface AccessKeySlot {
  readonly slot: 1 | 2;
  readonly active: boolean;
  readonly lastRotated: string | null;
  readonly lastUsed: string | null;
}

export interface RootCredentials {
  readonly arn: string;
  /** Root password last used (ISO); null = never / no information. */
  readonly passwordLastUsed: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly AccessKeySlot[];
}

export interface CredentialReportUser {
  readonly user: string;
  readonly arn: string;
  readonly userCreationTime: string | null;
  /** Console password set. */
  readonly passwordEnabled: boolean;
  /** null = never used (no_information) or no password (N/A). */
  readonly passwordLastUsed: string | null;
  readonly passwordLastChanged: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly AccessKeySlot[];
}

export interface AccountSummary {
  readonly accountMfaEnabled: boolean;
  readonly accountAccessKeysPresent: boolean;
  /**
   * AccountPasswordPresent: the root user has a password. False for accounts created by AWS Organizations
   * whose root password was never recovered, and after centralized root access deleted it. null = the
   * answer had no such key (snapshots from before this field, emulators).
   */
  readonly accountPasswordPresent: boolean | null;
  /** AccountSigningCertificatesPresent (root X.509 certificates); null = not in the answer. */
  readonly accountSigningCertificatesPresent: boolean | null;
  readonly users: number | null;
  readonly roles: number | null;
}

export interface PasswordPolicy {
  readonly minimumPasswordLength: number | null;
  readonly requireSymbols: boolean;
  readonly requireNumbers: boolean;
  readonly requireUppercaseCharacters: boolean;
  readonly requireLowercaseCharacters: boolean;
  readonly allowUsersToChangePassword: boolean;
  readonly expirePasswords: boolean;
  /** Days; null = passwords never expire. */
  readonly maxPasswordAge: number | null;
  /** Number of previous passwords remembered; null = not set. */
  readonly passwordReusePrevention: number | null;
  readonly hardExpiry: boolean;
}

/** A decoded IAM policy document; `Statement` is always an array (a single object is wrapped). */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: readonly PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Principal?: string | Readonly<Record<string, string | readonly string[]>>;
  readonly NotPrincipal?: string | Readonly<Record<string, string | readonly string[]>>;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface AttachedPolicyRef {
  readonly name: string;
  readonly arn: string;
}

export interface InlinePolicy {
  readonly name: string;
  /** null when the document could not be decoded. */
  readonly document: PolicyDocument | null;
}

export interface IamUser {
  readonly name: string;
  readonly arn: string;
  readonly createDate: string | null;
  readonly attachedPolicies: readonly AttachedPolicyRef[];
  readonly inlinePolicies: readonly InlinePolicy[];
  /** Group names. */
  readonly groups: readonly string[];
}

export interface IamGroup {
  readonly name: string;
  readonly arn: string;
  readonly attachedPolicies: readonly AttachedPolicyRef[];
  readonly inlinePolicies: readonly InlinePolicy[];
}

export interface IamRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string | null;
  /** The decoded trust policy; null when it could not be decoded. */
  readonly trustPolicy: PolicyDocument | null;
  readonly attachedPolicies: readonly AttachedPolicyRef[];
  readonly inlinePolicies: readonly InlinePolicy[];
  /** RoleLastUsed.LastUsedDate (ISO); null = not used in the tracking period. */
  readonly lastUsed: string | null;
}

export interface ManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly attachmentCount: number;
  /** The default version's decoded document; null when missing or undecodable. */
  readonly document: PolicyDocument | null;
}

export interface AuthorizationDetails {
  readonly users: readonly IamUser[];
  readonly groups: readonly IamGroup[];
  readonly roles: readonly IamRole[];
  /** Customer-managed policies only (AWS managed ones are referenced by ARN in attachments). */
  readonly policies: readonly ManagedPolicy[];
}

export interface VirtualMfaDevice {
  readonly serialNumber: string;
  /** ARN of the user the device is assigned to (`arn:aws:iam::<id>:root` for root); null = unassigned. */
  readonly userArn: string | null;
}
