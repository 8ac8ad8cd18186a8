/**
 * Evaluate a snapshot (optionally per scope / case study, with the attestations file) and write the
 * assessment files: shared by scan, evaluate and demo.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Assessment } from '../core/assessment.js';
import { UserError } from '../core/errors.js';
import type { DeliveryCategory, Framework } from '../core/framework.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import type { Snapshot } from '../core/snapshot.js';
import { AttestationError } from '../attest/errors.js';
import { ALL_CHECKS } from '../checks/index.js';
import { evaluate, type EvaluateOptions } from '../evaluate/evaluate.js';
import { evaluateStream } from '../evaluate/evaluate-stream.js';
import { FindingSpool } from '../io/finding-spool.js';
import { writeJsonDocument } from '../io/json-stream-writer.js';
import { writeOutputFile } from '../io/output-file.js';
import type { SnapshotSource } from '../io/snapshot-stream.js';
import { applyScope } from '../scope/apply-scope.js';
import { loadScopes, selectScope } from '../scope/parse.js';
import type { Scope } from '../scope/types.js';
import { TOOL_VERSION } from '../version.js';
import { DEFAULT_ATTESTATIONS_FILE, readAttestationInputs } from './commands/attest.js';

export interface AssessOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  /** The attestations file, or null for none (resolveAttestations decides). */
  readonly attestationsFile: string | null;
  /** More folders attestation evidence files may be in (`--evidence-root`). */
  readonly evidenceRoots?: readonly string[] | undefined;
  readonly scope?: Scope | null;
}

export interface AssessResult {
  readonly assessment: Assessment;
  readonly warnings: readonly string[];
}

/** The attestation inputs and evaluation options for one scope (shared by assess and assessAndWrite). */
function prepare(options: AssessOptions): { evaluateOptions: EvaluateOptions; warnings: readonly string[] } {
  const now = new Date().toISOString();
  const scope = options.scope ?? null;
  const inputs = readAttestationInputs({
    file: options.attestationsFile,
    evidenceRoots: options.evidenceRoots,
    framework: options.framework,
    delivery: options.delivery,
    scopeName: scope?.name ?? null,
    now,
    checkIds: ALL_CHECKS.map((c) => c.id),
  });
  return {
    warnings: inputs.warnings,
    evaluateOptions: {
      delivery: options.delivery,
      checks: ALL_CHECKS,
      toolVersion: TOOL_VERSION,
      now,
      scopeName: scope?.name ?? null,
      attestations: inputs.attestations,
      gatingAnswers: inputs.gatingAnswers,
      suppressions: inputs.suppressions,
      caseStudy: caseStudyOf(scope),
    },
  };
}

/** The case study an assessment of this scope reports (the dashboard's re-evaluation uses it too). */
export function caseStudyOf(scope: Scope | null): NonNullable<EvaluateOptions['caseStudy']> | null {
  return scope?.caseStudy
    ? {
        id: scope.name,
        name: scope.description ?? scope.name,
        customer: scope.caseStudy.customer,
        ...(scope.caseStudy.productionDate ? { productionDate: scope.caseStudy.productionDate } : {}),
      }
    : null;
}

/** Evaluates a snapshot in memory (demo, tests); `ftr scan` and `ftr evaluate` use assessAndWrite, which streams. */
export function assess(snapshot: Snapshot, options: AssessOptions): AssessResult {
  const { evaluateOptions, warnings } = prepare(options);
  const scope = options.scope ?? null;
  const assessment = evaluate(scope ? applyScope(snapshot, scope) : snapshot, options.framework, evaluateOptions);
  return { assessment, warnings };
}

/** The attestations file an evaluation uses, and what to tell the user about that choice. */
export interface AttestationsChoice {
  readonly file: string | null;
  /** Which file is used and why (printed before the work starts), or null when there is nothing to say. */
  readonly note: string | null;
  /** Set when a file was found but skipped (written for another framework). */
  readonly warning: string | null;
}

