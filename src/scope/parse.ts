/**
 * Reads a scope file. Problems are ScopeFileErrors with file:line:column, like attestation files.
 */
import { ScopeFileError } from '../attest/errors.js';
import { issueAt, loadYamlDocument, zodIssues } from '../attest/yaml-source.js';
import { checkInputBytes, InputReadError, readInputFileSync } from '../io/bounded-read.js';
import { scopeFileSchema } from './schema.js';
import type { Scope } from './types.js';

export function parseScopes(text: string, file: string): Scope[] {
  const loaded = loadYamlDocument(text, file, { what: 'scope', keys: ['version', 'scopes'], whenEmpty: 'the file is empty' });
  if ('issues' in loaded) throw new ScopeFileError(file, loaded.issues);
  const { source, raw } = loaded;
  const parsed = scopeFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScopeFileError(file, zodIssues(source, parsed.error));
  const issues = [];
  const scopes: Scope[] = [];
  for (const [name, s] of Object.entries(parsed.data.scopes)) {
    const dup = s.accounts.find((a, i) => s.accounts.indexOf(a) !== i);
    if (dup) issues.push(issueAt(source, ['scopes', name, 'accounts', s.accounts.lastIndexOf(dup)], `account ${dup} is listed twice`));
    scopes.push({
      name,
      description: s.description ?? null,
      accounts: [...new Set(s.accounts)],
      regions: s.regions && s.regions.length > 0 ? s.regions : null,
      tags: s.tags ? Object.fromEntries(Object.entries(s.tags).map(([k, v]) => [k, typeof v === 'string' ? [v] : v])) : null,
      stacks: s.stacks && s.stacks.length > 0 ? s.stacks : null,
      caseStudy: s.caseStudy
        ? {
            customer: s.caseStudy.customer,
            productionDate: s.caseStudy.productionDate ?? null,
            publicUrl: s.caseStudy.publicUrl ?? null,
            description: s.caseStudy.description ?? null,
          }
        : null,
    });
  }
  if (issues.length > 0) throw new ScopeFileError(file, issues);
  return scopes;
}

/** The text of a scope input; a read problem (size, type) is a ScopeFileError naming the problem, never the content. */
function scopeText(file: string, read: () => Buffer): string {
  try {
    return read().toString('utf8');
  } catch (err) {
    if (!(err instanceof InputReadError)) throw err;
    throw new ScopeFileError(file, [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${err.reason}` }]);
  }
}

export function loadScopes(file: string): Scope[] {
  // A regular file of at most 1 MB (src/io/bounded-read.ts); the error says why, never what it holds.
  return parseScopes(scopeText(file, () => readInputFileSync(file, 'scope')), file);
}

/** A scope file uploaded to the dashboard: the same size limit, schema and errors as `--scope <file>`. */
export function uploadedScopes(name: string, bytes: Uint8Array): Scope[] {
  return parseScopes(scopeText(name, () => checkInputBytes(name, 'scope', bytes)), name);
}

/** The named scope of a file, or a ScopeFileError listing the names it has. */
export function selectScope(scopes: readonly Scope[], name: string, file: string): Scope {
  const found = scopes.find((s) => s.name === name);
  if (found) return found;
  throw new ScopeFileError(file, [
    { file, line: 1, column: 1, path: 'scopes', message: `no scope named "${name}" (defined: ${scopes.map((s) => s.name).join(', ')})` },
  ]);
}
