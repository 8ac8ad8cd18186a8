import { describe, expect, it } from 'vitest';
import { globMatch, parsePolicy, publicStatements, secureTransportStatement, type PolicyStatement } from './bucket-policy.js';

const ARN = 'arn:aws:s3:::data';
const allow = (extra: Partial<PolicyStatement>): PolicyStatement => ({ Sid: 'S', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${ARN}/*`, ...extra });

describe('publicStatements', () => {
  it.each<[string, PolicyStatement, boolean]>([
    ['Principal "*"', allow({}), true],
    ['Principal {AWS: "*"}', allow({ Principal: { AWS: '*' } }), true],
    ['Principal {AWS: ["arn:aws:iam::222222222222:root", "*"]}', allow({ Principal: { AWS: ['arn:aws:iam::222222222222:root', '*'] } }), true],
    ['wildcard account principal', allow({ Principal: { AWS: 'arn:aws:iam::*:root' } }), true],
    ['Allow with NotPrincipal', allow({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::222222222222:root' } }), true],
    ['fixed account principal', allow({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } }), false],
    ['service principal', allow({ Principal: { Service: 'cloudtrail.amazonaws.com' } }), false],
    ['Deny statement', allow({ Effect: 'Deny' }), false],
    ['s3:* action', allow({ Action: 's3:*' }), true],
    ['"*" action', allow({ Action: '*' }), true],
    ['NotAction', allow({ Action: undefined, NotAction: 's3:DeleteBucket' }), true],
    ['non-data action only', allow({ Action: 's3:CreateJob' }), false],
    ['s3:G* pattern', allow({ Action: 's3:G*' }), true],
    ['aws:SourceVpce fixed', allow({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1234' } } }), false],
    ['aws:SourceVpc fixed list', allow({ Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } }), false],
    ['aws:PrincipalOrgID fixed', allow({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }), false],
    ['aws:SourceAccount fixed', allow({ Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }), false],
    ['aws:SourceArn ArnLike fixed', allow({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t' } } }), false],
    ['aws:SourceIp narrow CIDR', allow({ Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }), false],
    ['aws:SourceIp 0.0.0.0/0', allow({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), true],
    ['aws:SourceIp ::/0', allow({ Condition: { IpAddress: { 'aws:SourceIp': '::/0' } } }), true],
    ['wildcard value', allow({ Condition: { StringLike: { 'aws:SourceVpce': 'vpce-*' } } }), true],
    ['policy variable value', allow({ Condition: { StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } } }), true],
    ['negative operator', allow({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1234' } } }), true],
    ['IfExists operator', allow({ Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1234' } } }), true],
    ['ForAllValues operator', allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a/r-b/ou-c/' } } }), true],
    ['ForAnyValue operator', allow({ Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a/r-b/ou-c/' } } }), false],
    ['unrelated condition key', allow({ Condition: { StringEquals: { 's3:prefix': 'public/' } } }), true],
    ['case-insensitive key', allow({ Condition: { stringequals: { 'AWS:SOURCEVPCE': 'vpce-1234' } } }), false],
  ])('%s => public %s', (_name, statement, expected) => {
    expect(publicStatements([statement]).length > 0).toBe(expected);
  });

  it('labels statements by Sid or position', () => {
    expect(publicStatements([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }, allow({ Sid: 'Named' })])).toEqual(['#1', 'Named']);
  });
});

describe('secureTransportStatement', () => {
  const deny = (extra: Partial<PolicyStatement>): PolicyStatement => ({
    Sid: 'TLS',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [ARN, `${ARN}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    ...extra,
  });
  it.each<[string, PolicyStatement, string | null]>([
    ['canonical statement', deny({}), 'TLS'],
    ['boolean false value', deny({ Condition: { Bool: { 'aws:SecureTransport': false } } }), 'TLS'],
    ['BoolIfExists', deny({ Condition: { BoolIfExists: { 'aws:securetransport': ['false'] } } }), 'TLS'],
    ['Principal {AWS: "*"}', deny({ Principal: { AWS: '*' } }), 'TLS'],
    ['Get and Put actions', deny({ Action: ['s3:GetObject', 's3:PutObject'] }), 'TLS'],
    ['Resource "*"', deny({ Resource: '*' }), 'TLS'],
    ['Allow instead of Deny', deny({ Effect: 'Allow' }), null],
    ['true instead of false', deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), null],
    ['only the bucket ARN, not its objects', deny({ Resource: ARN }), null],
    ['another bucket', deny({ Resource: 'arn:aws:s3:::other/*' }), null],
    ['only GetObject', deny({ Action: 's3:GetObject' }), null],
    ['a single principal', deny({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } }), null],
    ['TLS version only', deny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }), null],
    // Conditions are ANDed: any other condition narrows the Deny to some requests only.
    ['narrowed to one account by another operator', deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '222222222222' } } }), null],
    ['narrowed by another key in the Bool block', deny({ Condition: { Bool: { 'aws:SecureTransport': 'false', 'aws:MultiFactorAuthPresent': 'false' } } }), null],
    ['NotAction that leaves object reads and writes denied', deny({ Action: undefined, NotAction: 's3:ListBucket' }), 'TLS'],
    ['NotAction that exempts PutObject', deny({ Action: undefined, NotAction: ['s3:PutObject'] }), null],
    ['NotResource instead of Resource', deny({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' }), null],
  ])('%s => %s', (_name, statement, expected) => {
    expect(secureTransportStatement([statement], ARN)).toBe(expected);
  });

  it('accepts GetObject and PutObject denied by two statements', () => {
    expect(secureTransportStatement([deny({ Sid: 'Get', Action: 's3:GetObject' }), deny({ Sid: 'Put', Action: 's3:PutObject' })], ARN)).toBe('Get, Put');
  });
});

describe('parsePolicy', () => {
  it.each([
    ['not json', false],
    ['[]', false],
    ['{"Statement":[1]}', false],
    ['{"Statement":{"Effect":"Allow"}}', true],
    ['{"Version":"2012-10-17"}', true],
  ])('%s => ok %s', (text, ok) => {
    expect(parsePolicy(text).ok).toBe(ok);
  });
});

describe('globMatch', () => {
  it.each([
    ['s3:*', 's3:GetObject', true, true],
    ['S3:get*', 's3:GetObject', true, true],
    ['S3:get*', 's3:GetObject', false, false],
    ['arn:aws:s3:::b*', 'arn:aws:s3:::b/key', false, true],
    ['arn:aws:s3:::b.c/*', 'arn:aws:s3:::bxc/key', false, false],
  ])('%s ~ %s (ignoreCase %s) => %s', (pattern, value, ignoreCase, expected) => {
    expect(globMatch(pattern, value, ignoreCase)).toBe(expected);
  });
});
