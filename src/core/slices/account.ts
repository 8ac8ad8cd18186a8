/**
 * Snapshot slice for AWS Account Management (global): alternate contacts and the primary contact.
 * Contact names, emails and phone numbers are business contact data, not secrets.
 */
import type { Observed } from '../observed.js';

export type AlternateContactType = 'BILLING' | 'OPERATIONS' | 'SECURITY';

export const ALTERNATE_CONTACT_TYPES = ['BILLING', 'OPERATIONS', 'SECURITY'] as const satisfies readonly AlternateContactType[];

export interface AccountSlice {
  /** account:GetAlternateContact per type; null = not set (ResourceNotFoundException). */
  readonly alternateContacts: Readonly<Record<AlternateContactType, Observed<AlternateContact | null>>>;
  /** account:GetContactInformation (the primary contact); null = none returned. */
  readonly contactInformation: Observed<ContactInformation | null>;
}

export interface AlternateContact {
  readonly name: string | null;
  readonly title: string | null;
  readonly emailAddress: string | null;
  readonly phoneNumber: string | null;
}

export interface ContactInformation {
  readonly fullName: string | null;
  readonly companyName: string | null;
  readonly phoneNumber: string | null;
  readonly websiteUrl: string | null;
  readonly countryCode: string | null;
}
