/**
 * IAM collector (global). One credential report serves the root, user, MFA and key checks; the
 * authorization details give users, groups, roles (trust policies, last use) and customer-managed
 * policies in one paginated read instead of per-entity calls.
 */
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type AttachedPolicy,
  type GetAccountAuthorizationDetailsCommandOutput,
  type PolicyDetail,
} from '@aws-sdk/client-iam';
import { collectPages, defineGlobalCollector, type CollectorContext, type GlobalCollector } from '../../collector.js';
import type {
  AttachedPolicyRef,
  AuthorizationDetails,
  IamSlice,
  InlinePolicy,
  PasswordPolicy,
} from '../../../core/slices/iam.js';
import { credentialReportText, parseCredentialReport } from './credential-report.js';
import { decodePolicyDocument } from './policy-document.js';
import { ACCOUNT_ALIAS_OPERATION, readAccountAlias } from './account-alias.js';

export interface IamCollectorOptions {
  /** GenerateCredentialReport attempts before giving up (the report is asynchronous). */
  readonly maxReportPolls?: number;
  /** Delay before poll `attempt` (1-based), in ms. */
  readonly pollDelayMs?: (attempt: number) => number;
}

const DEFAULT_POLLS = 20;
const defaultDelay = (attempt: number): number => Math.min(2_000, 100 * 2 ** (attempt - 1));

function reportNotReady(polls: number): Error {
  const err = new Error(`The credential report was not COMPLETE after ${polls} polls.`);
  err.name = 'ReportNotReady';
  return err;
}

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

function attached(list: readonly AttachedPolicy[] | undefined): AttachedPolicyRef[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
}

function inline(list: readonly PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: decodePolicyDocument(p.PolicyDocument) }));
}

function toAuthorizationDetails(pages: readonly GetAccountAuthorizationDetailsCommandOutput[]): AuthorizationDetails {
  const users = pages.flatMap((p) => p.UserDetailList ?? []);
  const groups = pages.flatMap((p) => p.GroupDetailList ?? []);
  const roles = pages.flatMap((p) => p.RoleDetailList ?? []);
  const policies = pages.flatMap((p) => p.Policies ?? []);
  return {
    users: users.map((u) => ({
      name: u.UserName ?? '',
      arn: u.Arn ?? '',
      createDate: iso(u.CreateDate),
      attachedPolicies: attached(u.AttachedManagedPolicies),
      inlinePolicies: inline(u.UserPolicyList),
      groups: u.GroupList ?? [],
    })),
    groups: groups.map((g) => ({
      name: g.GroupName ?? '',
      arn: g.Arn ?? '',
      attachedPolicies: attached(g.AttachedManagedPolicies),
      inlinePolicies: inline(g.GroupPolicyList),
    })),
    roles: roles.map((r) => ({
      name: r.RoleName ?? '',
      arn: r.Arn ?? '',
      path: r.Path ?? '/',
      createDate: iso(r.CreateDate),
      trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
      attachedPolicies: attached(r.AttachedManagedPolicies),
      inlinePolicies: inline(r.RolePolicyList),
      lastUsed: iso(r.RoleLastUsed?.LastUsedDate),
    })),
    policies: policies
      .filter((p) => !(p.Arn ?? '').includes(':aws:policy/'))
      .map((p) => {
        const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.[0];
        return {
          name: p.PolicyName ?? p.Arn?.split('/').pop() ?? '',
          arn: p.Arn ?? '',
          attachmentCount: p.AttachmentCount ?? 0,
          document: decodePolicyDocument(version?.Document),
        };
      }),
  };
}

