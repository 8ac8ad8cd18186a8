import { describe, expect, it } from 'vitest';
import { aBucket, publicReadPolicy, s3Snapshot, tlsPolicy } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import { s3BucketSecureTransportPolicy } from './s3-bucket-secure-transport-policy.js';

describe('s3_bucket_secure_transport_policy', () => {
  it.each<[string, Observed<string | null>, string]>([
    ['denies aws:SecureTransport=false', observed(tlsPolicy('b')), 'PASS'],
    ['policy without a TLS statement', observed(publicReadPolicy('b')), 'FAIL'],
    ['TLS statement for another bucket', observed(tlsPolicy('other')), 'FAIL'],
    ['no policy', observed(null), 'FAIL'],
    ['denied', denied('s3', 'GetBucketPolicy'), 'UNKNOWN'],
    ['malformed policy', observed('{nope'), 'UNKNOWN'],
  ])('%s => %s', (_name, policy, status) => {
    expect(s3BucketSecureTransportPolicy.evaluate(s3Snapshot([aBucket('b', { policy })]))).toEqual([expect.objectContaining({ status, resourceId: 'b' })]);
  });

  it('surfaces the data-classification tag a partner uses to scope SDAT-003', () => {
    const [tagged] = s3BucketSecureTransportPolicy.evaluate(s3Snapshot([aBucket('pii', { policy: observed(null), tags: observed({ 'data-classification': 'pii' }) })]));
    expect(tagged?.message).toContain('data-classification=pii');
    expect(tagged?.evidence).toMatchObject({ dataClassification: { key: 'data-classification', value: 'pii' } });
    const [untagged] = s3BucketSecureTransportPolicy.evaluate(s3Snapshot([aBucket('b', { policy: observed(null) })]));
    expect(untagged?.evidence).toMatchObject({ dataClassification: null });
  });
});
