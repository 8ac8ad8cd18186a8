/**
 * The secret heuristics secretlint's recommended preset does not have (secret-detection.ts runs both).
 * Each one reports a span of one line and a kind; none returns any character of a value.
 *
 * - `name = value` assignments whose name holds a secret (`password=`, `DB_PASSWORD:`, `--client-secret x`),
 *   also nested in a value (`CONFIG=password=hunter2`);
 * - credentials in any URL (`scheme://user:pass@host`, `https://APIKEY:X@host`, `https://<long token>@host`):
 *   secretlint's basic-auth rule only knows http/ftp, needs a 4-character password and skips any password
 *   containing "password";
 * - `mysql -pSECRET` (the password glued to -p);
 * - an AWS secret access key beside an access key id or after `aws_secret_access_key` without `=`;
 * - token formats the preset lacks: GitLab, Stripe live keys, Google API keys.
 * References (`$VAR`, `$(cmd)`, `{{resolve:...}}`, ARNs, parameter paths), placeholders and names that point
 * at a secret rather than hold it (`DB_PASSWORD_ARN`, `TOKEN_TTL`) are ignored. Quantifiers are bounded.
 */
import type { SecretKind } from '../core/slices/secrets.js';

export interface HeuristicHit {
  readonly kind: SecretKind;
  /** Offsets in the line. */
  readonly start: number;
  readonly end: number;
  /** For assignments: the variable or key name (shown in the hint; a name is not a secret). */
  readonly name?: string;
  /** For URL credentials: scheme and host (shown in the hint; the user and password never are). */
  readonly scheme?: string;
  readonly host?: string;
  /** Text of the match, used only to pick a public type prefix from a fixed list (see publicPrefix). */
  readonly matched?: string;
  /** How the hint should read: an assignment, a URL, a `mysql -p` argument, a token. */
  readonly shape: 'assignment' | 'url' | 'mysql-p' | 'token' | 'aws-secret-key';
}

/** Token formats secretlint's recommended preset does not detect. */
const EXTRA_TOKEN_PATTERNS: readonly { readonly kind: SecretKind; readonly pattern: RegExp }[] = [
  { kind: 'gitlab-token', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,255}/g },
  { kind: 'stripe-live-key', pattern: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{16,255}/g },
  { kind: 'google-api-key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
];

const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
const SECRET_ACCESS_KEY = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

/** `scheme://userinfo@host`: userinfo is `user:password` or a lone user. */
const URL_WITH_USERINFO = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s/?#@'"`<>]{1,512})@([^\s/?#'"`<>:@]{1,253})/g;

