/** Evaluate a snapshot and write assessment.json: shared by scan, evaluate and demo. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment } from '../core/assessment.js';
import type { DeliveryCategory, Framework } from '../core/framework.js';
import type { Snapshot } from '../core/snapshot.js';
import { ALL_CHECKS } from '../checks/index.js';
import { evaluate } from '../evaluate/evaluate.js';
import { TOOL_VERSION } from '../version.js';

export interface AssessOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly scopeName?: string | null;
}

export function assess(snapshot: Snapshot, options: AssessOptions): Assessment {
  return evaluate(snapshot, options.framework, {
    delivery: options.delivery,
    checks: ALL_CHECKS,
    toolVersion: TOOL_VERSION,
    scopeName: options.scopeName ?? null,
  });
}

export async function writeAssessment(outDir: string, assessment: Assessment, fileName = 'assessment.json'): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, fileName);
  await writeFile(path, `${JSON.stringify(assessment, null, 2)}\n`);
  return path;
}
