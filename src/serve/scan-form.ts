/**
 * The dashboard's scan form (src/serve/pages/scans.tsx) turned into a scan job request, through the CLI's own
 * rules: `parseScanFlags` (src/cli/options.ts) for the collection flags, `pickScopes` (src/cli/write-assessment.ts)
 * for `--scope` / `--scope-name`, and `uploadedScopes` (src/scope/parse.ts: the `--scope` file's size limit,
 * zod schema and file:line:column errors) for an uploaded scope file. A bad value is the UserError the CLI
 * would print for it.
 *
 * `ftr scan` options the form leaves out, because they make no sense for a job the server runs:
 * - `--format`, `--chromium`: every assessment page exports every report format (PDF with the server's Chromium);
 * - `--out`: the job's folder is the server's (docs/workspace.md); `--db`: the job records into this store;
 * - `--fail-on`: an exit code, and there is no process to exit;
 * - `--resume`: the Resume button of an incomplete job;
 * - `--queue`, `--unit-timeout`: distributed scans are `ftr scan --queue` (docs/decisions/0011);
 * - `--attestations`, `--no-attestations`, `--evidence-root`: jobs evaluate with the workspace's stored attestations.
 */
import { DEFAULT_SCAN_CONCURRENCY, DEFAULT_SCAN_MAX_ATTEMPTS, DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY, DEFAULT_SCAN_ROLE_NAME, parseScanFlags } from '../cli/options.js';
import { pickScopes } from '../cli/write-assessment.js';
import { UserError } from '../core/errors.js';
import { uploadedScopes } from '../scope/parse.js';
import type { Scope } from '../scope/types.js';
import type { ScanRequest } from './jobs.js';
import { STORED_SCOPE_PREFIX, type ScanFormValues } from './pages/scans.js';

/** The form's text fields (shown again after an error); the external id is read apart and never echoed. */
const TEXT_FIELDS = ['framework', 'delivery', 'org', 'accounts', 'roleName', 'profile', 'regions', 'scope', 'scopeName', 'deepRegions', 'concurrency', 'perAccountConcurrency', 'maxAttempts', 'workers'] as const;

export interface ScanFormInput {
  readonly request: ScanRequest;
  readonly externalId: string | undefined;
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** What the form posted, for showing it again with an error. */
export function scanFormValues(body: Record<string, unknown>): ScanFormValues {
  return Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(body, name)]));
}

/** An uploaded file's name as a label in messages: no folders, no control characters, not too long. */
function uploadLabel(file: File): string {
  const base = file.name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- the point is to drop control characters
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120);
  return clean === '' ? 'the uploaded scope file' : clean;
}

/**
 * The request (and the external id, kept apart) for a posted form; `storedScopes` are the scopes the
 * workspace keeps (`store.assessments.scopeDefinitions()`), one of which the form may pick.
 */
export async function scanRequestFromForm(body: Record<string, unknown>, storedScopes: () => Promise<readonly Scope[]>): Promise<ScanFormInput> {
  const optional = (name: string): string | undefined => text(body, name) || undefined;
  const flags = parseScanFlags({
    org: text(body, 'org') !== '',
    roleName: text(body, 'roleName') || DEFAULT_SCAN_ROLE_NAME,
    externalId: optional('externalId'),
    profile: optional('profile'),
    regions: optional('regions'),
    accounts: optional('accounts'),
    deepRegions: text(body, 'deepRegions') !== '',
    framework: text(body, 'framework'),
    delivery: text(body, 'delivery'),
    concurrency: text(body, 'concurrency') || String(DEFAULT_SCAN_CONCURRENCY),
    perAccountConcurrency: text(body, 'perAccountConcurrency') || String(DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY),
    maxAttempts: text(body, 'maxAttempts') || String(DEFAULT_SCAN_MAX_ATTEMPTS),
    workers: optional('workers'),
  });

  const upload = body.scopeFile instanceof File && body.scopeFile.size > 0 ? body.scopeFile : null;
  const storedName = text(body, 'scope').startsWith(STORED_SCOPE_PREFIX) ? text(body, 'scope').slice(STORED_SCOPE_PREFIX.length) : null;
  if (upload && storedName !== null) throw new UserError(`Pick a stored scope or upload a scope file, not both (stored: "${storedName}", uploaded: ${uploadLabel(upload)}).`);
  let source: { file: string; scopes: () => Scope[] } | undefined;
  let scopeSource: string | undefined;
  if (upload) {
    const label = uploadLabel(upload);
    const bytes = new Uint8Array(await upload.arrayBuffer());
    source = { file: label, scopes: () => uploadedScopes(label, bytes) };
    scopeSource = label;
  } else if (storedName !== null) {
    const stored = (await storedScopes()).find((s) => s.name === storedName);
    if (!stored) throw new UserError(`The workspace stores no scope named "${storedName}" (it may have been removed); pick another or upload a scope file.`);
    source = { file: `the stored scope "${storedName}"`, scopes: () => [stored] };
    scopeSource = 'stored';
  }
  const scopes = pickScopes(source, optional('scopeName')).filter((s): s is Scope => s !== null);

  return {
    externalId: flags.externalId,
    request: {
      org: flags.org,
      roleName: flags.roleName,
      profile: flags.profile,
      regions: flags.regions,
      accounts: flags.accounts,
      deepRegions: flags.deepRegions,
      frameworkId: flags.framework.id,
      delivery: flags.delivery,
      concurrency: flags.concurrency,
      perAccountConcurrency: flags.perAccountConcurrency,
      maxAttempts: flags.maxAttempts,
      workers: flags.workers,
      ...(scopes.length > 0 ? { scopes, scopeSource } : {}),
    },
  };
}
