import { describe, expect, it } from 'vitest';
import { restrictionOf } from './condition-restriction.js';
import type { AllowedConditionExpression } from './policy-engine.js';

const source = [{ policyType: 'resource' as const, effect: 'Allow' as const, statementIndex: 1 }];
const leaf = (op: string, key: string, ...values: string[]): AllowedConditionExpression => ({ conditionType: 'condition', op, key, values, sources: source });
const and = (...conditions: AllowedConditionExpression[]): AllowedConditionExpression => ({ conditionType: 'group', operator: 'and', conditions });
const or = (...conditions: AllowedConditionExpression[]): AllowedConditionExpression => ({ conditionType: 'group', operator: 'or', conditions });

describe('restrictionOf', () => {
  it.each<[string, AllowedConditionExpression | null, boolean]>([
    ['no condition', null, false],
    ['StringEquals fixed', leaf('StringEquals', 'sts:ExternalId', 'x1'), true],
    ['key case does not matter', leaf('StringEquals', 'STS:EXTERNALID', 'x1'), true],
    ['StringLike *', leaf('StringLike', 'sts:ExternalId', '*'), false],
    ['StringEquals with a wildcard value', leaf('StringEquals', 'sts:ExternalId', 'x*'), false],
    ['StringEquals with a policy variable', leaf('StringEquals', 'sts:ExternalId', '${aws:username}'), false],
    ['Null false', leaf('Null', 'sts:ExternalId', 'false'), false],
    ['IfExists', leaf('StringEqualsIfExists', 'sts:ExternalId', 'x1'), false],
    ['ForAllValues (true when absent)', leaf('ForAllValues:StringEquals', 'sts:ExternalId', 'x1'), false],
    ['ForAnyValue exact', leaf('ForAnyValue:StringEquals', 'sts:ExternalId', 'x1', 'x2'), true],
    ['and with one exact branch', and(leaf('Bool', 'aws:SecureTransport', 'true'), leaf('StringEquals', 'sts:ExternalId', 'x1')), true],
    ['or with one open branch', or(leaf('StringEquals', 'sts:ExternalId', 'x1'), leaf('StringLike', 'sts:ExternalId', '*')), false],
    ['or with exact branches only', or(leaf('StringEquals', 'sts:ExternalId', 'x1'), leaf('StringEquals', 'sts:ExternalId', 'x2')), true],
  ])('external id: %s', (_label, expression, expected) => {
    expect(restrictionOf(expression).externalId).toBe(expected);
  });

  it('reads accounts and organizations from exact conditions', () => {
    expect(restrictionOf(leaf('StringEquals', 'aws:PrincipalAccount', '222222222222')).parties).toEqual({ accounts: ['222222222222'], organizations: [] });
    expect(restrictionOf(leaf('StringEquals', 'aws:PrincipalOrgID', 'o-abc123')).parties).toEqual({ accounts: [], organizations: ['o-abc123'] });
    expect(restrictionOf(leaf('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::222222222222:role/*')).parties).toEqual({ accounts: ['222222222222'], organizations: [] });
    expect(restrictionOf(leaf('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/deploy')).parties).toBeNull();
    expect(restrictionOf(leaf('ForAnyValue:StringLike', 'aws:PrincipalOrgPaths', 'o-abc123/r-ab12/ou-ab12-11111111/*')).parties).toEqual({ accounts: [], organizations: ['o-abc123'] });
    expect(restrictionOf(leaf('StringLike', 'aws:PrincipalOrgID', 'o-*')).parties).toBeNull();
  });

  it('unions parties across or-branches only when every branch restricts', () => {
    const both = or(leaf('StringEquals', 'aws:PrincipalAccount', '222222222222'), leaf('StringEquals', 'aws:PrincipalOrgID', 'o-abc123'));
    expect(restrictionOf(both).parties).toEqual({ accounts: ['222222222222'], organizations: ['o-abc123'] });
    expect(restrictionOf(or(leaf('StringEquals', 'aws:PrincipalAccount', '222222222222'), leaf('Bool', 'aws:SecureTransport', 'true'))).parties).toBeNull();
  });
});
