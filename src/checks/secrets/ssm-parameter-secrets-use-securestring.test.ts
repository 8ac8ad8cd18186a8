import { describe, expect, it } from 'vitest';
import type { SsmParameter } from '../../core/slices/secrets.js';
import { inRegion } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { parameterNameSuggestsSecret, ssmParameterSecretsUseSecurestring as check } from './ssm-parameter-secrets-use-securestring.js';

const param = (name: string, type = 'String'): SsmParameter => ({ name, type, keyId: type === 'SecureString' ? 'alias/aws/ssm' : null, lastModifiedDate: null });
const run = (parameters: SsmParameter[]) => check.evaluate(inRegion({ secrets: observed({ secrets: observed([]), parameters: observed(parameters) }) }));

describe('ssm_parameter_secrets_use_securestring', () => {
  it.each<[string, SsmParameter, string]>([
    ['password as SecureString', param('/prod/db/password', 'SecureString'), 'PASS'],
    ['password as String', param('/prod/db/password'), 'FAIL'],
    ['api key as StringList', param('/prod/stripeApiKey', 'StringList'), 'FAIL'],
    ['private key as String', param('/prod/tls/private_key'), 'FAIL'],
    ['token as String', param('github-token'), 'FAIL'],
  ])('%s -> %s', (_name, p, status) => {
    const [outcome] = run([p]);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::SSM::Parameter', resourceId: p.name });
  });

  it('ignores parameters whose names do not suggest a secret', () => {
    expect(run([param('/prod/db/host'), param('/prod/db/secret_arn'), param('/prod/token_ttl'), param('/app/feature-flags')])).toEqual([]);
  });

  it.each([
    ['/prod/db/password', true],
    ['/prod/db/PASSWORD', true],
    ['/svc/clientSecret', true],
    ['/prod/db/secret-arn', false],
    ['/prod/db/name', false],
  ])('name %s suggests a secret: %s', (name, expected) => {
    expect(parameterNameSuggestsSecret(name)).toBe(expected);
  });

  it('builds the parameter ARN', () => {
    expect(run([param('/prod/db/password')])[0]?.resourceArn).toBe('arn:aws:ssm:eu-west-1:111111111111:parameter/prod/db/password');
  });

  it('reports UNKNOWN for the region when parameters could not be listed', () => {
    const [outcome] = check.evaluate(inRegion({ secrets: observed({ secrets: observed([]), parameters: denied('ssm', 'DescribeParameters') }) }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });
});
