/**
 * Lambda collector (regional): ListFunctions returns each function's environment variables; they are
 * scanned for likely secrets right here and only the variable names and findings are kept.
 */
import { LambdaClient, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { notObserved, observed, type Observed } from '../../../core/observed.js';
import { redact } from '../../../core/redact.js';
import type { LambdaEnvironmentScan, LambdaFunction } from '../../../core/slices/lambda.js';
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
  operations: [{ operation: 'ListFunctions', iamAction: 'lambda:ListFunctions' }],
  async collect(ctx) {
    const client = ctx.client(LambdaClient);
    const listed = await ctx.call('lambda', 'ListFunctions', () =>
      collectPages(paginateListFunctions({ client }, {}), (p) => p.Functions),
    );
    if (!listed.ok) return { functions: listed };
    const functions = await Promise.all(
      listed.value.map(
        async (fn): Promise<LambdaFunction> => ({
          name: fn.FunctionName ?? '',
          arn: fn.FunctionArn ?? '',
          runtime: fn.Runtime ?? null,
          role: fn.Role ?? '',
          packageType: fn.PackageType ?? null,
          environment: await scanEnvironment(ctx, fn),
        }),
      ),
    );
    return { functions: observed(functions) };
  },
});
