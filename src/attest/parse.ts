/**
 * Reads and validates ftr-attestations.yaml against a framework. Every problem (YAML syntax, schema,
 * unknown item or gating id, wrong or future date, evidence file missing or changed) becomes an
 * AttestationError listing each issue with file:line:column. Nothing here guesses or skips silently.
 */
import { dirname } from 'node:path';
import { checkIdsOf, type DeliveryCategory, type Framework } from '../core/framework.js';
import { InputReadError, readInputFileSync } from '../io/bounded-read.js';
import { AttestationError, type InputIssue } from './errors.js';
import { checkEvidenceFile } from './evidence-hash.js';
import { dayOf } from './expiry.js';
import { attestationFileSchema, type AttestationFile } from './schema.js';
import type { AttestationAnswer, AttestationSet, EvidenceRef, GatingAnswer, ItemAttestation, Suppression } from './types.js';
import { issueAt, loadYamlDocument, zodIssues, type YamlSource } from './yaml-source.js';

export const DEFAULT_ATTESTATIONS_FILE = 'ftr-attestations.yaml';

export interface AttestationContext {
  readonly framework: Framework;
  /** ISO time of the evaluation: dates after this day are rejected. */
  readonly now: string;
  /** Check ids a suppression may name; defaults to the checks the framework references. */
  readonly knownCheckIds?: readonly string[];
  /** The evaluation's delivery category; a file stating another one is rejected. */
  readonly delivery?: DeliveryCategory;
  /** The evaluated scope; a file written for another scope is rejected (undefined: not checked). */
  readonly scopeName?: string | null;
  /**
   * Directory evidence file paths are relative to, and the folder evidence files must be in (after
   * resolving `..` and symbolic links); defaults to the attestations file's directory.
   */
  readonly baseDir?: string;
  /**
   * More folders evidence files may be in (`--evidence-root`). By default an evidence file outside
   * `baseDir` is refused without being read or hashed.
   */
  readonly evidenceRoots?: readonly string[];
  /** Verify local evidence files against their recorded sha256 (default true). */
  readonly verifyEvidence?: boolean;
}

/** Parses attestation YAML text. Throws AttestationError on any problem. */
export function parseAttestations(text: string, file: string, ctx: AttestationContext): AttestationSet {
  const loaded = loadYamlDocument(text, file, {
    what: 'attestations',
    keys: ['version', 'framework'],
    whenEmpty: 'the file is empty; run `ftr attest init` to start one',
  });
  if ('issues' in loaded) throw new AttestationError(file, loaded.issues);
  const { source, raw } = loaded;
  const parsed = attestationFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new AttestationError(file, zodIssues(source, parsed.error));
  const issues: InputIssue[] = [];
  const set = build(parsed.data, source, ctx, issues);
  if (issues.length > 0) throw new AttestationError(file, issues);
  return set;
}

/**
 * Reads the file (a regular file of at most 4 MB, see src/io/bounded-read.ts) and parses it. An unreadable
 * file is an AttestationError at 1:1 that says why, never what the file holds.
 */
