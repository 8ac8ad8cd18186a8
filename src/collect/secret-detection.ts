/**
 * Finds likely secrets in text (EC2 user data) and in environment variables (Lambda). Pure and
 * synchronous. It returns where a secret seems to be and what kind it is, with a redacted hint; it never
 * returns the value, so only these findings reach the snapshot (IAM-009: no credentials in code/config).
 *
 * Heuristics, tuned for few false positives:
 * - value patterns: AWS access key ids (AKIA/ASIA), 40-character secret keys next to a key id, private key
 *   blocks, credentials inside URLs, well-known token prefixes (ghp_, glpat-, xoxb-, sk_live_, AIza, npm_);
 * - name patterns: `password=`, `secret:`, `token=`, `api_key=` ... with a literal value. References
 *   (`$VAR`, `$(cmd)`, `{{resolve:...}}`, ARNs, parameter paths) and names that point at a secret rather than
 *   hold it (`DB_PASSWORD_ARN`, `TOKEN_TTL`) are ignored.
 * AWS documentation examples (`AKIAIOSFODNN7EXAMPLE`) are ignored.
 */
import { redact } from '../core/redact.js';
import type { SecretFinding, SecretKind } from '../core/slices/secrets.js';

/** Text beyond this many characters is not scanned (user data is at most 16 KB; gzip may expand it). */
const MAX_SCAN_CHARS = 1_000_000;
/** At most this many findings per text or variable set: enough for a verdict, small in the snapshot. */
const MAX_FINDINGS = 50;
/** Lines this close to an access key id make a 40-character value look like its secret key. */
const KEY_PAIR_LINE_DISTANCE = 5;

const ACCESS_KEY_ID = /(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])/g;
const SECRET_ACCESS_KEY = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
const URL_CREDENTIALS =
  /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s:/@'"`]{1,128}):([^\s@'"`]{1,256})@([^\s/?#'"`]{1,253})/g;

interface TokenPattern {
  readonly kind: SecretKind;
  readonly pattern: RegExp;
  /** Characters of the match that are safe to show (the public prefix). */
  readonly prefixLength: number;
}

const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'github-token', pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])/g, prefixLength: 4 },
  { kind: 'github-token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/g, prefixLength: 11 },
  { kind: 'gitlab-token', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,255}/g, prefixLength: 6 },
  { kind: 'slack-token', pattern: /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,255}/g, prefixLength: 5 },
  {
    kind: 'slack-webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{4,20}\/B[A-Z0-9]{4,20}\/[A-Za-z0-9]{8,64}/g,
    prefixLength: 33,
  },
  { kind: 'stripe-live-key', pattern: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{16,255}/g, prefixLength: 8 },
  { kind: 'google-api-key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, prefixLength: 4 },
  { kind: 'npm-token', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, prefixLength: 4 },
];

/** `name = value`, `name: value`, `"name": "value"`, `--name=value`, `--name value`. Quantifiers are bounded. */
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

/** Values that reference a secret stored elsewhere, or are placeholders, rather than a literal secret. */
function isLiteralSecretValue(raw: string): boolean {
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

function secretNameKind(name: string): SecretKind | null {
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

function clip(text: string, max = 64): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

/** Every hint goes through redact() as a second safety net. */
function hint(text: string): string {
  return redact(text);
}

function literalHint(name: string, value: string): string {
  return hint(`${clip(name)} set to a ${value.trim().length}-character literal`);
}

interface Hit {
  readonly kind: SecretKind;
  readonly hint: string;
  readonly start: number;
  readonly end: number;
}

function isLikelySecretAccessKey(candidate: string): boolean {
  return /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate) && !/EXAMPLE/i.test(candidate);
}

/** Value-shaped secrets (no name needed) inside one string. */
function valueHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(ACCESS_KEY_ID)) {
    const id = m[1] ?? '';
    if (id.endsWith('EXAMPLE')) continue;
    hits.push({ kind: 'aws-access-key-id', hint: hint(`${id.slice(0, 4)}**************** (access key id)`), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PRIVATE_KEY)) {
    hits.push({ kind: 'private-key', hint: `-----BEGIN ${m[1] ?? 'PRIVATE KEY'}----- block`, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(URL_CREDENTIALS)) {
    const [, scheme = '', user = '', password = '', host = ''] = m;
    if (/^[$%<{*]/.test(password) || /^[xX]+$/.test(password)) continue; // ${DB_PASS}, %PASS%, <password>, ****
    hits.push({
      kind: 'connection-string-credentials',
      hint: hint(`${scheme}://${clip(user, 32)}:****@${clip(host, 64)}`),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const { kind, pattern, prefixLength } of TOKEN_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      hits.push({ kind, hint: hint(`${m[0].slice(0, prefixLength)}**** (${m[0].length} chars)`), start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `name=value` style hits in one line, skipping values already covered by a value-shaped hit. */
