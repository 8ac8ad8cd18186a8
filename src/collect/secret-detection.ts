/**
 * Finds likely secrets in EC2 user data (instances and launch templates) and in Lambda environment
 * variables. It returns where a secret seems to be and what kind it is; it never returns the value, nor its
 * length, nor any of its characters beyond a fixed public type prefix (`ghp_`, `AKIA`), so only "where and
 * what kind" reaches the snapshot, the assessment and the reports (IAM-009: no credentials in code/config).
 *
 * Two layers, merged:
 * 1. secretlint (`@secretlint/core` + `@secretlint/secretlint-rule-preset-recommend`): AWS access key ids and
 *    secret keys, private keys, GitHub, Slack, npm, OpenAI, Anthropic, SendGrid, Shopify, Linear and
 *    1Password tokens, GCP service-account keys, basic-auth URLs, database connection strings. Its
 *    filter-comments rule is off: a `secretlint-disable` comment in user data must not hide a secret from
 *    a review. Its messages (which quote the secret) are never read: only the rule, the message id and the
 *    offsets.
 * 2. The heuristics secretlint lacks (secret-heuristics.ts): password-ish assignments, credentials in any
 *    URL, `mysql -pSECRET`, AWS secret keys beside a key id, GitLab/Stripe/Google API keys.
 * AWS documentation examples (`AKIAIOSFODNN7EXAMPLE`) are ignored.
 */
import { lintSource } from '@secretlint/core';
import { creator as secretlintRecommended } from '@secretlint/secretlint-rule-preset-recommend';
import { redact } from '../core/redact.js';
import type { SecretFinding, SecretKind } from '../core/slices/secrets.js';
import {
  assignmentHits,
  containsAccessKeyId,
  extraTokenHits,
  isLiteralSecretValue,
  mysqlPasswordHits,
  secretAccessKeyHits,
  secretNameKind,
  urlCredentialHits,
  type HeuristicHit,
} from './secret-heuristics.js';

/** Text beyond this many characters is not scanned (user data is at most 16 KB; gzip may expand it). */
const MAX_SCAN_CHARS = 1_000_000;
/** At most this many findings per text or variable set: enough for a verdict, small in the snapshot. */
const MAX_FINDINGS = 50;
/** Lines this close to an access key id make a 40-character value look like its secret key. */
const KEY_PAIR_LINE_DISTANCE = 5;

type SecretlintConfig = Parameters<typeof lintSource>[0]['options']['config'];

const SECRETLINT_CONFIG: SecretlintConfig = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: secretlintRecommended,
      rules: [
        // Access key ids are off by default in secretlint; a key id in user data is a finding for us.
        { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
        { id: '@secretlint/secretlint-rule-filter-comments', disabled: true },
      ],
    },
  ],
};

/** secretlint rule (and message id) -> our kind. A rule we do not know yet is still reported, as other-token. */
function secretlintKind(ruleId: string, messageId: string | undefined): SecretKind | null {
  const rule = ruleId.replace('@secretlint/secretlint-rule-', '');
  switch (rule) {
    case 'aws':
      if (messageId === 'AWSAccountID') return null; // an account id is not a secret
      return messageId === 'AWSAccessKeyID' ? 'aws-access-key-id' : 'aws-secret-access-key';
    case 'privatekey':
      return 'private-key';
    case 'basicauth':
    case 'database-connection-string':
      return 'connection-string-credentials';
    case 'github':
      return 'github-token';
    case 'slack':
      return messageId === 'IncomingWebhook' ? 'slack-webhook' : 'slack-token';
    case 'npm':
      return 'npm-token';
    case 'gcp':
      return 'gcp-service-account-key';
    case 'openai':
      return 'openai-api-key';
    case 'anthropic':
      return 'anthropic-api-key';
    case 'sendgrid':
      return 'sendgrid-api-key';
    case 'shopify':
      return 'shopify-token';
    case 'linear':
      return 'linear-api-key';
    case '1password':
      return 'onepassword-token';
    default:
      return 'other-token';
  }
}

