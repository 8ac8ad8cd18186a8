/**
 * Secrets must never reach a snapshot, a report or a log. Everything that may carry one (error messages,
 * values we detect secrets in) goes through here.
 */

const PATTERNS: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{12,}\b/g, '$1****************'],
  // Session tokens and signatures are long base64 runs.
  [/\b[A-Za-z0-9/+=]{80,}\b/g, '[REDACTED-TOKEN]'],
  // 40-character secret access keys.
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, '[REDACTED-SECRET]'],
  [/(X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential)=[^&\s]+/gi, '$1=[REDACTED]'],
  [/(password|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, '$1$2[REDACTED]'],
];

/** Redacts access key ids, secret keys, session tokens and `password=...` style values from free text. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
