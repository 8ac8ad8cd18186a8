/**
 * Lambda collector (regional): ListFunctions (FunctionVersion ALL) returns each function's environment
 * variables, for $LATEST and every published version; they are scanned for likely secrets right here and
 * only the variable names and findings are kept.
 */
import { LambdaClient, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { notObserved, observed, type Observed } from '../../../core/observed.js';
import { redact } from '../../../core/redact.js';
import type { LambdaEnvironmentScan, LambdaFunction, LambdaPublishedVersions } from '../../../core/slices/lambda.js';
import { classifyErrorCode } from '../../aws-errors.js';
import { collectPages, defineRegionalCollector, type CollectorContext } from '../../collector.js';
import { detectSecretsInVariables } from '../../secret-detection.js';

async function scanEnvironment(ctx: CollectorContext, fn: FunctionConfiguration): Promise<Observed<LambdaEnvironmentScan | null>> {
  const env = fn.Environment;
  if (env?.Error) {
    // Lambda could not decrypt the variables for us (e.g. no kms:Decrypt on the function's customer key).
    const code = env.Error.ErrorCode ?? 'EnvironmentError';
    const error = {
      kind: classifyErrorCode(code),
      accountId: ctx.accountId,
      region: ctx.region,
      service: 'lambda',
      operation: 'ListFunctions',
      code,
      message: redact(`${fn.FunctionName ?? ''}: ${env.Error.Message ?? code}`).slice(0, 500),
    };
    ctx.record(error);
    return notObserved(error);
  }
  const variables = env?.Variables ?? {};
  const names = Object.keys(variables);
  if (names.length === 0) return observed(null);
  return observed({ variableNames: names.sort(), secretFindings: await detectSecretsInVariables(variables, 'env') });
}

export const lambdaCollector = defineRegionalCollector({
  service: 'lambda',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::Lambda::Function'],
  operations: [{ operation: 'ListFunctions', iamAction: 'lambda:ListFunctions' }],
  async collect(ctx) {
    const client = ctx.client(LambdaClient);
    // ALL: $LATEST and every published version, each with the environment it was published with.
    const listed = await ctx.call('lambda', 'ListFunctions', () =>
      collectPages(paginateListFunctions({ client }, { FunctionVersion: 'ALL' }), (p) => p.Functions),
    );
    if (!listed.ok) return { functions: listed };
    const isLatest = (fn: FunctionConfiguration) => fn.Version === undefined || fn.Version === '$LATEST';
    const versions = new Map<string, { count: number; withSecrets: LambdaPublishedVersions['withSecrets'][number][]; unreadable: LambdaPublishedVersions['unreadable'][number][] }>();
    for (const fn of listed.value.filter((f) => !isLatest(f))) {
      const name = fn.FunctionName ?? '';
      const entry = versions.get(name) ?? { count: 0, withSecrets: [], unreadable: [] };
      entry.count += 1;
      const env = await scanEnvironment(ctx, fn);
      const version = fn.Version ?? '?';
      if (!env.ok) entry.unreadable.push({ version, error: env.error });
      else if (env.value && env.value.secretFindings.length > 0) entry.withSecrets.push({ version, secretFindings: env.value.secretFindings });
      versions.set(name, entry);
    }
    const functions = await Promise.all(
      listed.value.filter(isLatest).map(
        async (fn): Promise<LambdaFunction> => ({
          name: fn.FunctionName ?? '',
          arn: fn.FunctionArn ?? '',
          runtime: fn.Runtime ?? null,
          role: fn.Role ?? '',
          packageType: fn.PackageType ?? null,
          environment: await scanEnvironment(ctx, fn),
          publishedVersions: versions.get(fn.FunctionName ?? '') ?? { count: 0, withSecrets: [], unreadable: [] },
        }),
      ),
    );
    return { functions: observed(functions) };
  },
});
