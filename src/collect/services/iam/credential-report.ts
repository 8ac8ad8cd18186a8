/** Parses the IAM credential report CSV into the slice shape, keeping only what checks read. */
import type { AccessKeySlot, CredentialReport, CredentialReportUser, RootCredentials } from '../../../core/slices/iam.js';

/** Splits one CSV line; the report has no quoted fields in practice, but quotes are handled anyway. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Report cells use N/A, no_information and not_supported for "no date". */
function dateCell(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === 'N/A' || value === 'no_information' || value === 'not_supported') {
    return null;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function boolCell(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

function keys(row: Readonly<Record<string, string>>): AccessKeySlot[] {
  return ([1, 2] as const).map((slot) => ({
    slot,
    active: boolCell(row[`access_key_${slot}_active`]),
    lastRotated: dateCell(row[`access_key_${slot}_last_rotated`]),
    lastUsed: dateCell(row[`access_key_${slot}_last_used_date`]),
  }));
}

/** Turns the report body (CSV text) into rows; the root row is `<root_account>` when present. */
export function parseCredentialReport(csv: string, generatedAt: string | null): CredentialReport {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  let root: RootCredentials | null = null;
  const users: CredentialReportUser[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = cells[i] ?? '';
    });
    const user = row.user ?? '';
    if (user === '<root_account>') {
      root = {
        arn: row.arn ?? '',
        passwordLastUsed: dateCell(row.password_last_used),
        mfaActive: boolCell(row.mfa_active),
        accessKeys: keys(row),
      };
      continue;
    }
    users.push({
      user,
      arn: row.arn ?? '',
      userCreationTime: dateCell(row.user_creation_time),
      passwordEnabled: boolCell(row.password_enabled),
      passwordLastUsed: dateCell(row.password_last_used),
      passwordLastChanged: dateCell(row.password_last_changed),
      mfaActive: boolCell(row.mfa_active),
      accessKeys: keys(row),
    });
  }
  return { generatedAt, root, users };
}

/** The SDK returns the report as bytes; some paths hand over base64 text. */
export function credentialReportText(content: Uint8Array | string | undefined): string {
  if (content === undefined) return '';
  if (typeof content !== 'string') return new TextDecoder().decode(content);
  if (content.startsWith('user,')) return content;
  return Buffer.from(content, 'base64').toString('utf8');
}