/** Builds the collector; options exist so tests can poll without waiting. */
export function createIamCollector(options: IamCollectorOptions = {}): GlobalCollector<'iam'> {
  const maxPolls = options.maxReportPolls ?? DEFAULT_POLLS;
  const delay = options.pollDelayMs ?? defaultDelay;

  async function generateReport(ctx: CollectorContext, client: IAMClient): Promise<string> {
    for (let attempt = 1; attempt <= maxPolls; attempt++) {
      const out = await client.send(new GenerateCredentialReportCommand({}), { abortSignal: ctx.signal });
      if (out.State === 'COMPLETE') return out.State;
      // ctx.pause: the wait holds no task slot of the scan.
      if (attempt < maxPolls) await ctx.pause(delay(attempt));
    }
    throw reportNotReady(maxPolls);
  }

  return defineGlobalCollector({
    service: 'iam',
    scope: 'global',
    operations: [
      { operation: 'GenerateCredentialReport', iamAction: 'iam:GenerateCredentialReport' },
      {
        operation: 'GetCredentialReport',
        iamAction: 'iam:GetCredentialReport',
      },
      { operation: 'GetAccountSummary', iamAction: 'iam:GetAccountSummary' },
      { operation: 'GetAccountPasswordPolicy', iamAction: 'iam:GetAccountPasswordPolicy', notFoundCodes: ['NoSuchEntity', 'NoSuchEntityException'] },
      { operation: 'GetAccountAuthorizationDetails', iamAction: 'iam:GetAccountAuthorizationDetails' },
      { operation: 'ListVirtualMFADevices', iamAction: 'iam:ListVirtualMFADevices' },
      { operation: 'ListSAMLProviders', iamAction: 'iam:ListSAMLProviders' },
      { operation: 'ListOpenIDConnectProviders', iamAction: 'iam:ListOpenIDConnectProviders' },
      ACCOUNT_ALIAS_OPERATION,
    ],
    async collect(ctx): Promise<IamSlice> {
      const client = ctx.client(IAMClient);

      // A failed generation is recorded, but an earlier report may still be readable.
      await ctx.call('iam', 'GenerateCredentialReport', () => generateReport(ctx, client));
      const credentialReport = await ctx.call('iam', 'GetCredentialReport', async () => {
        const out = await client.send(new GetCredentialReportCommand({}), { abortSignal: ctx.signal });
        return parseCredentialReport(credentialReportText(out.Content), iso(out.GeneratedTime));
      });

      const accountSummary = await ctx.call('iam', 'GetAccountSummary', async () => {
        const map = (await client.send(new GetAccountSummaryCommand({}), { abortSignal: ctx.signal })).SummaryMap ?? {};
        return {
          accountMfaEnabled: (map.AccountMFAEnabled ?? 0) > 0,
          accountAccessKeysPresent: (map.AccountAccessKeysPresent ?? 0) > 0,
          // Newer keys: absent from older endpoints and emulators, so "not in the answer" stays null.
          accountPasswordPresent: map.AccountPasswordPresent === undefined ? null : map.AccountPasswordPresent > 0,
          accountSigningCertificatesPresent: map.AccountSigningCertificatesPresent === undefined ? null : map.AccountSigningCertificatesPresent > 0,
          users: map.Users ?? null,
          roles: map.Roles ?? null,
        };
      });

      const passwordPolicy = await ctx.call(
        'iam',
        'GetAccountPasswordPolicy',
        async (): Promise<PasswordPolicy> => {
          const p = (await client.send(new GetAccountPasswordPolicyCommand({}), { abortSignal: ctx.signal })).PasswordPolicy ?? {};
          return {
            minimumPasswordLength: p.MinimumPasswordLength ?? null,
            requireSymbols: p.RequireSymbols ?? false,
            requireNumbers: p.RequireNumbers ?? false,
            requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
            requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
            allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
            expirePasswords: p.ExpirePasswords ?? false,
            maxPasswordAge: p.MaxPasswordAge ?? null,
            passwordReusePrevention: p.PasswordReusePrevention ?? null,
            hardExpiry: p.HardExpiry ?? false,
          };
        },
        { notFoundCodes: ['NoSuchEntity', 'NoSuchEntityException'] },
      );

      const authorizationDetails = await ctx.call('iam', 'GetAccountAuthorizationDetails', async () => {
        const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
        const paginator = paginateGetAccountAuthorizationDetails(
          { client },
          { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
        );
        for await (const page of paginator) pages.push(page);
        return toAuthorizationDetails(pages);
      });

      const virtualMfaDevices = await ctx.call('iam', 'ListVirtualMFADevices', async () => {
        const devices = await collectPages(paginateListVirtualMFADevices({ client }, {}), (p) => p.VirtualMFADevices);
        return devices.map((d) => ({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn ?? null }));
      });

      const samlProviders = await ctx.call('iam', 'ListSAMLProviders', async () => {
        const out = await client.send(new ListSAMLProvidersCommand({}), { abortSignal: ctx.signal });
        return (out.SAMLProviderList ?? []).map((p) => p.Arn ?? '');
      });

      const oidcProviders = await ctx.call('iam', 'ListOpenIDConnectProviders', async () => {
        const out = await client.send(new ListOpenIDConnectProvidersCommand({}), { abortSignal: ctx.signal });
        return (out.OpenIDConnectProviderList ?? []).map((p) => p.Arn ?? '');
      });

      const accountAlias = await readAccountAlias(ctx, client);

      return {
        accountAlias,
        credentialReport,
        accountSummary,
        passwordPolicy,
        authorizationDetails,
        virtualMfaDevices,
        samlProviders,
        oidcProviders,
      };
    },
  });
}

export const iamCollector = createIamCollector();
