import { describe, expect, it } from 'vitest';
import { aReportUser, anIamRole, anIamSlice, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamFederationConfigured } from './iam-federation-configured.js';

const ssoRole = anIamRole('AWSReservedSSO_AdministratorAccess_0123456789abcdef', { path: '/aws-reserved/sso.amazonaws.com/' });

const cases: [string, Snapshot, string][] = [
  ['SAML provider', iamSnapshot(anIamSlice({ samlProviders: observed(['arn:aws:iam::111111111111:saml-provider/Okta']) })), 'PASS'],
  [
    'Identity Center roles',
    iamSnapshot(anIamSlice({ authorizationDetails: observed({ users: [], groups: [], roles: [ssoRole], policies: [] }) })),
    'PASS',
  ],
  [
    'SAML present even though the role list is denied',
    iamSnapshot(anIamSlice({ samlProviders: observed(['arn:aws:iam::111111111111:saml-provider/Okta']), authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })),
    'PASS',
  ],
  ['no federation, console users', iamSnapshot(anIamSlice({ credentialReport: reportWith([aReportUser('alice', { passwordEnabled: true })]) })), 'FAIL'],
  ['no federation, OIDC only, no console users', iamSnapshot(anIamSlice({ oidcProviders: observed(['arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com']) })), 'MANUAL'],
  ['SAML list denied', iamSnapshot(anIamSlice({ samlProviders: denied('iam', 'ListSAMLProviders') })), 'UNKNOWN'],
  ['IAM slice failed', iamSnapshot(denied('iam', 'GetCredentialReport')), 'UNKNOWN'],
];

describe('iam_federation_configured', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(iamFederationConfigured.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });
});