const KIND_LABEL: Record<SecretKind, string> = {
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'private-key': 'private key block',
  'password-assignment': 'password',
  'secret-assignment': 'secret',
  'token-assignment': 'token',
  'api-key-assignment': 'API key',
  'connection-string-credentials': 'credentials in a URL',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack incoming webhook URL',
  'stripe-live-key': 'Stripe live key',
  'google-api-key': 'Google API key',
  'npm-token': 'npm token',
  'gcp-service-account-key': 'GCP service account key',
  'openai-api-key': 'OpenAI API key',
  'anthropic-api-key': 'Anthropic API key',
  'sendgrid-api-key': 'SendGrid API key',
  'shopify-token': 'Shopify token',
  'linear-api-key': 'Linear API key',
  'onepassword-token': '1Password service account token',
  'other-token': 'token',
};

/**
 * The public, fixed prefixes that say which type of token it is and nothing about which token. A hint may
 * show one of these and nothing else of a value.
 */
const PUBLIC_PREFIXES = [
  'github_pat_', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'glpat-', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-',
  'sk_live_', 'rk_live_', 'npm_', 'AKIA', 'ASIA', 'AIza', 'sk-ant-', 'sk-proj-', 'shpat_', 'shpss_', 'shpca_', 'shppa_',
  'lin_api_', 'ops_', 'SG.',
] as const;

function publicPrefix(matched: string): string | null {
  return PUBLIC_PREFIXES.find((p) => matched.startsWith(p)) ?? null;
}

function clip(text: string, max = 64): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

interface Hit {
  readonly kind: SecretKind;
  /** Absolute offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly hint: string;
  /** secretlint and token formats win over the name- and URL-shaped heuristics on the same span. */
  readonly specific: boolean;
}

/** Every hint is built from fixed words, a name, a URL's scheme and host, and at most a public prefix. */
function heuristicHint(h: HeuristicHit): string {
  switch (h.shape) {
    case 'assignment':
      return `${clip(h.name ?? '')} set to a literal value`;
    case 'url':
      return `${clip(h.scheme ?? '', 20)}://****@${clip(h.host ?? '', 64)} (credentials in a URL)`;
    case 'mysql-p':
      return 'mysql -p with a literal password';
    case 'aws-secret-key':
      return KIND_LABEL['aws-secret-access-key'];
    case 'token': {
      const prefix = publicPrefix(h.matched ?? '');
      return prefix ? `${KIND_LABEL[h.kind]} (${prefix}...)` : KIND_LABEL[h.kind];
    }
  }
}

function secretlintHint(kind: SecretKind, matched: string): string {
  if (kind === 'connection-string-credentials') {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,19}):\/\//.exec(matched)?.[1];
    const host = /@([^\s/?#'"`<>:@]{1,253})/.exec(matched)?.[1];
    return scheme && host ? `${scheme}://****@${clip(host)} (credentials in a URL)` : KIND_LABEL[kind];
  }
  const prefix = publicPrefix(matched);
  return prefix ? `${KIND_LABEL[kind]} (${prefix}...)` : KIND_LABEL[kind];
}