export interface ResolveAttestationsOptions {
  /** `--attestations <file>`, `false` for `--no-attestations`, undefined to look for one. */
  readonly option: string | false | undefined;
  /** Where to look first (the snapshot's folder for evaluate, --out for scan), then the current folder. */
  readonly besideDir: string | undefined;
  readonly besideLabel: string;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly scopes: readonly (Scope | null)[];
  /** `--evidence-root`: more folders evidence files may be in (the same rule the evaluation applies). */
  readonly evidenceRoots?: readonly string[] | undefined;
}

/**
 * Decides the attestations file BEFORE any work and validates it for every scope, so a bad file costs
 * seconds, not a scan. A file found automatically that was written for another framework is skipped with
 * a warning (a starter FTR file must not break a competency scan); any other problem is an error (exit 2).
 */
export function resolveAttestations(options: ResolveAttestationsOptions): AttestationsChoice {
  if (options.option === false) return { file: null, note: 'Attestations: none (--no-attestations).', warning: null };
  const validate = (file: string): void => {
    const now = new Date().toISOString();
    for (const scope of options.scopes) {
      readAttestationInputs({
        file,
        framework: options.framework,
        delivery: options.delivery,
        scopeName: scope?.name ?? null,
        now,
        checkIds: ALL_CHECKS.map((c) => c.id),
        evidenceRoots: options.evidenceRoots,
      });
    }
  };
  if (options.option !== undefined) {
    validate(options.option);
    return { file: options.option, note: `Attestations: ${options.option} (--attestations).`, warning: null };
  }
  const candidates: { file: string; where: string }[] = [];
  if (options.besideDir !== undefined) candidates.push({ file: join(options.besideDir, DEFAULT_ATTESTATIONS_FILE), where: options.besideLabel });
  candidates.push({ file: DEFAULT_ATTESTATIONS_FILE, where: 'the current folder' });
  const found = candidates.find((c, i) => existsSync(c.file) && candidates.findIndex((d) => resolve(d.file) === resolve(c.file)) === i);
  if (!found) return { file: null, note: null, warning: null };
  try {
    validate(found.file);
  } catch (err) {
    const otherFramework = err instanceof AttestationError ? err.issues.find((i) => i.path === 'framework') : undefined;
    if (otherFramework) {
      return {
        file: null,
        note: null,
        warning:
          `Skipping ${found.file} (found in ${found.where}): ${otherFramework.message}. ` +
          'Pass --attestations <file> to use a file, or --no-attestations to stop looking.',
      };
    }
    throw err;
  }
  return {
    file: found.file,
    note: `Attestations: ${found.file} (found in ${found.where}; --attestations <file> to choose another, --no-attestations for none).`,
    warning: null,
  };
}

/** Prints the attestations choice (stdout) and its warning (stderr). */
export function announceAttestations(choice: AttestationsChoice): void {
  if (choice.note) process.stdout.write(`${choice.note}\n`);
  if (choice.warning) process.stderr.write(`Warning: ${choice.warning}\n`);
}

/** The scopes to evaluate: none (the whole scan), the named one, or every scope of the file (case studies). */
export function resolveScopes(scopeFile: string | undefined, scopeName: string | undefined): (Scope | null)[] {
  return pickScopes(scopeFile === undefined ? undefined : { file: scopeFile, scopes: () => loadScopes(scopeFile) }, scopeName);
}

/**
 * resolveScopes over any source of scopes (the dashboard's upload passes `uploadedScopes`): the same rules
 * for `--scope-name` with and without a scope file.
 */
export function pickScopes(source: { file: string; scopes: () => Scope[] } | undefined, scopeName: string | undefined): (Scope | null)[] {
  if (source === undefined) {
    if (scopeName !== undefined) {
      throw new UserError(`--scope-name only applies with --scope <file> (it picks one scope of that file). Add --scope, or drop --scope-name "${scopeName}".`);
    }
    return [null];
  }
  const scopes = source.scopes();
  return scopeName !== undefined ? [selectScope(scopes, scopeName, source.file)] : scopes;
}

