/**
 * AWS Organizations collector (global, per scanned account): who the organization delegated IAM Access
 * Analyzer administration to, so an organization analyzer living in that account can count for members.
 * Only the management account may list delegated administrators, so other accounts do not ask.
 */
import { DescribeOrganizationCommand, OrganizationsClient, paginateListDelegatedAdministrators } from '@aws-sdk/client-organizations';
import type { OrganizationsSlice } from '../../../core/slices/organizations.js';
import { collectPages, defineGlobalCollector } from '../../collector.js';

export const ACCESS_ANALYZER_SERVICE_PRINCIPAL = 'access-analyzer.amazonaws.com';

export const organizationsCollector = defineGlobalCollector({
  service: 'organizations',
  scope: 'global',
  operations: [
    { operation: 'DescribeOrganization', iamAction: 'organizations:DescribeOrganization', notFoundCodes: ['AWSOrganizationsNotInUseException'] },
    { operation: 'ListDelegatedAdministrators', iamAction: 'organizations:ListDelegatedAdministrators' },
  ],
  async collect(ctx): Promise<OrganizationsSlice> {
    const client = ctx.client(OrganizationsClient);
    const org = await ctx.call(
      'organizations',
      'DescribeOrganization',
      () => client.send(new DescribeOrganizationCommand({}), { abortSignal: ctx.signal }),
      { notFoundCodes: ['AWSOrganizationsNotInUseException'] },
    );
    if (!org.ok) return { accessAnalyzerDelegatedAdministrators: org };
    if (org.value?.Organization?.MasterAccountId !== ctx.accountId) return { accessAnalyzerDelegatedAdministrators: { ok: true, value: null } };
    const delegated = await ctx.call('organizations', 'ListDelegatedAdministrators', async () =>
      (
        await collectPages(
          paginateListDelegatedAdministrators({ client }, { ServicePrincipal: ACCESS_ANALYZER_SERVICE_PRINCIPAL }),
          (p) => p.DelegatedAdministrators,
        )
      ).flatMap((a) => (a.Id ? [a.Id] : [])),
    );
    return { accessAnalyzerDelegatedAdministrators: delegated };
  },
});
