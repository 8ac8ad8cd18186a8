/** Schema of the IAM slice (src/core/slices/iam.ts), policy documents included. */
import { z } from 'zod';
import { nullableIsoTime, observed, stringList } from '../primitives.js';

export const accessKeySlotSchema = z.object({
  slot: z.union([z.literal(1), z.literal(2)]),
  active: z.boolean(),
  lastRotated: nullableIsoTime,
  lastUsed: nullableIsoTime,
});

export const rootCredentialsSchema = z.object({
  arn: z.string(),
  passwordLastUsed: nullableIsoTime,
  mfaActive: z.boolean(),
  accessKeys: z.array(accessKeySlotSchema),
});

export const credentialReportUserSchema = z.object({
  user: z.string(),
  arn: z.string(),
  userCreationTime: nullableIsoTime,
  passwordEnabled: z.boolean(),
  passwordLastUsed: nullableIsoTime,
  passwordLastChanged: nullableIsoTime,
  mfaActive: z.boolean(),
  accessKeys: z.array(accessKeySlotSchema),
});

export const credentialReportSchema = z.object({
  generatedAt: nullableIsoTime,
  root: rootCredentialsSchema.nullable(),
  users: z.array(credentialReportUserSchema),
});

export const accountSummarySchema = z.object({
  accountMfaEnabled: z.boolean(),
  accountAccessKeysPresent: z.boolean(),
  // Absent in snapshots written before it was read: null, as when the answer lacks the key.
  accountPasswordPresent: z.boolean().nullable().default(null),
  accountSigningCertificatesPresent: z.boolean().nullable().default(null),
  users: z.number().nullable(),
  roles: z.number().nullable(),
});

export const passwordPolicySchema = z.object({
  minimumPasswordLength: z.number().nullable(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  expirePasswords: z.boolean(),
  maxPasswordAge: z.number().nullable(),
  passwordReusePrevention: z.number().nullable(),
  hardExpiry: z.boolean(),
});

const stringOrList = z.union([z.string(), stringList]);
const principal = z.union([z.string(), z.record(z.string(), stringOrList)]);

export const policyStatementSchema = z.object({
  Sid: z.string().exactOptional(),
  Effect: z.string(),
  Action: stringOrList.exactOptional(),
  NotAction: stringOrList.exactOptional(),
  Resource: stringOrList.exactOptional(),
  NotResource: stringOrList.exactOptional(),
  Principal: principal.exactOptional(),
  NotPrincipal: principal.exactOptional(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).exactOptional(),
});

export const policyDocumentSchema = z.object({
  Version: z.string().exactOptional(),
  Statement: z.array(policyStatementSchema),
});

export const attachedPolicyRefSchema = z.object({ name: z.string(), arn: z.string() });

export const inlinePolicySchema = z.object({ name: z.string(), document: policyDocumentSchema.nullable() });

export const iamUserSchema = z.object({
  name: z.string(),
  arn: z.string(),
  createDate: nullableIsoTime,
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
  groups: stringList,
});

export const iamGroupSchema = z.object({
  name: z.string(),
  arn: z.string(),
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
});

export const iamRoleSchema = z.object({
  name: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: nullableIsoTime,
  trustPolicy: policyDocumentSchema.nullable(),
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
  lastUsed: nullableIsoTime,
});

export const managedPolicySchema = z.object({
  name: z.string(),
  arn: z.string(),
  attachmentCount: z.number(),
  document: policyDocumentSchema.nullable(),
});

export const authorizationDetailsSchema = z.object({
  users: z.array(iamUserSchema),
  groups: z.array(iamGroupSchema),
  roles: z.array(iamRoleSchema),
  policies: z.array(managedPolicySchema),
});

export const virtualMfaDeviceSchema = z.object({ serialNumber: z.string(), userArn: z.string().nullable() });

export const iamSliceSchema = z.object({
  accountAlias: observed(z.string().nullable()).exactOptional(),
  credentialReport: observed(credentialReportSchema),
  accountSummary: observed(accountSummarySchema),
  passwordPolicy: observed(passwordPolicySchema.nullable()),
  authorizationDetails: observed(authorizationDetailsSchema),
  virtualMfaDevices: observed(z.array(virtualMfaDeviceSchema)),
  samlProviders: observed(stringList),
  oidcProviders: observed(stringList),
});
