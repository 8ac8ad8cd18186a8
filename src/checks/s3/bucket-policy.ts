/**
 * Pure analysis of S3 bucket policy documents: does a policy grant public access, and does it deny
 * requests that do not use TLS (aws:SecureTransport = false)?
 *
 * "Public" follows Amazon S3's own definition (User Guide, "The meaning of public"): an Allow statement
 * whose principal is a wildcard is public unless a condition pins it to fixed values of a restricting key
 * (aws:SourceIp CIDRs, aws:SourceVpc/SourceVpce, aws:SourceArn/SourceAccount/SourceOwner, organization and
 * principal keys, ...). A fixed value contains no wildcard and no policy variable. Only statements that
 * allow a "bad action" (s3:Get*, s3:List*, s3:Put*, s3:Delete*, s3:AbortMultipartUpload, s3:RestoreObject)
 * count. When AWS reports `IsPublic` (GetBucketPolicyStatus), callers prefer that answer.
 */

import { parseNetwork } from '../ec2/internet-ranges.js';

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

export type ParsedPolicy = { readonly ok: true; readonly statements: readonly PolicyStatement[] } | { readonly ok: false; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a policy document; a malformed one is reported, never guessed. */
export function parsePolicy(text: string): ParsedPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the bucket policy is not valid JSON' };
  }
  if (!isRecord(doc)) return { ok: false, reason: 'the bucket policy is not a JSON object' };
  const raw = doc.Statement;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (!list.every(isRecord)) return { ok: false, reason: 'the bucket policy has a malformed Statement' };
  return { ok: true, statements: list };
}

/** A policy value that may be a string, a list of strings, or a boolean, as a list of strings. */
function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'boolean' || typeof v === 'number' ? [String(v)] : []));
}

/** Statement label for messages: its Sid, or its position. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `#${index + 1}`;
}

/** `*`, `{ "AWS": "*" }`, `{ "AWS": ["*", ...] }` or an AWS principal with a wildcard account (arn:aws:iam::*:root). */
export function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  return Object.entries(principal).some(([kind, value]) =>
    strings(value).some((p) => p === '*' || (kind === 'AWS' && p.includes('*'))),
  );
}

/** Glob match of IAM patterns (`*` any run, `?` one character). */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

const BAD_ACTION_PREFIXES = ['s3:get', 's3:list', 's3:put', 's3:delete', 's3:abortmultipartupload', 's3:restoreobject'];

/** Whether an action pattern can match one of S3's "bad actions" (reads or writes of the data). */
function isBadActionPattern(pattern: string): boolean {
  const p = pattern.toLowerCase();
  const wildcard = p.search(/[*?]/);
  if (wildcard === -1) return BAD_ACTION_PREFIXES.some((bad) => p.startsWith(bad));
  const literal = p.slice(0, wildcard);
  return BAD_ACTION_PREFIXES.some((bad) => bad.startsWith(literal) || literal.startsWith(bad));
}

function grantsBadAction(statement: PolicyStatement): boolean {
  if (statement.NotAction !== undefined) return true; // "everything except ..." includes data access
  return strings(statement.Action).some(isBadActionPattern);
}