function assignmentHits(line: string, taken: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of line.matchAll(ASSIGNMENT)) {
    const name = m[1] ?? '';
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const kind = secretNameKind(name);
    if (!kind || !isLiteralSecretValue(value)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => overlaps(t, span))) continue;
    hits.push({ kind, hint: literalHint(name, value), ...span });
  }
  return hits;
}

function pushUnique(out: SecretFinding[], finding: SecretFinding): void {
  if (out.length >= MAX_FINDINGS) return;
  if (out.some((f) => f.location === finding.location && f.kind === finding.kind && f.hint === finding.hint)) return;
  out.push(finding);
}

/**
 * Scans free text (user data, scripts, config files). Locations are `<prefix>:line <n>` (1-based).
 * Only redacted hints are returned.
 */
export function detectSecretsInText(text: string, locationPrefix = 'text'): SecretFinding[] {
  const lines = text.slice(0, MAX_SCAN_CHARS).split(/\r?\n/);
  const out: SecretFinding[] = [];
  const keyIdLines: number[] = [];
  const perLine = lines.map((line, i) => {
    const hits = valueHits(line);
    if (hits.some((h) => h.kind === 'aws-access-key-id')) keyIdLines.push(i);
    return hits;
  });

  lines.forEach((line, i) => {
    const hits = [...(perLine[i] ?? [])];
    const nearKeyId = keyIdLines.some((k) => Math.abs(k - i) <= KEY_PAIR_LINE_DISTANCE);
    for (const m of line.matchAll(SECRET_ACCESS_KEY)) {
      const candidate = m[1] ?? '';
      const span = { start: m.index, end: m.index + m[0].length };
      const namedAsSecretKey = /secret[_-]?access[_-]?key|aws[_-]?secret/i.test(line.slice(0, m.index));
      if ((nearKeyId || namedAsSecretKey) && isLikelySecretAccessKey(candidate) && !hits.some((h) => overlaps(h, span))) {
        hits.push({ kind: 'aws-secret-access-key', hint: '40-character AWS secret access key', ...span });
      }
    }
    hits.push(...assignmentHits(line, hits));
    for (const h of hits.sort((a, b) => a.start - b.start)) {
      pushUnique(out, { location: `${locationPrefix}:line ${i + 1}`, kind: h.kind, hint: h.hint });
    }
  });
  return out;
}

/**
 * Scans environment variables: their values for value-shaped secrets, and secret-like names
 * (`DB_PASSWORD`, `stripeApiKey`) holding a literal value. Locations are `<prefix>:<NAME>`.
 */
export function detectSecretsInVariables(
  variables: Readonly<Record<string, string | undefined>>,
  locationPrefix = 'env',
): SecretFinding[] {
  const out: SecretFinding[] = [];
  const entries = Object.entries(variables).map(([name, value]) => [name, (value ?? '').slice(0, MAX_SCAN_CHARS)] as const);
  const hasKeyId = entries.some(([, value]) => valueHits(value).some((h) => h.kind === 'aws-access-key-id'));

  for (const [name, value] of entries) {
    const location = `${locationPrefix}:${clip(name, 128)}`;
    const hits = valueHits(value);
    const trimmed = value.trim();
    const namedAsSecretKey = /secret[_-]?access[_-]?key|aws[_-]?secret/i.test(name);
    if (
      hits.length === 0 &&
      /^[A-Za-z0-9/+]{40}$/.test(trimmed) &&
      (hasKeyId || namedAsSecretKey) &&
      isLikelySecretAccessKey(trimmed)
    ) {
      hits.push({ kind: 'aws-secret-access-key', hint: hint(`${clip(name)} holds a 40-character AWS secret access key`), start: 0, end: value.length });
    }
    if (hits.length === 0) {
      const kind = secretNameKind(name);
      if (kind && isLiteralSecretValue(value)) {
        hits.push({ kind, hint: literalHint(name, value), start: 0, end: value.length });
      }
    }
    for (const h of hits) pushUnique(out, { location, kind: h.kind, hint: h.hint });
  }
  return out;
}
