/** Reading assessment.json for `ftr report` and `--compare`, with specific errors for bad files. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../core/assessment.js';
import { UserError } from '../core/errors.js';

const envelope = z
  .object({
    schemaVersion: z.string(),
    framework: z.object({ id: z.string(), title: z.string(), version: z.string() }).loose(),
    deliveryCategory: z.string(),
    scope: z.object({ accounts: z.array(z.string()), regions: z.array(z.string()) }).loose(),
    summary: z.object({}).loose(),
    items: z.array(z.object({ itemId: z.string(), verdict: z.string(), section: z.string() }).loose()),
    checks: z.array(z.object({ id: z.string() }).loose()),
    findings: z.array(z.object({ checkId: z.string(), status: z.string(), accountId: z.string() }).loose()),
    resources: z.array(z.object({ resourceId: z.string() }).loose()),
    collectionErrors: z.array(z.unknown()),
  })
  .loose();

export function parseAssessment(text: string, path: string): Assessment {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version.split('.')[0] !== ASSESSMENT_SCHEMA_VERSION.split('.')[0]) {
    throw new UserError(`${path} has assessment schema version ${version}; this ftr-ready reads ${ASSESSMENT_SCHEMA_VERSION}. Re-run \`ftr evaluate\`.`);
  }
  const parsed = envelope.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new UserError(`${path} is not an ftr-ready assessment: ${issues}`);
  }
  return data as Assessment;
}

export async function readAssessment(path: string): Promise<Assessment> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UserError(code === 'ENOENT' ? `Assessment file not found: ${path}` : `Cannot read ${path}: ${String(err)}`);
  }
  return parseAssessment(text, path);
}