/** Condition keys that, pinned to fixed values, make a wildcard principal non-public (lower case). */
const RESTRICTING_KEYS = new Set([
  'aws:sourceip',
  'aws:vpcsourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

/** Operators that require the key to match the listed values (ForAllValues and IfExists pass on a missing key). */
const MATCHING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);

/** A CIDR wider than /8 (IPv4) or /32 (IPv6), or one that does not parse, is treated as "anyone" (S3's rule). */
function isBroadCidr(value: string): boolean {
  const network = parseNetwork(value);
  if (!network) return true;
  return network.family === 'ipv6' ? network.prefix < 32 : network.prefix < 8;
}

function isFixedValue(key: string, value: string): boolean {
  if (value === '' || /[*?]/.test(value) || value.includes('${')) return false;
  if (key === 'aws:sourceip' || key === 'aws:vpcsourceip') return !isBroadCidr(value);
  return true;
}

/** Whether a statement's conditions pin the caller to fixed values of a restricting key. */
export function hasRestrictingCondition(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  return Object.entries(condition).some(([rawOperator, block]) => {
    let operator = rawOperator.toLowerCase();
    if (operator.startsWith('forallvalues:') || operator.endsWith('ifexists')) return false;
    if (operator.startsWith('foranyvalue:')) operator = operator.slice('foranyvalue:'.length);
    if (!MATCHING_OPERATORS.has(operator) || !isRecord(block)) return false;
    return Object.entries(block).some(([rawKey, value]) => {
      const key = rawKey.toLowerCase();
      const values = strings(value);
      return RESTRICTING_KEYS.has(key) && values.length > 0 && values.every((v) => isFixedValue(key, v));
    });
  });
}

/** Labels of the statements that make the policy public (empty = not public). */
export function publicStatements(statements: readonly PolicyStatement[]): string[] {
  const out: string[] = [];
  statements.forEach((statement, index) => {
    if (statement.Effect !== 'Allow') return;
    const everyone = statement.NotPrincipal !== undefined || isWildcardPrincipal(statement.Principal);
    if (!everyone || !grantsBadAction(statement)) return;
    if (hasRestrictingCondition(statement.Condition)) return;
    out.push(statementLabel(statement, index));
  });
  return out;
}

/**
 * Whether a Deny statement's condition is exactly "the request is not over TLS": one Bool/BoolIfExists
 * operator with the single key aws:SecureTransport = false. Conditions are ANDed, so any other operator or
 * key narrows the Deny to some plain-HTTP requests only.
 */
function deniesEveryPlainHttpRequest(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  const operators = Object.entries(condition);
  if (operators.length !== 1) return false;
  const [operator, block] = operators[0] ?? [];
  const op = (operator ?? '').toLowerCase();
  if ((op !== 'bool' && op !== 'boolifexists') || !isRecord(block)) return false;
  const keys = Object.entries(block);
  if (keys.length !== 1) return false;
  const [key, value] = keys[0] ?? [];
  return (key ?? '').toLowerCase() === 'aws:securetransport' && strings(value).some((v) => v.toLowerCase() === 'false');
}

/** Whether a statement's Action (or NotAction) covers `action`. */
function coversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) return !strings(statement.NotAction).some((pattern) => globMatch(pattern, action, true));
  return strings(statement.Action).some((pattern) => globMatch(pattern, action, true));
}

/**
 * Labels of the statements that together deny every principal reading and writing objects of `bucketArn`
 * over plain HTTP (Effect Deny, Principal *, the objects' ARN as Resource, a condition that is exactly
 * `Bool: { aws:SecureTransport: false }`, and between them s3:GetObject and s3:PutObject); null when the
 * policy does not.
 */
export function secureTransportStatement(statements: readonly PolicyStatement[], bucketArn: string): string | null {
  const objectArn = `${bucketArn}/any-object-key`;
  const denying = [...statements.entries()].filter(
    ([, statement]) =>
      statement.Effect === 'Deny' &&
      isWildcardPrincipal(statement.Principal) &&
      strings(statement.Resource).some((pattern) => globMatch(pattern, objectArn)) &&
      deniesEveryPlainHttpRequest(statement.Condition),
  );
  const covering = (action: string) => denying.filter(([, statement]) => coversAction(statement, action));
  const get = covering('s3:GetObject');
  const put = covering('s3:PutObject');
  if (get.length === 0 || put.length === 0) return null;
  // Prefer one statement that covers both; otherwise name the pair.
  const both = get.find(([index]) => put.some(([other]) => other === index));
  if (both) return statementLabel(both[1], both[0]);
  const [g, p] = [get[0], put[0]];
  return g && p ? `${statementLabel(g[1], g[0])}, ${statementLabel(p[1], p[0])}` : null;
}
