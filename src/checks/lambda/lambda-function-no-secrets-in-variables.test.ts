import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { LambdaEnvironmentScan, LambdaFunction } from '../../core/slices/lambda.js';
import { inRegion } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { lambdaFunctionNoSecretsInVariables as check } from './lambda-function-no-secrets-in-variables.js';

const finding = { location: 'env:JWT_SECRET', kind: 'secret-assignment', hint: 'JWT_SECRET set to a 16-character literal' } as const;
const run = (environment: Observed<LambdaEnvironmentScan | null>, publishedVersions?: LambdaFunction['publishedVersions']) =>
  check.evaluate(
    inRegion({
      lambda: observed({
        functions: observed([
          {
            name: 'api', arn: 'arn:aws:lambda:eu-west-1:111111111111:function:api', runtime: 'nodejs20.x', role: 'arn:aws:iam::111111111111:role/api', packageType: 'Zip', environment,
            ...(publishedVersions ? { publishedVersions } : {}),
          },
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

  // A published version keeps the environment it was published with: removing the secret from $LATEST
  // leaves it in every version (and alias) published before.
  it('FAILs a clean $LATEST whose published version 3 still holds the secret', () => {
    const [outcome] = run(observed({ variableNames: ['TABLE'], secretFindings: [] }), { count: 3, withSecrets: [{ version: '3', secretFindings: [finding] }], unreadable: [] });
    expect(outcome).toMatchObject({ status: 'FAIL' });
    expect(outcome?.message).toContain('version 3');
  });

  it('is UNKNOWN when a published version could not be decrypted and nothing else is found', () => {
    const error = { kind: 'access_denied' as const, accountId: '111111111111', region: 'eu-west-1', service: 'lambda', operation: 'ListFunctions', code: 'AccessDeniedException', message: 'api:2 kms' };
    expect(run(observed(null), { count: 2, withSecrets: [], unreadable: [{ version: '2', error }] })[0]?.status).toBe('UNKNOWN');
    expect(run(observed(null), { count: 2, withSecrets: [], unreadable: [] })[0]?.status).toBe('PASS');
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
