import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { createIamCollector } from './iam.collector.js';
import { decodePolicyDocument } from './policy-document.js';
import { credentialReportText, parseCredentialReport } from './credential-report.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT =
  '<root_account>,arn:aws:iam::111111111111:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ALICE =
  'alice,arn:aws:iam::111111111111:user/alice,2024-01-01T00:00:00+00:00,true,2026-10-30T00:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,true,2025-01-01T00:00:00+00:00,2026-10-29T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const CSV = [HEADER, ROOT, ALICE].join('\n');

const TRUST = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
  }),
);
const ADMIN_DOC = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));

const iam = mockClient(IAMClient);
const collector = createIamCollector({ pollDelayMs: () => 0 });

function happyPath(): void {
  iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolves({ State: 'COMPLETE' });
  iam.on(GetCredentialReportCommand).resolves({
    Content: new TextEncoder().encode(CSV),
    GeneratedTime: new Date('2026-11-01T09:00:00Z'),
    ReportFormat: 'text/csv',
  });
  iam.on(GetAccountSummaryCommand).resolves({
    SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountPasswordPresent: 1, AccountSigningCertificatesPresent: 0, Users: 1 },
  });
  iam.on(GetAccountPasswordPolicyCommand).resolves({
    PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 },
  });
  iam
    .on(GetAccountAuthorizationDetailsCommand)
    .resolvesOnce({
      IsTruncated: true,
      Marker: 'm1',
      UserDetailList: [
        {
          UserName: 'alice',
          Arn: 'arn:aws:iam::111111111111:user/alice',
          CreateDate: new Date('2024-01-01T00:00:00Z'),
          GroupList: ['devs'],
          AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
          UserPolicyList: [{ PolicyName: 'inline-admin', PolicyDocument: ADMIN_DOC }],
        },
      ],
    })
    .resolves({
      IsTruncated: false,
      GroupDetailList: [{ GroupName: 'devs', Arn: 'arn:aws:iam::111111111111:group/devs' }],
      RoleDetailList: [
        {
          RoleName: 'vendor',
          Arn: 'arn:aws:iam::111111111111:role/vendor',
          Path: '/',
          AssumeRolePolicyDocument: TRUST,
          RoleLastUsed: { LastUsedDate: new Date('2026-10-01T00:00:00Z'), Region: 'eu-west-1' },
        },
      ],
      Policies: [
        {
          PolicyName: 'everything',
          Arn: 'arn:aws:iam::111111111111:policy/everything',
          AttachmentCount: 2,
          PolicyVersionList: [
            { VersionId: 'v1', IsDefaultVersion: false, Document: encodeURIComponent('{"Statement":[]}') },
            { VersionId: 'v2', IsDefaultVersion: true, Document: ADMIN_DOC },
          ],
        },
      ],
    });
  iam.on(ListVirtualMFADevicesCommand).resolves({
    VirtualMFADevices: [
      { SerialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device', User: { Arn: 'arn:aws:iam::111111111111:root', UserName: '', UserId: '', Path: '/', CreateDate: new Date() } },
    ],
  });
  iam.on(ListSAMLProvidersCommand).resolves({ SAMLProviderList: [{ Arn: 'arn:aws:iam::111111111111:saml-provider/Okta' }] });
  iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
}

