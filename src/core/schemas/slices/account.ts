/** Schema of the AWS Account Management slice (src/core/slices/account.ts). */
import { z } from 'zod';
import { ALTERNATE_CONTACT_TYPES } from '../../slices/account.js';
import { observed } from '../primitives.js';

export const alternateContactSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  emailAddress: z.string().nullable(),
  phoneNumber: z.string().nullable(),
});

export const contactInformationSchema = z.object({
  fullName: z.string().nullable(),
  companyName: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  countryCode: z.string().nullable(),
});

export const accountSliceSchema = z.object({
  alternateContacts: z.record(z.enum(ALTERNATE_CONTACT_TYPES), observed(alternateContactSchema.nullable())),
  contactInformation: observed(contactInformationSchema.nullable()),
});
