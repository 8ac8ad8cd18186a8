/**
 * JSON output: the report model (documented in docs/report.md), versioned by `reportSchemaVersion`.
 * JSON.stringify escapes nothing dangerous for JSON consumers; `<` is escaped too so the file can be
 * embedded in HTML safely.
 */
import type { ReportModel } from './model.js';

/** Above this many findings the JSON is written compact (no indentation) to stay small. */
export const PRETTY_JSON_LIMIT = 5_000;

export function renderJson(model: ReportModel): string {
  const indent = model.findings.length > PRETTY_JSON_LIMIT ? undefined : 2;
  return `${JSON.stringify(model, null, indent).replace(/</g, '\\u003c')}\n`;
}