describe('iam collector', () => {
  beforeEach(() => iam.reset());
  afterEach(() => iam.reset());

  it('collects every field on the happy path (report polled until COMPLETE)', async () => {
    happyPath();
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);

    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(slice.credentialReport).toEqual({
      ok: true,
      value: {
        generatedAt: '2026-11-01T09:00:00.000Z',
        root: {
          arn: 'arn:aws:iam::111111111111:root',
          passwordLastUsed: '2026-10-01T08:00:00.000Z',
          mfaActive: true,
          accessKeys: [
            { slot: 1, active: false, lastRotated: null, lastUsed: null },
            { slot: 2, active: false, lastRotated: null, lastUsed: null },
          ],
        },
        users: [
          {
            user: 'alice',
            arn: 'arn:aws:iam::111111111111:user/alice',
            userCreationTime: '2024-01-01T00:00:00.000Z',
            passwordEnabled: true,
            passwordLastUsed: '2026-10-30T00:00:00.000Z',
            passwordLastChanged: '2024-01-01T00:00:00.000Z',
            mfaActive: false,
            accessKeys: [
              { slot: 1, active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: '2026-10-29T00:00:00.000Z' },
              { slot: 2, active: false, lastRotated: null, lastUsed: null },
            ],
          },
        ],
      },
    });
    expect(slice.accountSummary).toEqual({
      ok: true,
      value: { accountMfaEnabled: true, accountAccessKeysPresent: false, accountPasswordPresent: true, accountSigningCertificatesPresent: false, users: 1, roles: null },
    });
    expect(slice.passwordPolicy.ok && slice.passwordPolicy.value).toMatchObject({
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: false,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
    });
    expect(slice.authorizationDetails.ok).toBe(true);
    if (!slice.authorizationDetails.ok) return;
    const details = slice.authorizationDetails.value;
    expect(details.users[0]).toMatchObject({
      name: 'alice',
      groups: ['devs'],
      attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      inlinePolicies: [{ name: 'inline-admin', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
    });
    expect(details.groups.map((g) => g.name)).toEqual(['devs']);
    expect(details.roles[0]).toMatchObject({
      name: 'vendor',
      lastUsed: '2026-10-01T00:00:00.000Z',
      trustPolicy: { Statement: [{ Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }] },
    });
    expect(details.policies).toEqual([
      {
        name: 'everything',
        arn: 'arn:aws:iam::111111111111:policy/everything',
        attachmentCount: 2,
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
    ]);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)[0]?.args[0].input).toMatchObject({
      Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'],
    });
    expect(slice.virtualMfaDevices).toEqual({
      ok: true,
      value: [{ serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device', userArn: 'arn:aws:iam::111111111111:root' }],
    });
    expect(slice.samlProviders).toEqual({ ok: true, value: ['arn:aws:iam::111111111111:saml-provider/Okta'] });
    expect(slice.oidcProviders).toEqual({ ok: true, value: [] });
  });

  it('keeps root-credential flags it was not given as null (older endpoints, emulators)', async () => {
    happyPath();
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, Users: 0 } });
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.accountSummary).toMatchObject({ ok: true, value: { accountPasswordPresent: null, accountSigningCertificatesPresent: null } });
  });

  it('keeps collecting after AccessDenied on one operation', async () => {
    happyPath();
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 'not allowed', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.authorizationDetails).toMatchObject({
      ok: false,
      error: { kind: 'access_denied', service: 'iam', operation: 'GetAccountAuthorizationDetails', code: 'AccessDenied' },
    });
    expect(slice.credentialReport.ok).toBe(true);
    expect(slice.samlProviders.ok).toBe(true);
    expect(recorder.operations().find((o) => o.operation === 'GetAccountAuthorizationDetails')).toMatchObject({
      outcome: 'access_denied',
    });
  });

  it('maps NoSuchEntity on the password policy to null (no policy)', async () => {
    happyPath();
    iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 'The Password Policy with domain name 111111111111 cannot be found.', 404));
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.passwordPolicy).toEqual({ ok: true, value: null });
  });

  it('turns an unsupported-API answer into an error value', async () => {
    happyPath();
    iam.on(ListOpenIDConnectProvidersCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.oidcProviders).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
  });

  it('gives up polling after the bounded number of attempts but still reads an existing report', async () => {
    happyPath();
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const { ctx } = testCollectorContext();
    const slice = await createIamCollector({ maxReportPolls: 3, pollDelayMs: () => 0 }).collect(ctx);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(slice.credentialReport.ok).toBe(true);
  });

  it('records a missing report as an error when generation is denied', async () => {
    happyPath();
    iam.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 'denied', 403));
    iam.on(GetCredentialReportCommand).rejects(awsError('ReportNotPresent', 'no report', 410));
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.credentialReport).toMatchObject({ ok: false, error: { code: 'ReportNotPresent' } });
    expect(slice.accountSummary.ok).toBe(true);
  });

  it('stops polling when the scan is aborted', async () => {
    happyPath();
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const { ctx, abort } = testCollectorContext();
    const slow = createIamCollector({ pollDelayMs: () => 60_000 });
    const pending = slow.collect(ctx);
    abort.abort('interrupted');
    const slice = await pending;
    expect(slice.credentialReport).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });
});

describe('credential report parsing', () => {
  it('reads a report without a root row (moto) and base64 text', () => {
    const csv = [HEADER, ALICE].join('\n');
    const report = parseCredentialReport(credentialReportText(Buffer.from(csv).toString('base64')), null);
    expect(report.root).toBeNull();
    expect(report.users.map((u) => u.user)).toEqual(['alice']);
  });

  it('treats N/A and no_information as no date', () => {
    const row = ALICE.replace('2026-10-30T00:00:00+00:00', 'no_information');
    const report = parseCredentialReport([HEADER, row].join('\n'), null);
    expect(report.users[0]?.passwordLastUsed).toBeNull();
  });
});

describe('policy document decoding', () => {
  it.each([
    ['url-encoded', ADMIN_DOC],
    ['plain JSON', decodeURIComponent(ADMIN_DOC)],
    ['already decoded', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }],
  ])('decodes %s documents', (_label, raw) => {
    expect(decodePolicyDocument(raw)?.Statement).toEqual([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  });

  it('returns null for garbage', () => {
    expect(decodePolicyDocument('%E0%A4%A')).toBeNull();
    expect(decodePolicyDocument(undefined)).toBeNull();
  });
});
