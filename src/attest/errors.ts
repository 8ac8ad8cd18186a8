/**
 * Errors for hand-written input files (attestations, scopes). Every problem carries the file, line and
 * column it refers to; the CLI maps these errors to exit code 2 (they extend UserError).
 */
import { UserError } from '../core/errors.js';

/** One problem in an input file; line and column are 1-based. */
export interface InputIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the offending field (`items.1.25.date`), empty for syntax errors. */
  readonly path: string;
  readonly message: string;
}

export function formatIssue(issue: InputIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** A malformed or inconsistent input file. `issues` is sorted by position and never empty. */
export class InputFileError extends UserError {
  readonly file: string;
  readonly issues: readonly InputIssue[];

  constructor(kind: string, file: string, issues: readonly InputIssue[]) {
    const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
    const lines = sorted.map((i) => `  ${formatIssue(i)}`);
    super(`Invalid ${kind} file ${file} (${sorted.length} problem${sorted.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'InputFileError';
    this.file = file;
    this.issues = sorted;
  }

  /** The first problem, by position. */
  get first(): InputIssue {
    const first = this.issues[0];
    if (!first) throw new Error('InputFileError without issues');
    return first;
  }
}

/** An invalid ftr-attestations.yaml (syntax, schema, unknown item, wrong date, evidence hash mismatch). */
export class AttestationError extends InputFileError {
  constructor(file: string, issues: readonly InputIssue[]) {
    super('attestations', file, issues);
    this.name = 'AttestationError';
  }
}

/** An invalid scope file. */
export class ScopeFileError extends InputFileError {
  constructor(file: string, issues: readonly InputIssue[]) {
    super('scope', file, issues);
    this.name = 'ScopeFileError';
  }
}

/** `ftr attest init` would overwrite an existing file without --force. */
export class FileExistsError extends UserError {
  constructor(file: string) {
    super(`${file} already exists; pass --force to overwrite it.`);
    this.name = 'FileExistsError';
  }
}
