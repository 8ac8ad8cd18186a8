import {
  AccountClient,
  GetAlternateContactCommand,
  GetContactInformationCommand,
  type AlternateContactType,
  type GetAlternateContactCommandOutput,
} from '@aws-sdk/client-account';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { accountCollector } from './account.collector.js';

const account = mockClient(AccountClient);

function contact(type: AlternateContactType): GetAlternateContactCommandOutput {
  return {
    AlternateContact: {
      AlternateContactType: type,
      Name: `${type} team`,
      Title: 'Team',
      EmailAddress: `${type.toLowerCase()}@example.com`,
      PhoneNumber: '+1 555 0100',
    },
    $metadata: {},
  };
}

function happyPath(): void {
  account.on(GetAlternateContactCommand, { AlternateContactType: 'BILLING' }).resolves(contact('BILLING'));
  account.on(GetAlternateContactCommand, { AlternateContactType: 'OPERATIONS' }).resolves(contact('OPERATIONS'));
  account.on(GetAlternateContactCommand, { AlternateContactType: 'SECURITY' }).resolves(contact('SECURITY'));
  account.on(GetContactInformationCommand).resolves({
    ContactInformation: {
      FullName: 'Jane Doe',
      CompanyName: 'Example Corp',
      PhoneNumber: '+1 555 0199',
      AddressLine1: '1 Main St',
      City: 'Springfield',
      PostalCode: '12345',
      CountryCode: 'US',
      WebsiteUrl: 'https://example.com',
    },
  });
}

describe('account collector', () => {
  beforeEach(() => account.reset());

  it('reads the three alternate contacts and the primary contact', async () => {
    happyPath();
    const { ctx } = testCollectorContext();
    const slice = await accountCollector.collect(ctx);
    expect(slice.alternateContacts.SECURITY).toEqual({
      ok: true,
      value: { name: 'SECURITY team', title: 'Team', emailAddress: 'security@example.com', phoneNumber: '+1 555 0100' },
    });
    expect(slice.alternateContacts.BILLING.ok && slice.alternateContacts.BILLING.value?.emailAddress).toBe('billing@example.com');
    expect(slice.contactInformation).toEqual({
      ok: true,
      value: { fullName: 'Jane Doe', companyName: 'Example Corp', phoneNumber: '+1 555 0199', websiteUrl: 'https://example.com', countryCode: 'US' },
    });
  });

  it('maps ResourceNotFoundException to null (contact not set)', async () => {
    happyPath();
    account
      .on(GetAlternateContactCommand, { AlternateContactType: 'OPERATIONS' })
      .rejects(awsError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404));
    const { ctx, recorder } = testCollectorContext();
    const slice = await accountCollector.collect(ctx);
    expect(slice.alternateContacts.OPERATIONS).toEqual({ ok: true, value: null });
    expect(slice.alternateContacts.SECURITY.ok).toBe(true);
    expect(recorder.errors).toEqual([]);
  });

  it('keeps going after AccessDenied on one contact', async () => {
    happyPath();
    account
      .on(GetAlternateContactCommand, { AlternateContactType: 'BILLING' })
      .rejects(awsError('AccessDeniedException', 'denied', 403));
    const { ctx } = testCollectorContext();
    const slice = await accountCollector.collect(ctx);
    expect(slice.alternateContacts.BILLING).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'GetAlternateContact' } });
    expect(slice.alternateContacts.SECURITY.ok).toBe(true);
    expect(slice.contactInformation.ok).toBe(true);
  });

  it('turns the emulator 404 on GetContactInformation into an error value', async () => {
    happyPath();
    account.on(GetContactInformationCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await accountCollector.collect(ctx);
    expect(slice.contactInformation).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
  });
});
