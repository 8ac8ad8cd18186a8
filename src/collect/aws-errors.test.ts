import { describe, expect, it } from 'vitest';
import { awsError } from '../../test/helpers/collector-context.js';
import { classifyErrorCode, errorCode, toCollectionError } from './aws-errors.js';

const site = { accountId: '111111111111', region: 'eu-west-1', service: 's3', operation: 'GetBucketPolicy' };

describe('classifyErrorCode', () => {
  it.each([
    ['AccessDenied', 'access_denied'],
    ['AccessDeniedException', 'access_denied'],
    ['UnauthorizedOperation', 'access_denied'],
    ['SubscriptionRequiredException', 'not_subscribed'],
    ['ThrottlingException', 'throttled'],
    ['RequestLimitExceeded', 'throttled'],
    ['SlowDown', 'throttled'],
    ['ExpiredToken', 'expired_credentials'],
    ['InvalidClientTokenId', 'region_disabled'],
    ['ECONNREFUSED', 'network'],
    ['TimeoutError', 'timeout'],
    ['AbortError', 'aborted'],
    ['404', 'unsupported'],
    ['500', 'unsupported'],
    ['403', 'access_denied'],
    ['NoSuchThing', 'other'],
  ] as const)('%s -> %s', (code, kind) => {
    expect(classifyErrorCode(code)).toBe(kind);
  });
});

describe('errorCode', () => {
  it('uses the SDK error name', () => {
    expect(errorCode(awsError('AccessDenied'))).toBe('AccessDenied');
  });
  it('uses the HTTP status when an emulator answers HTML with no AWS error name', () => {
    const err = new Error('Unexpected token <') as Error & { $metadata: { httpStatusCode: number } };
    err.$metadata = { httpStatusCode: 404 };
    expect(errorCode(err)).toBe('404');
  });
  it('uses the Node network code', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(errorCode(err)).toBe('ECONNREFUSED');
  });
});

describe('toCollectionError', () => {
  it('records where it happened and redacts secrets from the message', () => {
    const err = awsError('AccessDenied', 'User arn:aws:iam::1:user/x with key AKIAIOSFODNN7EXAMPLE is not authorized');
    const e = toCollectionError(err, site);
    expect(e).toMatchObject({ ...site, kind: 'access_denied', code: 'AccessDenied' });
    expect(e.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(e.message).toContain('AKIA****');
  });
});
