/**
 * The zod schema of a scope file (version 1): named scopes (a workload, or one case study of a competency
 * application), each naming accounts, optionally regions, tag filters and CloudFormation stack names.
 * Read with the YAML failsafe schema: every scalar is a string (account ids keep their leading zeros).
 */
import { z } from 'zod';
import { isCalendarDate } from '../attest/expiry.js';

const ACCOUNT_RE = /^\d{12}$/;
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const list = (item: z.ZodType<string>) => z.preprocess((v) => (v === '' ? [] : v), z.array(item));

export const caseStudySchema = z.strictObject({
  customer: z.string().trim().min(1, 'customer must not be empty'),
  productionDate: z.string().refine(isCalendarDate, { message: 'productionDate must be a real date written as YYYY-MM-DD' }).optional(),
  publicUrl: z.string().regex(/^https?:\/\/\S+$/, 'publicUrl must be an http(s) URL').optional(),
  description: z.string().optional(),
});

export const scopeEntrySchema = z.strictObject({
  description: z.string().optional(),
  accounts: list(z.string().regex(ACCOUNT_RE, 'an account id has 12 digits (quote it: "012345678901")')).refine((a) => a.length > 0, {
    message: 'a scope names at least one account',
  }),
  regions: list(z.string().regex(REGION_RE, 'not a region name such as eu-west-1')).optional(),
  /** Every key must match; a list value matches any of its values. */
  tags: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
  stacks: list(z.string().min(1)).optional(),
  caseStudy: caseStudySchema.optional(),
});

export const scopeFileSchema = z.strictObject({
  version: z.literal('1', { error: 'version must be 1' }),
  scopes: z
    .record(z.string().regex(NAME_RE, 'a scope name uses letters, digits, ".", "_" and "-"'), scopeEntrySchema)
    .refine((s) => Object.keys(s).length > 0, { message: 'the file defines no scope' }),
});

export type ScopeFile = z.infer<typeof scopeFileSchema>;
