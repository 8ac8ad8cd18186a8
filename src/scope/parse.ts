/**
 * Reads a scope file. Problems are ScopeFileErrors with file:line:column, like attestation files.
 */
import { readFileSync } from 'node:fs';
import { ScopeFileError } from '../attest/errors.js';
import { issueAt, parseYamlSource, zodIssues } from '../attest/yaml-source.js';
import { scopeFileSchema } from './schema.js';
import type { Scope } from './types.js';

export function parseScopes(text: string, file: string): Scope[] {
  const source = parseYamlSource(text, file);
  if (source.syntaxIssues.length > 0) throw new ScopeFileError(file, source.syntaxIssues);
  const raw: unknown = source.doc.toJS();
  if (raw === null || raw === undefined || raw === '') {
    throw new ScopeFileError(file, [{ file, line: 1, column: 1, path: '', message: 'the file is empty' }]);
  }
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

export function loadScopes(file: string): Scope[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ScopeFileError(file, [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${reason}` }]);
  }
  return parseScopes(text, file);
}

/** The named scope of a file, or a ScopeFileError listing the names it has. */
export function selectScope(scopes: readonly Scope[], name: string, file: string): Scope {
  const found = scopes.find((s) => s.name === name);
  if (found) return found;
  throw new ScopeFileError(file, [
    { file, line: 1, column: 1, path: 'scopes', message: `no scope named "${name}" (defined: ${scopes.map((s) => s.name).join(', ')})` },
  ]);
}