/** `mysql -pSECRET` and its siblings; `-p` alone prompts, `-p name` names a database, `-P` is the port. */
const MYSQL_PASSWORD_ARG = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mariadb|mariadb-dump)\b[^\n|;&]{0,512}?(?<=\s)-p([^\s'"`]{1,256}|'[^'\n]{1,256}'|"[^"\n]{1,256}")/g;

/** `name = value`, `name: value`, `"name": "value"`, `--name=value`, `--name value`. */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.])["']?([A-Za-z_][A-Za-z0-9_.-]{0,63})["']?(?:\s{0,8}[:=]\s{0,8}|(?<=--[A-Za-z0-9_.-]{1,64})\s{1,8})(?:"([^"\n]{0,512})"|'([^'\n]{0,512})'|([^\s"'`;&|,)}\]]{1,512}))/g;

/** Variable and key names that hold a secret. */
const SECRET_NAME = /(password|passwd|passphrase|pwd|secret|token|api[-_]?key|apikey|private[-_]?key|access[-_]?key|credentials?)/i;
/** Names that point at a secret, or describe one, rather than hold it: `DB_PASSWORD_ARN`, `TOKEN_TTL`. */
const REFERENCE_NAME_SUFFIX =
  /(?:^|[_.-])(arn|name|id|path|file|ttl|expiry|expires|expiration|length|len|enabled|rotation|header|type|region|endpoint|url|uri|policy|version|prefix|field|param|parameter|store|provider|source|mode|duration|timeout|size|count|format|key[_-]?id|secret[_-]?id|min|max)$/;
/** Shell/OS variables whose names look secret-like but are not. */
const IGNORED_NAMES = new Set(['pwd', 'oldpwd']);
const NON_SECRET_VALUES = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'none', 'null', 'nil', 'undefined', 'required', 'optional',
  'enabled', 'disabled', 'redacted', 'changeit-placeholder', 'example',
]);
/** Nested assignments (`A=b=c=d`) are followed this deep. */
const MAX_NESTING = 3;

/** Values that reference a secret stored elsewhere, or are placeholders, rather than a literal secret. */
export function isLiteralSecretValue(raw: string): boolean {
  const value = raw.trim();
  if (value.length < 4) return false;
  if (NON_SECRET_VALUES.has(value.toLowerCase())) return false;
  if (/^\d{1,5}$/.test(value)) return false;
  if (/^[*xX.#-]+$/.test(value)) return false; // ****, xxxx
  if (/^[$`%!<{[(]/.test(value)) return false; // $VAR, ${VAR}, $(cmd), `cmd`, %VAR%, !Ref, <placeholder>, {{resolve:..}}
  if (/^arn:aws[a-z-]*:/i.test(value)) return false;
  if (/^(ssm|secretsmanager|resolve|vault|awskms|kms):/i.test(value)) return false;
  if (/^\/[\w./-]+$/.test(value)) return false; // a parameter or file path
  if (/example/i.test(value)) return false;
  return true;
}

/** A URL's user or password taken from elsewhere: `${DB_PASS}`, `$PASS`, `%PASS%`, `<password>`, `{{pass}}`. */
const isUrlReference = (part: string): boolean => /^[$%<{]/.test(part);
/** A password that only fills the slot when the user part is the key (`KEY:X@`, `TOKEN:x-oauth-basic@`). */
const isDummyPassword = (part: string): boolean => part.length === 0 || /^[xX*]+$/.test(part) || /^x-oauth-basic$/i.test(part);
/** Documentation placeholders: `https://user:password@host`. */
const isPlaceholderWord = (part: string): boolean => /^(user(name)?|pass(word)?|secret|token)$/i.test(part);

/** The kind a secret-like name implies, or null when the name does not hold a secret. */
export function secretNameKind(name: string): SecretKind | null {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (IGNORED_NAMES.has(snake)) return null;
  const m = SECRET_NAME.exec(snake);
  if (!m?.[1]) return null;
  if (REFERENCE_NAME_SUFFIX.test(snake)) return null;
  const word = m[1].toLowerCase();
  if (/^(password|passwd|passphrase|pwd)$/.test(word)) return 'password-assignment';
  if (word === 'token') return 'token-assignment';
  if (/^(api[-_]?key|apikey)$/.test(word)) return 'api-key-assignment';
  return 'secret-assignment';
}

function isLikelySecretAccessKey(candidate: string): boolean {
  return /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate) && !/EXAMPLE/i.test(candidate);
}

export function containsAccessKeyId(text: string): boolean {
  const m = ACCESS_KEY_ID.exec(text);
  return m !== null && !m[0].endsWith('EXAMPLE');
}

/** Token formats the preset lacks. */
export function extraTokenHits(line: string): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const { kind, pattern } of EXTRA_TOKEN_PATTERNS) {
    for (const m of line.matchAll(pattern)) hits.push({ kind, start: m.index, end: m.index + m[0].length, matched: m[0], shape: 'token' });
  }
  return hits;
}

/** Credentials in the userinfo part of a URL, whatever the scheme. */
export function urlCredentialHits(line: string): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const m of line.matchAll(URL_WITH_USERINFO)) {
    const [, scheme = '', userinfo = '', host = ''] = m;
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    const password = colon < 0 ? '' : userinfo.slice(colon + 1);
    let credential: boolean;
    if (colon < 0) {
      // A lone user (`ssh://git@host`) is a credential only when it looks like a token (`https://<token>@host`).
      credential = /^[A-Za-z0-9_-]{20,}$/.test(user) && /\d/.test(user) && /[A-Za-z]/.test(user);
    } else if (isUrlReference(password)) {
      credential = false;
    } else if (isDummyPassword(password)) {
      credential = user.length >= 4 && !isUrlReference(user) && !isPlaceholderWord(user);
    } else {
      credential = !isPlaceholderWord(password);
    }
    if (!credential) continue;
    hits.push({ kind: 'connection-string-credentials', start: m.index, end: m.index + m[0].length, scheme, host, shape: 'url' });
  }
  return hits;
}

/** `mysql -pSECRET`. */
export function mysqlPasswordHits(line: string): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const m of line.matchAll(MYSQL_PASSWORD_ARG)) {
    const value = (m[1] ?? '').replace(/^['"]|['"]$/g, '');
    if (value.length === 0 || /^[$`%<{(*]/.test(value)) continue; // -p$MYSQL_PWD, -p"$(cat file)"
    hits.push({ kind: 'password-assignment', start: m.index, end: m.index + m[0].length, shape: 'mysql-p' });
  }
  return hits;
}

/** `name=value` hits in one line, following values that are themselves assignments (`CONFIG=password=x`). */
export function assignmentHits(line: string, offset = 0, depth = 0): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const m of line.matchAll(ASSIGNMENT)) {
    const name = m[1] ?? '';
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const kind = secretNameKind(name);
    if (kind && isLiteralSecretValue(value)) {
      hits.push({ kind, start: offset + m.index, end: offset + m.index + m[0].length, name, shape: 'assignment' });
    } else if (depth < MAX_NESTING && /=|(?:^|\s)--[A-Za-z]/.test(value) && !/^arn:/i.test(value)) {
      // The value may itself hold `name=value` pairs: CONFIG=password=hunter2, OPTS="user=a password=b".
      const valueStart = m.index + m[0].length - value.length - (m[2] !== undefined || m[3] !== undefined ? 1 : 0);
      hits.push(...assignmentHits(value, offset + valueStart, depth + 1));
    }
  }
  return hits;
}

/**
 * 40-character AWS secret access keys that secretlint misses: beside an access key id (a few lines away
 * in text, anywhere in a variable set) or after `aws_secret_access_key` with a space instead of `=`.
 */
export function secretAccessKeyHits(line: string, nearKeyId: boolean): HeuristicHit[] {
  const hits: HeuristicHit[] = [];
  for (const m of line.matchAll(SECRET_ACCESS_KEY)) {
    const candidate = m[1] ?? '';
    const namedAsSecretKey = /secret[_-]?access[_-]?key|aws[_-]?secret/i.test(line.slice(0, m.index));
    if ((nearKeyId || namedAsSecretKey) && isLikelySecretAccessKey(candidate)) {
      hits.push({ kind: 'aws-secret-access-key', start: m.index, end: m.index + m[0].length, shape: 'aws-secret-key' });
    }
  }
  return hits;
}
