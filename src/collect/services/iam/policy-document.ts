/** Decodes IAM policy documents: URL-encoded JSON in real AWS, sometimes already decoded (moto). */
import type { PolicyDocument, PolicyStatement } from '../../../core/slices/iam.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the decoded document with `Statement` as an array, or null when it cannot be read. */
export function decodePolicyDocument(raw: unknown): PolicyDocument | null {
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    const text = raw.trimStart().startsWith('{') ? raw : safeDecodeUri(raw);
    if (text === null) return null;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (!isRecord(parsed)) return null;
  const statement = parsed.Statement;
  const statements: unknown[] = Array.isArray(statement) ? statement : isRecord(statement) ? [statement] : [];
  const doc: PolicyDocument = {
    ...(typeof parsed.Version === 'string' ? { Version: parsed.Version } : {}),
    Statement: statements.filter(isRecord).map((s) => s as unknown as PolicyStatement),
  };
  return doc;
}

function safeDecodeUri(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
