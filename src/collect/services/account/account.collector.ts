/**
 * AWS Account Management collector (global): the three alternate contacts and the primary contact of
 * the account the scanner is in (each account is scanned with its own credentials, so no AccountId).
 */
import { AccountClient, GetAlternateContactCommand, GetContactInformationCommand } from '@aws-sdk/client-account';
import { defineGlobalCollector } from '../../collector.js';
import type { Observed } from '../../../core/observed.js';
import type {
  AccountSlice,
  AlternateContact,
  AlternateContactType,
} from '../../../core/slices/account.js';

const NOT_FOUND = ['ResourceNotFoundException'];

export const accountCollector = defineGlobalCollector({
  service: 'account',
  scope: 'global',
  operations: [
    { operation: 'GetAlternateContact', iamAction: 'account:GetAlternateContact', notFoundCodes: NOT_FOUND },
    { operation: 'GetContactInformation', iamAction: 'account:GetContactInformation', notFoundCodes: NOT_FOUND },
  ],
  async collect(ctx): Promise<AccountSlice> {
    const client = ctx.client(AccountClient);
    const read = (type: AlternateContactType): Promise<Observed<AlternateContact | null>> =>
      ctx.call(
        'account',
        'GetAlternateContact',
        async (): Promise<AlternateContact> => {
          const c = (await client.send(new GetAlternateContactCommand({ AlternateContactType: type }), { abortSignal: ctx.signal }))
            .AlternateContact;
          return {
            name: c?.Name ?? null,
            title: c?.Title ?? null,
            emailAddress: c?.EmailAddress ?? null,
            phoneNumber: c?.PhoneNumber ?? null,
          };
        },
        { notFoundCodes: NOT_FOUND },
      );
    // One call per type, in a fixed order (kept sequential: three cheap calls).
    const alternateContacts = {
      BILLING: await read('BILLING'),
      OPERATIONS: await read('OPERATIONS'),
      SECURITY: await read('SECURITY'),
    };
    const contactInformation = await ctx.call(
      'account',
      'GetContactInformation',
      async () => {
        const c = (await client.send(new GetContactInformationCommand({}), { abortSignal: ctx.signal })).ContactInformation;
        if (!c) return null;
        return {
          fullName: c.FullName ?? null,
          companyName: c.CompanyName ?? null,
          phoneNumber: c.PhoneNumber ?? null,
          websiteUrl: c.WebsiteUrl ?? null,
          countryCode: c.CountryCode ?? null,
        };
      },
      { notFoundCodes: NOT_FOUND },
    );
    return { alternateContacts, contactInformation };
  },
});
