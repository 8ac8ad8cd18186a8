/** FTR IAM-001..012 and the competency's identity items 1.3-1.5, 1.7-1.12. */
import { observed } from '../../../src/core/observed.js';
import type { Instance } from '../../../src/core/slices/ec2.js';
import { anIamGroup, anIamUser, withKey } from '../../helpers/identity-fixtures.js';
import { anInstance } from '../../helpers/network-fixtures.js';
import { deny, deniedRead, regional, snapshotWith } from '../mutations.js';
import { COMP, FTR, type Scenario } from '../scenario.js';
import { consoleUser, customerPolicy, detailsWith, ec2, iam, iamDenied, organization, trustedRole, withPolicies, withRoles, withUsers } from '../fixtures.js';
import { THIRD_PARTY, WORKLOAD } from '../well-run-account.js';
import { standard } from './standard.js';

const reportDenied = iamDenied('credentialReport', 'GetCredentialReport');
const detailsDenied = iamDenied('authorizationDetails', 'GetAccountAuthorizationDetails');
/** No IAM Identity Center roles and no SAML provider: people would sign in as IAM users. */
const noFederation = [iam((s) => ({ ...s, samlProviders: observed([]) })), detailsWith((d) => ({ ...d, roles: d.roles.filter((r) => !r.name.startsWith('AWSReservedSSO_')) }))];
const aliceWithMfa = withUsers([consoleUser('alice')]);
const aliceWithoutMfa = withUsers([consoleUser('alice', { mfaActive: false })]);
const staleKey = withUsers([{ ...consoleUser('build-bot', { passwordEnabled: false, passwordLastUsed: null, mfaActive: false }), ...withKey(200, 1) }]);
const idleOldKey = withUsers([{ ...consoleUser('reporting-bot', { passwordEnabled: false, passwordLastUsed: null, mfaActive: false }), ...withKey(80, 60) }]);
const sharedAdminLogin = withUsers([consoleUser('admin')]);
const noGuardDuty = regional('guardduty', (g) => ({ ...g, detectors: observed([]) }));
const adminPolicy = (statement: Record<string, unknown>) =>
  customerPolicy('ops-admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...('NotResource' in statement ? {} : { Resource: '*' }), ...statement }] as never });
const roleWithPolicy = (name: string) =>
  detailsWith((d) => ({ ...d, roles: [...d.roles, { ...trustedRole(name, { Principal: { AWS: 'arn:aws:iam::111111111111:root' } }, []), attachedPolicies: [{ name: 'ops-admin', arn: 'arn:aws:iam::111111111111:policy/ops-admin' }] }] }));
const instanceWithoutRole = (overrides: Partial<Instance> = {}) =>
  ec2((s) => ({ ...s, instances: observed([...(s.instances.ok ? s.instances.value : []), anInstance({ instanceId: 'i-0appliance', name: 'vpn-appliance', iamInstanceProfileArn: null, subnetId: 'subnet-app-a', ...overrides })]) }));
const userDataWithKeys = { userData: observed({ bytes: 900, gzip: false, secretFindings: [{ location: 'userData:line 4', kind: 'aws-access-key-id' as const, hint: 'AKIA…' }] }) };

export const scenarios: Scenario[] = [
  ...standard(FTR, 'IAM-001'),
  { framework: FTR, item: 'IAM-001', kind: 'not-met', name: 'an IAM console user without MFA', mutations: [aliceWithoutMfa], reason: 'iam_user_mfa_enabled_console_access' },
  { framework: FTR, item: 'IAM-001', kind: 'unknown', name: 'credential report denied', mutations: [reportDenied] },
  { framework: FTR, item: 'IAM-001', kind: 'alternative', name: 'no federation; IAM console users all with MFA, no other human access attested', mutations: [...noFederation, aliceWithMfa] },

  ...standard(FTR, 'IAM-002'),
  { framework: FTR, item: 'IAM-002', kind: 'not-met', name: 'an access key rotated 200 days ago', mutations: [staleKey], reason: 'iam_rotate_access_key_90_days' },
  { framework: FTR, item: 'IAM-002', kind: 'unknown', name: 'credential report denied', mutations: [reportDenied] },
  { framework: FTR, item: 'IAM-002', kind: 'alternative', name: 'no GuardDuty: a third-party SIEM watches CloudTrail (attested)', mutations: [noGuardDuty] },
  { framework: FTR, item: 'IAM-002', kind: 'alternative', name: 'a key idle for 60 days, kept for a quarterly job (attested)', mutations: [idleOldKey] },

  ...standard(FTR, 'IAM-003'),
  { framework: FTR, item: 'IAM-003', kind: 'not-met', name: 'no password policy', mutations: [iam((s) => ({ ...s, passwordPolicy: observed(null) }))] },
  { framework: FTR, item: 'IAM-003', kind: 'unknown', name: 'GetAccountPasswordPolicy denied', mutations: [iamDenied('passwordPolicy', 'GetAccountPasswordPolicy')] },

  ...standard(FTR, 'IAM-004'),
  { framework: FTR, item: 'IAM-004', kind: 'alternative', name: 'a console user named "admin" that is one named person\'s break-glass login (attested)', mutations: [sharedAdminLogin] },
  { framework: FTR, item: 'IAM-004', kind: 'needs-evidence', name: 'a console user named "admin", nothing attested', mutations: [sharedAdminLogin], attest: null, reason: 'iam_no_shared_generic_users fails' },
  { framework: FTR, item: 'IAM-004', kind: 'unseen', name: 'credential report and authorization details denied', mutations: [reportDenied, detailsDenied], reason: 'could not be determined' },

  ...standard(FTR, 'IAM-005'),
  { framework: FTR, item: 'IAM-005', kind: 'alternative', name: 'a vendor role without ExternalId, the vendor cannot send one; its access is reviewed (attested)', mutations: [withRoles(trustedRole('legacy-vendor', { Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` } }))] },
  {
    framework: FTR, item: 'IAM-005', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.5: Principal "*" with only sts:ExternalId',
    mutations: [withRoles(trustedRole('world', { Principal: '*', Condition: { StringEquals: { 'sts:ExternalId': 'abc-123' } } }))], reason: 'iam_role_external_trust_requires_external_id fails',
  },
  {
    framework: FTR, item: 'IAM-005', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.5: a third party with StringLike sts:ExternalId "*"',
    mutations: [withRoles(trustedRole('vendor-like', { Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` }, Condition: { StringLike: { 'sts:ExternalId': '*' } } }))], reason: 'iam_role_external_trust_requires_external_id fails',
  },
  {
    framework: FTR, item: 'IAM-005', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.5: a third party with Null sts:ExternalId false',
    mutations: [withRoles(trustedRole('vendor-null', { Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` }, Condition: { Null: { 'sts:ExternalId': 'false' } } }))], reason: 'iam_role_external_trust_requires_external_id fails',
  },
  {
    framework: FTR, item: 'IAM-005', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.5: DescribeOrganization denied, a role trusting an account that may be ours: MANUAL, not external',
    mutations: [snapshotWith((s) => ({ ...s, organization: deniedRead('organizations', 'DescribeOrganization') })), withRoles(trustedRole('sibling', { Principal: { AWS: 'arn:aws:iam::777777777777:root' } }))],
    reason: 'needs a person to confirm',
  },
  { framework: FTR, item: 'IAM-005', kind: 'met', name: 'a role trusting a sibling account of the organization, no ExternalId needed', mutations: [organization((o) => ({ ...o, accounts: observed([...(o.accounts.ok ? o.accounts.value : []), { id: '777777777777', name: 'tools', email: 'aws-tools@acme.example', status: 'ACTIVE', joinedMethod: 'CREATED' }]) })), withRoles(trustedRole('sibling', { Principal: { AWS: 'arn:aws:iam::777777777777:root' } }))] },
  { framework: FTR, item: 'IAM-005', kind: 'unseen', name: 'authorization details denied', mutations: [detailsDenied], attest: null, reason: 'could not be determined' },

  ...standard(FTR, 'IAM-006'),
  { framework: FTR, item: 'IAM-006', kind: 'alternative', name: 'a user with a directly attached policy, scoped and reviewed (attested)', mutations: [withUsers([consoleUser('alice')], [anIamUser('alice', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] })])] },
  { framework: FTR, item: 'IAM-006', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.6: admin written with NotAction, attached to a role', mutations: [withPolicies(adminPolicy({ NotAction: ['iam:CreateAccessKey'] })), roleWithPolicy('ops')], reason: 'iam_policy_no_full_admin_wildcard fails' },
  { framework: FTR, item: 'IAM-006', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.6: admin written with NotResource', mutations: [withPolicies(adminPolicy({ Action: '*', NotResource: 'arn:aws:s3:::audit-only/*' })), roleWithPolicy('ops')], reason: 'iam_policy_no_full_admin_wildcard fails' },
  {
    framework: FTR, item: 'IAM-006', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.6: admin reached through a group policy names the users it reaches',
    mutations: [withPolicies(adminPolicy({ Action: '*' })), detailsWith((d) => ({ ...d, groups: [anIamGroup('ops', { attachedPolicies: [{ name: 'ops-admin', arn: 'arn:aws:iam::111111111111:policy/ops-admin' }] })] })), withUsers([consoleUser('bob')], [anIamUser('bob', { groups: ['ops'] })])],
    reason: 'bob',
  },
  {
    framework: FTR, item: 'IAM-006', kind: 'needs-evidence', attest: null,
    name: 'issue 7 §2.6: AdministratorAccess on a role a third-party account can assume is a FAIL, not MANUAL',
    mutations: [withRoles(trustedRole('vendor-admin', { Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` }, Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } }, ['AdministratorAccess']))],
    reason: 'iam_policy_no_full_admin_wildcard fails',
  },
  { framework: FTR, item: 'IAM-006', kind: 'met', name: 'an unattached *:* customer policy grants nothing', mutations: [withPolicies(customerPolicy('old-admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 0))] },
  { framework: FTR, item: 'IAM-006', kind: 'unseen', name: 'authorization details denied', mutations: [detailsDenied], attest: null, reason: 'could not be determined' },

  ...standard(FTR, 'IAM-007'),
  { framework: FTR, item: 'IAM-007', kind: 'alternative', name: 'a console password unused for 100 days, removed by the quarterly access review (attested)', mutations: [withUsers([consoleUser('carol', { passwordLastUsed: '2026-07-20T00:00:00.000Z', passwordLastChanged: '2026-01-01T00:00:00.000Z' })])] },
  { framework: FTR, item: 'IAM-007', kind: 'unseen', name: 'credential report denied, with IAM users present', mutations: [withUsers([consoleUser('carol')]), reportDenied], attest: null, reason: 'could not be determined' },

  ...standard(FTR, 'IAM-008'),

  ...standard(FTR, 'IAM-009'),
  { framework: FTR, item: 'IAM-009', kind: 'not-met', name: 'AWS keys in an instance\'s user data', mutations: [ec2((s) => ({ ...s, instances: observed((s.instances.ok ? s.instances.value : []).map((i) => ({ ...i, ...userDataWithKeys }))) }))], reason: 'ec2_instance_no_secrets_in_user_data' },
  {
    framework: FTR, item: 'IAM-009', kind: 'not-met', name: 'a token in a Lambda environment variable',
    mutations: [regional('lambda', (l) => ({ ...l, functions: observed((l.functions.ok ? l.functions.value : []).map((f) => ({ ...f, environment: observed({ variableNames: ['SLACK_TOKEN'], secretFindings: [{ location: 'SLACK_TOKEN', kind: 'slack-token' as const, hint: 'xoxb…' }] }) }))) }), [WORKLOAD])],
  },
  { framework: FTR, item: 'IAM-009', kind: 'unknown', name: 'Lambda environment could not be decrypted', mutations: [regional('lambda', (l) => ({ ...l, functions: observed((l.functions.ok ? l.functions.value : []).map((f) => ({ ...f, environment: deniedRead('lambda', 'GetFunctionConfiguration', WORKLOAD) }))) }), [WORKLOAD])] },

  ...standard(FTR, 'IAM-010'),
  { framework: FTR, item: 'IAM-010', kind: 'not-met', name: 'a parameter named db_password stored as a plain String', mutations: [regional('secrets', (s) => ({ ...s, parameters: observed([{ name: '/app/db_password', type: 'String', keyId: null, lastModifiedDate: null }]) }), [WORKLOAD])], reason: 'ssm_parameter_secrets_use_securestring' },
  { framework: FTR, item: 'IAM-010', kind: 'unknown', name: 'DescribeParameters denied', mutations: [regional('secrets', (s) => ({ ...s, parameters: deniedRead('ssm', 'DescribeParameters', WORKLOAD) }))] },
  { framework: FTR, item: 'IAM-010', kind: 'met', name: 'no Secrets Manager at all: credentials in HashiCorp Vault (attested)', mutations: [regional('secrets', (s) => ({ ...s, secrets: observed([]), parameters: observed([]) }))] },

  ...standard(FTR, 'IAM-011'),

  ...standard(FTR, 'IAM-012'),
  { framework: FTR, item: 'IAM-012', kind: 'alternative', name: 'a person with a console password and an access key; the key is being replaced by SSO (attested)', mutations: [withUsers([{ ...consoleUser('dave'), ...withKey(20, 1) }])] },
  { framework: FTR, item: 'IAM-012', kind: 'needs-evidence', attest: null, name: 'an appliance instance without a role (it makes no AWS calls): MANUAL, not FAIL', mutations: [instanceWithoutRole()], reason: 'ec2_instance_uses_iam_role needs a person' },
  { framework: FTR, item: 'IAM-012', kind: 'needs-evidence', attest: null, name: 'an instance without a role and AWS keys in its user data', mutations: [instanceWithoutRole(userDataWithKeys)], reason: 'ec2_instance_uses_iam_role fails' },
  { framework: FTR, item: 'IAM-012', kind: 'unseen', name: 'credential report and SAML providers denied', mutations: [reportDenied, iamDenied('samlProviders', 'ListSAMLProviders'), detailsDenied], attest: null, reason: 'could not be determined' },

  ...standard(COMP, '1.3'),
  { framework: COMP, item: '1.3', kind: 'alternative', name: 'a policy attached directly to a user, reviewed (attested)', mutations: [withUsers([consoleUser('alice')], [anIamUser('alice', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] })])] },
  { framework: COMP, item: '1.3', kind: 'unseen', name: 'authorization details denied', mutations: [detailsDenied, reportDenied], attest: null },

  ...standard(COMP, '1.4'),
  { framework: COMP, item: '1.4', kind: 'not-met', name: 'an IAM console user without MFA', mutations: [aliceWithoutMfa] },
  { framework: COMP, item: '1.4', kind: 'unknown', name: 'credential report denied', mutations: [reportDenied] },
  { framework: COMP, item: '1.4', kind: 'alternative', name: 'no federation; IAM console users all with MFA (attested)', mutations: [...noFederation, aliceWithMfa] },

  ...standard(COMP, '1.5'),
  { framework: COMP, item: '1.5', kind: 'not-met', name: 'an access key rotated 200 days ago', mutations: [staleKey] },
  { framework: COMP, item: '1.5', kind: 'unknown', name: 'credential report denied', mutations: [reportDenied] },
  { framework: COMP, item: '1.5', kind: 'alternative', name: 'no password policy: federated sign-in only, the IdP rotates passwords (attested)', mutations: [iam((s) => ({ ...s, passwordPolicy: observed(null) }))] },

  ...standard(COMP, '1.7'),
  { framework: COMP, item: '1.7', kind: 'not-met', name: 'password policy of 8 characters', mutations: [iam((s) => ({ ...s, passwordPolicy: s.passwordPolicy.ok && s.passwordPolicy.value ? observed({ ...s.passwordPolicy.value, minimumPasswordLength: 8 }) : s.passwordPolicy }))] },
  { framework: COMP, item: '1.7', kind: 'unknown', name: 'GetAccountPasswordPolicy denied', mutations: [iamDenied('passwordPolicy', 'GetAccountPasswordPolicy')] },

  ...standard(COMP, '1.8'),
  { framework: COMP, item: '1.8', kind: 'alternative', name: 'a console user named "admin", one person\'s login (attested)', mutations: [sharedAdminLogin] },
  { framework: COMP, item: '1.8', kind: 'unseen', name: 'credential report and authorization details denied', mutations: [reportDenied, detailsDenied], attest: null },

  ...standard(COMP, '1.9'),
  { framework: COMP, item: '1.9', kind: 'alternative', name: 'an attached admin-equivalent customer policy, justified (attested)', mutations: [withPolicies(adminPolicy({ Action: '*' })), roleWithPolicy('ops')] },
  { framework: COMP, item: '1.9', kind: 'unseen', name: 'authorization details denied', mutations: [detailsDenied], attest: null },

  ...standard(COMP, '1.10'),
  { framework: COMP, item: '1.10', kind: 'not-met', name: 'AWS keys in a launch template\'s user data', mutations: [ec2((s) => ({ ...s, launchTemplateVersions: observed([{ launchTemplateId: 'lt-0abc', launchTemplateName: 'app', versionNumber: 4, isDefault: true, userData: { bytes: 900, gzip: false, secretFindings: [{ location: 'userData:line 4', kind: 'aws-secret-access-key', hint: '…' }] } }]) }))] },
  { framework: COMP, item: '1.10', kind: 'unknown', name: 'instance user data could not be read', mutations: [ec2((s) => ({ ...s, instances: observed((s.instances.ok ? s.instances.value : []).map((i) => ({ ...i, userData: deniedRead('ec2', 'DescribeInstanceAttribute', WORKLOAD) }))) }))] },

  ...standard(COMP, '1.11'),
  { framework: COMP, item: '1.11', kind: 'not-met', name: 'a parameter named api_token stored as a plain String', mutations: [regional('secrets', (s) => ({ ...s, parameters: observed([{ name: '/app/api_token', type: 'String', keyId: null, lastModifiedDate: null }]) }), [WORKLOAD])] },
  { framework: COMP, item: '1.11', kind: 'unknown', name: 'the secrets slice could not be read', mutations: [deny.regional('secrets', 'DescribeParameters')] },

  ...standard(COMP, '1.12'),
  { framework: COMP, item: '1.12', kind: 'alternative', name: 'a person with an access key; a weekly-rotated, IP-restricted service key is the accepted exception (attested)', mutations: [withUsers([{ ...consoleUser('erin'), ...withKey(5, 1) }])] },
  { framework: COMP, item: '1.12', kind: 'unseen', name: 'credential report and instances denied', mutations: [reportDenied, deny.regional('ec2', 'DescribeInstances')], attest: null },
];

