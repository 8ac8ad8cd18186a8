import { describe, expect, it } from 'vitest';
import { aBucket, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { BucketVersioning } from '../../core/slices/s3.js';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.js';

describe('s3_bucket_versioning_enabled', () => {
  it.each<[string, Observed<BucketVersioning>, string]>([
    ['Enabled', observed({ status: 'Enabled', mfaDelete: null }), 'PASS'],
    ['Suspended', observed({ status: 'Suspended', mfaDelete: null }), 'FAIL'],
    ['never enabled', observed({ status: null, mfaDelete: null }), 'FAIL'],
    ['denied', denied('s3', 'GetBucketVersioning'), 'UNKNOWN'],
  ])('%s => %s', (_name, versioning, status) => {
    expect(s3BucketVersioningEnabled.evaluate(s3Snapshot([aBucket('b', { versioning })]))).toEqual([expect.objectContaining({ status })]);
  });

  it('reports a bucket whose region is unknown with a null region', () => {
    const [outcome] = s3BucketVersioningEnabled.evaluate(s3Snapshot([aBucket('b', { region: denied('s3', 'GetBucketLocation') })]));
    expect(outcome).toMatchObject({ status: 'PASS', region: null });
  });
});