async function secretlintHits(content: string): Promise<Hit[]> {
  const result = await lintSource({
    source: { content, filePath: 'scanned-text.txt', ext: '.txt', contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  const hits: Hit[] = [];
  for (const message of result.messages) {
    const kind = secretlintKind(message.ruleId, message.messageId);
    if (!kind) continue;
    const [start, end] = message.range;
    const matched = content.slice(start, end);
    if (/EXAMPLE/.test(matched)) continue; // AWS documentation keys
    hits.push({ kind, start, end, hint: secretlintHint(kind, matched), specific: true });
  }
  return hits;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Our heuristics over one line (offset = where the line starts in the scanned text). */
function lineHits(line: string, offset: number, nearKeyId: boolean): Hit[] {
  const at = (h: HeuristicHit, specific: boolean): Hit => ({
    kind: h.kind,
    start: offset + h.start,
    end: offset + h.end,
    hint: heuristicHint(h),
    specific,
  });
  return [
    ...extraTokenHits(line).map((h) => at(h, true)),
    ...secretAccessKeyHits(line, nearKeyId).map((h) => at(h, true)),
    ...urlCredentialHits(line).map((h) => at(h, false)),
    ...mysqlPasswordHits(line).map((h) => at(h, false)),
    ...assignmentHits(line).map((h) => at(h, false)),
  ];
}

/**
 * Keeps every specific hit, and a generic one only where no specific hit (or earlier generic one) covers
 * the same span, so `GITHUB_TOKEN=ghp_...` is one GitHub token, not also a token assignment.
 */
function merge(hits: readonly Hit[]): Hit[] {
  const specific = hits.filter((h) => h.specific);
  const kept: Hit[] = [...specific];
  for (const h of hits.filter((x) => !x.specific)) {
    if (!kept.some((k) => overlaps(k, h))) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function pushUnique(out: SecretFinding[], finding: SecretFinding): void {
  if (out.length >= MAX_FINDINGS) return;
  if (out.some((f) => f.location === finding.location && f.kind === finding.kind && f.hint === finding.hint)) return;
  // redact() is a second safety net: a hint is built without value characters, and stays that way.
  out.push({ ...finding, hint: redact(finding.hint) });
}

/** Start offset of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the last start <= offset. */
function indexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Scans free text (user data, scripts, config files). Locations are `<prefix>:line <n>` (1-based).
 */
export async function detectSecretsInText(text: string, locationPrefix = 'text'): Promise<SecretFinding[]> {
  const content = text.slice(0, MAX_SCAN_CHARS);
  const starts = lineStarts(content);
  const lines = content.split('\n');
  const keyIdLines = lines.flatMap((line, i) => (containsAccessKeyId(line) ? [i] : []));
  const hits: Hit[] = await secretlintHits(content);
  lines.forEach((line, i) => {
    const nearKeyId = keyIdLines.some((k) => Math.abs(k - i) <= KEY_PAIR_LINE_DISTANCE);
    hits.push(...lineHits(line.replace(/\r$/, ''), starts[i] ?? 0, nearKeyId));
  });
  const out: SecretFinding[] = [];
  for (const h of merge(hits)) {
    pushUnique(out, { location: `${locationPrefix}:line ${indexAt(starts, h.start) + 1}`, kind: h.kind, hint: h.hint });
  }
  return out;
}

/**
 * Scans environment variables: each value for secrets (value-shaped, URL, nested `password=`), and
 * secret-like names (`DB_PASSWORD`, `stripeApiKey`) holding a literal value. Locations are `<prefix>:<NAME>`.
 */
export async function detectSecretsInVariables(
  variables: Readonly<Record<string, string | undefined>>,
  locationPrefix = 'env',
): Promise<SecretFinding[]> {
  const entries = Object.entries(variables).map(([name, value]) => ({ name, value: (value ?? '').slice(0, MAX_SCAN_CHARS) }));
  // One secretlint pass over `NAME=value` lines (its AWS secret key rule needs the name); offsets map back.
  let text = '';
  const entryStarts: number[] = [];
  const valueStarts: number[] = [];
  for (const { name, value } of entries) {
    entryStarts.push(text.length);
    valueStarts.push(text.length + name.length + 1);
    text += `${name}=${value}\n`;
  }
  const hasKeyId = entries.some(({ value }) => containsAccessKeyId(value));
  const hits: Hit[] = await secretlintHits(text);
  entries.forEach(({ name, value }, i) => {
    const valueStart = valueStarts[i] ?? 0;
    let offset = valueStart;
    const namedAsSecretKey = /secret[_-]?access[_-]?key|aws[_-]?secret/i.test(name);
    for (const line of value.split('\n')) {
      hits.push(...lineHits(line, offset, hasKeyId || namedAsSecretKey));
      offset += line.length + 1;
    }
    const kind = secretNameKind(name);
    if (kind && isLiteralSecretValue(value)) {
      const span = { start: valueStart, end: valueStart + value.length };
      hits.push({ kind, ...span, hint: `${clip(name)} set to a literal value`, specific: false });
    }
  });
  const out: SecretFinding[] = [];
  for (const h of merge(hits)) {
    const name = entries[indexAt(entryStarts, h.start)]?.name ?? '';
    pushUnique(out, { location: `${locationPrefix}:${clip(name, 128)}`, kind: h.kind, hint: h.hint });
  }
  return out;
}
