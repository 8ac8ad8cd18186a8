import { describe, expect, it } from 'vitest';
import { expandActions, simulate } from './policy-engine.js';

const ACCOUNT = '111111111111';
const allow = (statement: Record<string, unknown>) => [{ name: 'p', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] } }];

describe('policy engine (iam-simulate / iam-expand behind a synchronous call)', () => {
  it('answers a batch in order, synchronously', () => {
    const answers = simulate([
      { principal: `arn:aws:iam::${ACCOUNT}:user/a`, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: ACCOUNT, identityPolicies: allow({ Action: 's3:Get*', Resource: '*' }) },
      { principal: `arn:aws:iam::${ACCOUNT}:user/a`, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', resourceAccount: ACCOUNT, identityPolicies: allow({ Action: 's3:Get*', Resource: '*' }) },
    ]);
    expect(answers.map((a) => a.decision)).toEqual(['Allowed', 'ImplicitlyDenied']);
  });

  it('reports the conditions an allowed request depends on (Discovery mode)', () => {
    const [answer] = simulate([
      {
        principal: `arn:aws:iam::${ACCOUNT}:user/a`,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        resourceAccount: ACCOUNT,
        identityPolicies: allow({ Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      },
    ]);
    expect(answer).toMatchObject({ decision: 'Allowed', conditions: { conditionType: 'condition', key: 'aws:MultiFactorAuthPresent' } });
  });

  it('treats "*:*" as "*" (AWS accepts it; the simulator grammar does not)', () => {
    const [answer] = simulate([
      { principal: `arn:aws:iam::${ACCOUNT}:user/a`, action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`, resourceAccount: ACCOUNT, identityPolicies: allow({ Action: '*:*', Resource: '*' }) },
    ]);
    expect(answer?.decision).toBe('Allowed');
  });

  it('returns an error answer, not a decision, for a document the simulator refuses', () => {
    const [answer] = simulate([
      { principal: `arn:aws:iam::${ACCOUNT}:user/a`, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: ACCOUNT, identityPolicies: allow({ Action: 's3:GetObject' }) },
    ]);
    expect(answer?.decision).toBe('Error');
  });

  it('expands action wildcards', () => {
    const [raw, sends] = expandActions([['ses:SendRaw*'], ['ses:Send*Email']]);
    expect(raw).toEqual(['ses:SendRawEmail']);
    expect(sends).toContain('ses:SendEmail');
  });

  it('answers empty batches without work', () => {
    expect(simulate([])).toEqual([]);
    expect(expandActions([])).toEqual([]);
  });
});
