import { DescribeOrganizationCommand, ListDelegatedAdministratorsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { ACCESS_ANALYZER_SERVICE_PRINCIPAL, organizationsCollector } from './organizations.collector.js';

const orgs = mockClient(OrganizationsClient);

/** DescribeOrganization as the API reference example shapes it. */
function organization(managementAccountId: string) {
  return {
    Organization: {
      Id: 'o-exampleorgid',
      Arn: `arn:aws:organizations::${managementAccountId}:organization/o-exampleorgid`,
      FeatureSet: 'ALL' as const,
      MasterAccountId: managementAccountId,
      MasterAccountArn: `arn:aws:organizations::${managementAccountId}:account/o-exampleorgid/${managementAccountId}`,
      MasterAccountEmail: 'bill@example.com',
    },
  };
}

describe('organizations collector', () => {
  beforeEach(() => orgs.reset());
  afterEach(() => orgs.reset());

  it('lists the Access Analyzer delegated administrators from the management account', async () => {
    const { ctx } = testCollectorContext();
    orgs.on(DescribeOrganizationCommand).resolves(organization(ctx.accountId));
    orgs
      .on(ListDelegatedAdministratorsCommand)
      .resolvesOnce({ NextToken: 't1', DelegatedAdministrators: [{ Id: '222222222222', Name: 'security', Status: 'ACTIVE', JoinedMethod: 'CREATED' }] })
      .resolves({ DelegatedAdministrators: [] });
    const slice = await organizationsCollector.collect(ctx);
    expect(slice.accessAnalyzerDelegatedAdministrators).toEqual({ ok: true, value: ['222222222222'] });
    expect(orgs.commandCalls(ListDelegatedAdministratorsCommand)[0]?.args[0].input).toMatchObject({ ServicePrincipal: ACCESS_ANALYZER_SERVICE_PRINCIPAL });
  });

  it('does not ask from a member account', async () => {
    const { ctx } = testCollectorContext();
    orgs.on(DescribeOrganizationCommand).resolves(organization('999999999999'));
    const slice = await organizationsCollector.collect(ctx);
    expect(slice.accessAnalyzerDelegatedAdministrators).toEqual({ ok: true, value: null });
    expect(orgs.commandCalls(ListDelegatedAdministratorsCommand)).toHaveLength(0);
  });

  it('records a denied ListDelegatedAdministrators', async () => {
    const { ctx } = testCollectorContext();
    orgs.on(DescribeOrganizationCommand).resolves(organization(ctx.accountId));
    orgs.on(ListDelegatedAdministratorsCommand).rejects(awsError('AccessDeniedException', 'not allowed', 400));
    const slice = await organizationsCollector.collect(ctx);
    expect(slice.accessAnalyzerDelegatedAdministrators).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'ListDelegatedAdministrators' } });
  });

  it('keeps a denied DescribeOrganization as the reason', async () => {
    const { ctx } = testCollectorContext();
    orgs.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException', 'not allowed', 400));
    const slice = await organizationsCollector.collect(ctx);
    expect(slice.accessAnalyzerDelegatedAdministrators).toMatchObject({ ok: false, error: { operation: 'DescribeOrganization' } });
  });

  it('is null outside an organization', async () => {
    const { ctx } = testCollectorContext();
    orgs.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'not in use', 400));
    const slice = await organizationsCollector.collect(ctx);
    expect(slice.accessAnalyzerDelegatedAdministrators).toEqual({ ok: true, value: null });
  });
});
