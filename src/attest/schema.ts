/**
 * The zod schema of ftr-attestations.yaml (version 1). The file is read with the YAML failsafe schema, so
 * every scalar arrives as a string; empty strings are "not filled in yet". Cross-checks against the
 * framework (unknown item ids, future dates, evidence hashes) happen in parse.ts.
 */
import { z } from 'zod';
import { DELIVERY_CATEGORIES } from '../core/framework.js';
import { isCalendarDate } from './expiry.js';
import { ATTESTATION_ANSWERS } from './types.js';

const emptyToObject = (v: unknown): unknown => (v === undefined || v === '' ? {} : v);
const emptyToArray = (v: unknown): unknown => (v === undefined || v === '' ? [] : v);
const text = z.preprocess((v) => v ?? '', z.string());
const SHA256_RE = /^[0-9a-f]{64}$/;
const ACCOUNT_RE = /^\d{12}$/;

function checkDate(value: string, field: string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (value === '') return;
  if (!isCalendarDate(value)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `${field} "${value}" is not a real calendar date`
        : `${field} "${value}" is not a date; write it as YYYY-MM-DD`,
    });
  }
}

export const evidenceEntrySchema = z
  .strictObject({ url: z.string().optional(), file: z.string().optional(), sha256: z.string().optional() })
  .superRefine((e, ctx) => {
    const hasUrl = e.url !== undefined && e.url !== '';
    const hasFile = e.file !== undefined && e.file !== '';
    if (hasUrl === hasFile) {
      ctx.addIssue({ code: 'custom', path: [], message: 'an evidence entry needs exactly one of "url" or "file"' });
      return;
    }
    if (hasUrl && !/^https?:\/\/\S+$/.test(e.url ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `"${e.url ?? ''}" is not an http(s) URL` });
    }
    if (hasUrl && e.sha256 !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'sha256 is only recorded for local files' });
    }
    if (hasFile && e.sha256 !== undefined && e.sha256 !== '' && !SHA256_RE.test(e.sha256)) {
      ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'sha256 must be 64 lowercase hex characters' });
    }
  });

export const itemEntrySchema = z.preprocess(
  emptyToObject,
  z
    .strictObject({
      answer: text,
      justification: text,
      owner: text,
      date: text,
      reviewer: text,
      evidence: z.preprocess(emptyToArray, z.array(evidenceEntrySchema)),
      expires: text,
    })
    .superRefine((e, ctx) => {
      checkDate(e.date, 'date', ctx, ['date']);
      checkDate(e.expires, 'expires', ctx, ['expires']);
      if (e.answer === '') return;
      if (!(ATTESTATION_ANSWERS as readonly string[]).includes(e.answer)) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer "${e.answer}" must be one of ${ATTESTATION_ANSWERS.join(', ')}` });
      }
      for (const field of ['justification', 'owner', 'date'] as const) {
        if (e[field].trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required once an answer is given` });
      }
    }),
);

export const gatingEntrySchema = z.preprocess(
  emptyToObject,
  z
    .strictObject({ answer: text, justification: text, owner: text, date: text })
    .superRefine((e, ctx) => {
      checkDate(e.date, 'date', ctx, ['date']);
      if (e.answer === '') return;
      if (e.answer !== 'yes' && e.answer !== 'no') {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer "${e.answer}" must be yes or no` });
      }
      for (const field of ['justification', 'owner', 'date'] as const) {
        if (e[field].trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required once an answer is given` });
      }
    }),
);

export const suppressionEntrySchema = z
  .strictObject({
    checkId: z.string().min(1, 'checkId must not be empty'),
    account: z.string().regex(ACCOUNT_RE, 'account must be a 12-digit AWS account id (quote it to keep leading zeros)'),
    resourceId: text,
    resourceArn: text,
    region: text,
    justification: z.string().trim().min(1, 'justification must not be empty'),
    owner: z.string().trim().min(1, 'owner must not be empty'),
    expires: z.string(),
  })
  .superRefine((s, ctx) => {
    if (s.resourceId === '' && s.resourceArn === '') {
      ctx.addIssue({ code: 'custom', path: [], message: 'a suppression names the resource: resourceId or resourceArn' });
    }
    if (s.expires === '') ctx.addIssue({ code: 'custom', path: ['expires'], message: 'a suppression needs an expiry date (YYYY-MM-DD)' });
    else checkDate(s.expires, 'expires', ctx, ['expires']);
  });

export const attestationFileSchema = z.strictObject({
  version: z.literal('1', { error: 'version must be 1' }),
  framework: z.string().min(1, 'framework must name a catalog id'),
  delivery: z.preprocess((v) => v ?? '', z.enum([...DELIVERY_CATEGORIES, ''], { error: `delivery must be one of ${DELIVERY_CATEGORIES.join(', ')}` })),
  scope: text,
  gating: z.preprocess(emptyToObject, z.record(z.string(), gatingEntrySchema)),
  items: z.preprocess(emptyToObject, z.record(z.string(), itemEntrySchema)),
  suppressions: z.preprocess(emptyToArray, z.array(suppressionEntrySchema)),
});

export type AttestationFile = z.infer<typeof attestationFileSchema>;