export function loadAttestations(file: string, ctx: AttestationContext): AttestationSet {
  let text: string;
  try {
    text = readInputFileSync(file, 'attestations').toString('utf8');
  } catch (err) {
    if (!(err instanceof InputReadError)) throw err;
    throw new AttestationError(file, [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${err.reason}` }]);
  }
  return parseAttestations(text, file, { baseDir: dirname(file), ...ctx });
}

function build(data: AttestationFile, source: YamlSource, ctx: AttestationContext, issues: InputIssue[]): AttestationSet {
  const { framework } = ctx;
  const today = dayOf(ctx.now);
  const at = (path: (string | number)[], message: string, atKey = false) => issues.push(issueAt(source, path, message, atKey));

  if (data.framework !== framework.id) {
    at(['framework'], `these attestations are for framework "${data.framework}", but the evaluation uses "${framework.id}"`);
  }
  if (data.delivery !== '' && ctx.delivery !== undefined && data.delivery !== ctx.delivery) {
    at(['delivery'], `these attestations are for delivery category "${data.delivery}", but the evaluation uses "${ctx.delivery}"`);
  }
  if (data.scope !== '' && ctx.scopeName !== undefined && data.scope !== (ctx.scopeName ?? '')) {
    at(['scope'], `these attestations are for scope "${data.scope}", but the evaluation ${ctx.scopeName ? `uses scope "${ctx.scopeName}"` : 'has no scope'}`);
  }

  const notFuture = (path: (string | number)[], date: string) => {
    if (date !== '' && date > today) at(path, `date ${date} is in the future (today is ${today})`);
  };

  const gatingIds = new Set(framework.gatingQuestions.map((q) => q.id));
  const gatingAnswers: GatingAnswer[] = [];
  for (const [id, entry] of Object.entries(data.gating)) {
    if (!gatingIds.has(id)) {
      const known = [...gatingIds].join(', ') || 'none';
      at(['gating', id], `unknown gating question "${id}" for framework ${framework.id} (known: ${known})`, true);
      continue;
    }
    notFuture(['gating', id, 'date'], entry.date);
    if (entry.answer === 'yes' || entry.answer === 'no') {
      gatingAnswers.push({ questionId: id, answer: entry.answer, justification: entry.justification.trim(), owner: entry.owner.trim(), date: entry.date });
    }
  }

  const itemsById = new Map(framework.items.map((i) => [i.id, i]));
  const baseDir = ctx.baseDir ?? '.';
  const items: ItemAttestation[] = [];
  const unanswered: string[] = [];
  for (const [id, entry] of Object.entries(data.items)) {
    const item = itemsById.get(id);
    if (!item) {
      at(['items', id], `unknown item id "${id}" for framework ${framework.id}${suggest(id, [...itemsById.keys()])}`, true);
      continue;
    }
    if (item.notPresentInSource) {
      at(['items', id], `item ${id} is not present in the source checklist and cannot be attested`, true);
      continue;
    }
    notFuture(['items', id, 'date'], entry.date);
    if (entry.expires !== '' && entry.date !== '' && entry.expires < entry.date) {
      at(['items', id, 'expires'], `expires ${entry.expires} is before the date ${entry.date}`);
    }
    const evidence: EvidenceRef[] = [];
    entry.evidence.forEach((e, index) => {
      if (e.url !== undefined && e.url !== '') {
        evidence.push({ kind: 'url', ref: e.url });
        return;
      }
      const ref = e.file ?? '';
      if (ctx.verifyEvidence !== false) {
        const check = checkEvidenceFile(baseDir, ref, e.sha256, ctx.evidenceRoots ?? []);
        if (!check.ok) {
          const field = check.reason === 'mismatch' ? 'sha256' : 'file';
          at(['items', id, 'evidence', index, field], check.message);
          return;
        }
      }
      evidence.push(e.sha256 ? { kind: 'file', ref, sha256: e.sha256 } : { kind: 'file', ref });
    });
    if (entry.answer === '') {
      unanswered.push(id);
      continue;
    }
    items.push({
      itemId: id,
      answer: entry.answer as AttestationAnswer,
      justification: entry.justification.trim(),
      owner: entry.owner.trim(),
      date: entry.date,
      reviewer: entry.reviewer.trim() === '' ? null : entry.reviewer.trim(),
      evidence,
      expires: entry.expires === '' ? null : entry.expires,
    });
  }

  const knownChecks = new Set(ctx.knownCheckIds ?? framework.items.flatMap(checkIdsOf));
  const suppressions: Suppression[] = [];
  data.suppressions.forEach((s, index) => {
    if (!knownChecks.has(s.checkId)) {
      at(['suppressions', index, 'checkId'], `unknown check id "${s.checkId}"${suggest(s.checkId, [...knownChecks])}`);
      return;
    }
    suppressions.push({
      checkId: s.checkId,
      accountId: s.account,
      resourceId: s.resourceId === '' ? null : s.resourceId,
      resourceArn: s.resourceArn === '' ? null : s.resourceArn,
      region: s.region === '' ? null : s.region,
      justification: s.justification.trim(),
      owner: s.owner.trim(),
      expires: s.expires,
    });
  });

  return {
    file: source.file,
    frameworkId: data.framework,
    delivery: data.delivery === '' ? null : data.delivery,
    scope: data.scope === '' ? null : data.scope,
    items,
    gatingAnswers,
    suppressions,
    unanswered,
  };
}

/** " (did you mean "1.25"?)" for a near miss, else "". */
function suggest(id: string, known: readonly string[]): string {
  const lower = id.toLowerCase();
  const close = known.find((k) => k.toLowerCase() === lower || distance(k.toLowerCase(), lower) <= (lower.length > 6 ? 2 : 1));
  return close ? ` (did you mean "${close}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
