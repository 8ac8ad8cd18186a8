/**
 * Reading assessment.json for `ftr report` and `--compare`: bounded read, JSON text check, and full zod
 * validation (src/core/schemas/assessment.ts), so renderers only ever see a well-formed Assessment. A
 * snapshot given here is recognised and the message says to evaluate it. Errors never quote the content.
 */
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../core/assessment.js';
import { UserError } from '../core/errors.js';
import { assessmentSchema } from '../core/schemas/assessment.js';
import { gunzipBoundedSync, isGzip, readInputFile } from './bounded-read.js';
import { adviceFor, describeIssues, versionText, jsonFileKind, schemaFieldNames, yamlFileKind } from './file-kind.js';
import { parseJsonText } from './json-text.js';

const FIELD_NAMES = schemaFieldNames(assessmentSchema);

/** Validates assessment JSON text (or gzip bytes: a snapshot given by mistake is usually gzip). */
export function parseAssessment(input: string | Buffer, path: string): Assessment {
  const text = typeof input === 'string' ? input : (isGzip(input) ? gunzipBoundedSync(input, path, 'assessment') : input).toString('utf8');
  const yamlKind = yamlFileKind(text);
  if (yamlKind !== null) throw new UserError(`${adviceFor(yamlKind, path)}; \`ftr report\` reads the assessment.json written by \`ftr evaluate\` or \`ftr scan\`.`);
  const data = parseJsonText(text, path, 'the file is corrupt or truncated, or it is not an assessment.json written by ftr-ready');
  const kind = jsonFileKind(data);
  if (kind !== null && kind !== 'assessment') throw new UserError(`${adviceFor(kind, path)}.`);
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version.split('.')[0] !== ASSESSMENT_SCHEMA_VERSION.split('.')[0]) {
    throw new UserError(`${path} has assessment schema version ${versionText(version)}; this ftr-ready reads ${ASSESSMENT_SCHEMA_VERSION}. Re-run \`ftr evaluate\`.`);
  }
  const parsed = assessmentSchema.safeParse(data);
  if (!parsed.success) throw new UserError(`${path} is not an ftr-ready assessment: ${describeIssues(parsed.error, FIELD_NAMES)}`);
  return parsed.data;
}

export async function readAssessment(path: string): Promise<Assessment> {
  return parseAssessment(await readInputFile(path, 'assessment'), path);
}
