/**
 * Evaluate a snapshot (optionally per scope / case study, with the attestations file) and write the
 * assessment files: shared by scan, evaluate and demo.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment } from '../core/assessment.js';
import type { DeliveryCategory, Framework } from '../core/framework.js';
import type { Snapshot } from '../core/snapshot.js';
import { ALL_CHECKS } from '../checks/index.js';
import { evaluate } from '../evaluate/evaluate.js';
import { applyScope } from '../scope/apply-scope.js';
import { loadScopes, selectScope } from '../scope/parse.js';
import type { Scope } from '../scope/types.js';
import { TOOL_VERSION } from '../version.js';
import { DEFAULT_ATTESTATIONS_FILE, readAttestationInputs } from './commands/attest.js';

export interface AssessOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  /** The attestations file; found automatically when undefined (see findAttestationsFile). */
  readonly attestationsFile?: string | undefined;
  /** More folders attestation evidence files may be in (`--evidence-root`). */
  readonly evidenceRoots?: readonly string[] | undefined;
  readonly scope?: Scope | null;
}

export interface AssessResult {
  readonly assessment: Assessment;
  readonly warnings: readonly string[];
}

export function assess(snapshot: Snapshot, options: AssessOptions): AssessResult {
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
  const assessment = evaluate(scope ? applyScope(snapshot, scope) : snapshot, options.framework, {
    delivery: options.delivery,
    checks: ALL_CHECKS,
    toolVersion: TOOL_VERSION,
    now,
    scopeName: scope?.name ?? null,
    attestations: inputs.attestations,
    gatingAnswers: inputs.gatingAnswers,
    suppressions: inputs.suppressions,
    caseStudy: scope?.caseStudy
      ? {
          id: scope.name,
          name: scope.description ?? scope.name,
          customer: scope.caseStudy.customer,
          ...(scope.caseStudy.productionDate ? { productionDate: scope.caseStudy.productionDate } : {}),
        }
      : null,
  });
  return { assessment, warnings: inputs.warnings };
}

/** `--attestations` if given, else ftr-attestations.yaml next to the snapshot, else in the current directory. */
export function findAttestationsFile(explicit: string | undefined, besideDir: string | undefined): string | undefined {
  if (explicit !== undefined) return explicit;
  if (besideDir !== undefined) {
    const beside = join(besideDir, DEFAULT_ATTESTATIONS_FILE);
    if (existsSync(beside)) return beside;
  }
  return undefined;
}

/** The scopes to evaluate: none (the whole scan), the named one, or every scope of the file (case studies). */
export function resolveScopes(scopeFile: string | undefined, scopeName: string | undefined): (Scope | null)[] {
  if (scopeFile === undefined) return [null];
  const scopes = loadScopes(scopeFile);
  return scopeName !== undefined ? [selectScope(scopes, scopeName, scopeFile)] : scopes;
}

export function assessmentFileName(scope: Scope | null, many: boolean): string {
  if (!scope || !many) return 'assessment.json';
  return `assessment-${scope.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
}

export async function writeAssessment(outDir: string, assessment: Assessment, fileName = 'assessment.json'): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, fileName);
  await writeFile(path, `${JSON.stringify(assessment, null, 2)}\n`);
  return path;
}

export interface AssessAndWriteOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly attestationsFile: string | undefined;
  readonly evidenceRoots?: readonly string[] | undefined;
  readonly scopes: readonly (Scope | null)[];
  readonly outDir: string;
}

export interface AssessAndWriteResult {
  readonly assessments: readonly Assessment[];
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

/** One assessment per scope (one for the whole scan without a scope file), each written to its own file. */
export async function assessAndWrite(snapshot: Snapshot, options: AssessAndWriteOptions): Promise<AssessAndWriteResult> {
  const assessments: Assessment[] = [];
  const files: string[] = [];
  const warnings = new Set<string>();
  const many = options.scopes.length > 1;
  for (const scope of options.scopes) {
    const result = assess(snapshot, {
      framework: options.framework,
      delivery: options.delivery,
      attestationsFile: options.attestationsFile,
      evidenceRoots: options.evidenceRoots,
      scope,
    });
    result.warnings.forEach((w) => warnings.add(w));
    assessments.push(result.assessment);
    files.push(await writeAssessment(options.outDir, result.assessment, assessmentFileName(scope, many)));
  }
  return { assessments, files, warnings: [...warnings] };
}