export function assessmentFileName(scope: Scope | null, many: boolean): string {
  if (!scope || !many) return 'assessment.json';
  return `assessment-${scope.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
}

/** Writes assessment.json safely (temp file + rename, 0600, never through a link: io/output-file.ts). */
export async function writeAssessment(outDir: string, assessment: Assessment, fileName = 'assessment.json'): Promise<string> {
  const path = join(outDir, fileName);
  await writeOutputFile(path, `${JSON.stringify(assessment, null, 2)}\n`);
  return path;
}

export interface AssessAndWriteOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly attestationsFile: string | null;
  /** More folders attestation evidence files may be in (`--evidence-root`). */
  readonly evidenceRoots?: readonly string[] | undefined;
  readonly scopes: readonly (Scope | null)[];
  readonly outDir: string;
}

export interface AssessAndWriteResult {
  /**
   * One per scope. When `findingsInMemory` is false the assessment was too large to keep: its `findings`
   * are empty (the file has every one; --fail-on uses `openFailSeverities`).
   */
  readonly assessments: readonly Assessment[];
  readonly files: readonly string[];
  readonly warnings: readonly string[];
  /** False when some assessment's findings were too many to keep in memory (reports and --db need the file). */
  readonly findingsInMemory: boolean;
  /** Severities of the open (unsuppressed) FAILs of every assessment, for --fail-on when findings are not in memory. */
  readonly openFailSeverities: readonly Severity[];
}

/** Why reports or --db were skipped for an assessment too large to keep in memory. */
export const TOO_LARGE_FOR_REPORTS =
  'The assessment has too many findings to render reports in memory; assessment.json is complete. Reports for scans this large are not supported yet.';
export const TOO_LARGE_FOR_DB =
  'The assessment has too many findings to record in the store in one transaction; assessment.json and snapshot.json.gz are complete. Recording scans this large is not supported yet.';

/**
 * Findings JSON (compact characters) up to which the written assessment is also kept whole in memory, for
 * the summary, reports and --db. Above it only the open FAILs are kept.
 */
export const IN_MEMORY_FINDINGS_CHARS = 64 * 1024 * 1024;

/**
 * One assessment per scope (one for the whole scan without a scope file), each written to its own file.
 * The snapshot is read account by account and the findings wait in a spool file: neither the snapshot nor
 * the assessment is ever one string or one object graph in memory (docs/decisions/0009).
 */
export async function assessAndWrite(source: SnapshotSource, options: AssessAndWriteOptions): Promise<AssessAndWriteResult> {
  const assessments: Assessment[] = [];
  const files: string[] = [];
  const warnings = new Set<string>();
  const many = options.scopes.length > 1;
  let findingsInMemory = true;
  const openFailSeverities: Severity[] = [];
  for (const scope of options.scopes) {
    const { evaluateOptions, warnings: scopeWarnings } = prepare({
      framework: options.framework,
      delivery: options.delivery,
      attestationsFile: options.attestationsFile,
      evidenceRoots: options.evidenceRoots,
      scope,
    });
    scopeWarnings.forEach((w) => warnings.add(w));
    const spool = new FindingSpool();
    try {
      const streamed = await evaluateStream(
        source,
        options.framework,
        { ...evaluateOptions, transform: scope ? (s) => applyScope(s, scope) : undefined },
        spool,
      );
      const path = join(options.outDir, assessmentFileName(scope, many));
      await writeJsonDocument(path, streamed.assessment as unknown as Record<string, unknown>, { findings: spool.findings(streamed.checks.length) });
      const whole = spool.bytes <= IN_MEMORY_FINDINGS_CHARS;
      if (!whole) findingsInMemory = false;
      const findings = [];
      for await (const f of spool.findings(streamed.checks.length)) {
        if (f.status === 'FAIL' && !f.suppression) openFailSeverities.push(f.severity);
        if (whole) findings.push(f);
      }
      assessments.push({ ...streamed.assessment, findings });
      files.push(path);
    } finally {
      spool.dispose();
    }
  }
  return { assessments, files, warnings: [...warnings], findingsInMemory, openFailSeverities };
}

/** --fail-on from the severities assessAndWrite counted (the same rule as fail-on.ts findingsAtOrAbove). */
export function openFailsAtOrAbove(severities: readonly Severity[], threshold: Severity): number {
  const limit = SEVERITIES.indexOf(threshold);
  return severities.filter((s) => SEVERITIES.indexOf(s) <= limit).length;
}
