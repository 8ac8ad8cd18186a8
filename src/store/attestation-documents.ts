/**
 * The stored form of one attestation entry: exactly the fields of its entry in ftr-attestations.yaml
 * (docs/attestations.md), every field present, so a stored record and a YAML entry convert both ways
 * without loss and "unchanged" is plain JSON equality. Validated with the YAML file's own zod schemas,
 * plus what only makes sense once stored (an answer is given; a file's sha256 is recorded).
 */
import { z } from 'zod';
import type { Framework } from '../core/framework.js';
import { UserError } from '../core/errors.js';
import { gatingEntrySchema, itemEntrySchema, suppressionEntrySchema } from '../attest/schema.js';
import type { AttestationSet, GatingAnswer, ItemAttestation, Suppression } from '../attest/types.js';
import type { AttestationKind } from './schema.js';

export type EvidenceEntry = { readonly url: string } | { readonly file: string; readonly sha256: string };

export interface ItemAttestationDocument {
  readonly answer: 'yes' | 'no' | 'not-applicable';
  readonly justification: string;
  readonly owner: string;
  readonly date: string;
  /** '' when none. */
  readonly reviewer: string;
  readonly evidence: readonly EvidenceEntry[];
  /** '' when none. */
  readonly expires: string;
}

export interface GatingAnswerDocument {
  readonly answer: 'yes' | 'no';
  readonly justification: string;
  readonly owner: string;
  readonly date: string;
}

export interface SuppressionDocument {
  readonly checkId: string;
  readonly account: string;
  readonly resourceId: string;
  readonly resourceArn: string;
  readonly region: string;
  readonly justification: string;
  readonly owner: string;
  readonly expires: string;
}

export type AttestationDocument = ItemAttestationDocument | GatingAnswerDocument | SuppressionDocument;

export interface AttestationEntry {
  readonly kind: AttestationKind;
  readonly subject: string;
  readonly document: AttestationDocument;
}

/** A suppression's identity: what it covers (two suppressions of the same finding are one record). */
export function suppressionSubject(s: Pick<SuppressionDocument, 'checkId' | 'account' | 'resourceId' | 'resourceArn' | 'region'>): string {
  return [s.checkId, s.account, s.resourceId, s.resourceArn, s.region].join('|');
}

export function itemDocument(a: ItemAttestation): ItemAttestationDocument {
  return {
    answer: a.answer,
    justification: a.justification,
    owner: a.owner,
    date: a.date,
    reviewer: a.reviewer ?? '',
    evidence: a.evidence.map((e) => (e.kind === 'url' ? { url: e.ref } : { file: e.ref, sha256: e.sha256 ?? '' })),
    expires: a.expires ?? '',
  };
}

export function gatingDocument(g: GatingAnswer): GatingAnswerDocument {
  return { answer: g.answer, justification: g.justification, owner: g.owner, date: g.date };
}

export function suppressionDocument(s: Suppression): SuppressionDocument {
  return {
    checkId: s.checkId,
    account: s.accountId,
    resourceId: s.resourceId ?? '',
    resourceArn: s.resourceArn ?? '',
    region: s.region ?? '',
    justification: s.justification,
    owner: s.owner,
    expires: s.expires,
  };
}

/** Every answered entry of a parsed attestations file, as stored records. */
export function entriesFromSet(set: AttestationSet): AttestationEntry[] {
  return [
    ...set.gatingAnswers.map((g) => ({ kind: 'gating' as const, subject: g.questionId, document: gatingDocument(g) })),
    ...set.items.map((i) => ({ kind: 'item' as const, subject: i.itemId, document: itemDocument(i) })),
    ...set.suppressions.map((s) => {
      const document = suppressionDocument(s);
      return { kind: 'suppression' as const, subject: suppressionSubject(document), document };
    }),
  ];
}

const answered = z.object({ answer: z.string().min(1, 'an answer is required') }).loose();

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/**
 * Validates a document for the framework; returns it normalised (every field present). Throws a UserError
 * naming the field. `today` (YYYY-MM-DD) rejects dates in the future, as the YAML parser does.
 */
export function validateAttestationDocument(
  framework: Framework,
  kind: AttestationKind,
  subject: string,
  document: unknown,
  today: string,
): AttestationDocument {
  const what = `${kind} ${subject}`;
  const fail = (message: string): never => {
    throw new UserError(`Invalid attestation (${what}): ${message}`);
  };
  const isAnswered = answered.safeParse(document);
  if (kind !== 'suppression' && !isAnswered.success) fail(firstIssue(isAnswered.error));
  const notFuture = (field: string, value: string) => {
    if (value !== '' && value > today) fail(`${field} ${value} is in the future (today is ${today})`);
  };
  switch (kind) {
    case 'item': {
      const item = framework.items.find((i) => i.id === subject);
      if (!item) return fail(`unknown item id "${subject}" for framework ${framework.id}`);
      if (item.notPresentInSource) fail(`item ${subject} is not present in the source checklist and cannot be attested`);
      const parsed = itemEntrySchema.safeParse(document);
      if (!parsed.success) return fail(firstIssue(parsed.error));
      const e = parsed.data;
      notFuture('date', e.date);
      if (e.expires !== '' && e.expires < e.date) fail(`expires ${e.expires} is before the date ${e.date}`);
      const evidence: EvidenceEntry[] = e.evidence.map((x) => {
        if (x.url !== undefined && x.url !== '') return { url: x.url };
        if (x.sha256 === undefined || x.sha256 === '') return fail(`evidence file "${x.file ?? ''}" needs its sha256`);
        return { file: x.file ?? '', sha256: x.sha256 };
      });
      return {
        answer: e.answer as ItemAttestationDocument['answer'],
        justification: e.justification.trim(),
        owner: e.owner.trim(),
        date: e.date,
        reviewer: e.reviewer.trim(),
        evidence,
        expires: e.expires,
      };
    }
    case 'gating': {
      if (!framework.gatingQuestions.some((q) => q.id === subject)) fail(`unknown gating question "${subject}" for framework ${framework.id}`);
      const parsed = gatingEntrySchema.safeParse(document);
      if (!parsed.success) return fail(firstIssue(parsed.error));
      notFuture('date', parsed.data.date);
      return {
        answer: parsed.data.answer as GatingAnswerDocument['answer'],
        justification: parsed.data.justification.trim(),
        owner: parsed.data.owner.trim(),
        date: parsed.data.date,
      };
    }
    case 'suppression': {
      const parsed = suppressionEntrySchema.safeParse(document);
      if (!parsed.success) return fail(firstIssue(parsed.error));
      const s = parsed.data;
      const normalised: SuppressionDocument = {
        checkId: s.checkId,
        account: s.account,
        resourceId: s.resourceId,
        resourceArn: s.resourceArn,
        region: s.region,
        justification: s.justification.trim(),
        owner: s.owner.trim(),
        expires: s.expires,
      };
      if (suppressionSubject(normalised) !== subject) fail(`the subject must be "${suppressionSubject(normalised)}" (what the suppression covers)`);
      return normalised;
    }
  }
}

export function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
