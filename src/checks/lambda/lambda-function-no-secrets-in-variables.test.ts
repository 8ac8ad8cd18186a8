import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { LambdaEnvironmentScan } from '../../core/slices/lambda.js';
import { inRegion } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { lambdaFunctionNoSecretsInVariables as check } from './lambda-function-no-secrets-in-variables.js';

const finding = { location: 'env:JWT_SECRET', kind: 'secret-assignment', hint: 'JWT_SECRET set to a 16-character literal' } as const;
const run = (environment: Observed<LambdaEnvironmentScan | null>) =>
  check.evaluate(
    inRegion({
      lambda: observed({
        functions: observed([
          { name: 'api', arn: 'arn:aws:lambda:eu-west-1:111111111111:function:api', runtime: 'nodejs20.x', role: 'arn:aws:iam::111111111111:role/api', packageType: 'Zip', environment },
        ]),
      }),
    }),
  );

describe('lambda_function_no_secrets_in_variables', () => {
  it.each<[string, Observed<LambdaEnvironmentScan | null>, string]>([
    ['no variables', observed(null), 'PASS'],
    ['ordinary variables', observed({ variableNames: ['TABLE'], secretFindings: [] }), 'PASS'],
    ['a secret in a variable', observed({ variableNames: ['JWT_SECRET', 'TABLE'], secretFindings: [finding] }), 'FAIL'],
    ['variables not decryptable', denied('lambda', 'ListFunctions'), 'UNKNOWN'],
  ])('%s -> %s', (_name, environment, status) => {
    expect(run(environment)[0]).toMatchObject({ status, resourceType: 'AWS::Lambda::Function', resourceId: 'api' });
  });

  it('names the variables and keeps only redacted findings', () => {
    const [outcome] = run(observed({ variableNames: ['JWT_SECRET'], secretFindings: [finding] }));
    expect(outcome?.message).toBe('Function api has likely secrets in JWT_SECRET; move them to a secret store and rotate them.');
    expect(outcome?.evidence).toEqual({ runtime: 'nodejs20.x', secretFindings: [finding] });
  });

  it('reports UNKNOWN for the region when functions could not be listed', () => {
    const [outcome] = check.evaluate(inRegion({ lambda: observed({ functions: denied('lambda', 'ListFunctions') }) }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });
});
