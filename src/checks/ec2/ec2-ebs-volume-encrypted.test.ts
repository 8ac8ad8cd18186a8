import { describe, expect, it } from 'vitest';
import type { Volume } from '../../core/slices/ec2.js';
import { ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2EbsVolumeEncrypted as check } from './ec2-ebs-volume-encrypted.js';

const volume = (o: Partial<Volume>): Volume => ({
  volumeId: 'vol-1', name: null, encrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/k', state: 'in-use', sizeGiB: 8, attachedInstanceIds: ['i-1'], ...o,
});

describe('ec2_ebs_volume_encrypted', () => {
  it.each<[string, Volume, string]>([
    ['encrypted', volume({}), 'PASS'],
    ['unencrypted and attached', volume({ encrypted: false, kmsKeyId: null }), 'FAIL'],
    ['unencrypted and available', volume({ encrypted: false, state: 'available', attachedInstanceIds: [] }), 'FAIL'],
  ])('%s -> %s', (_name, v, status) => {
    const [outcome] = check.evaluate(ec2Region({ volumes: observed([v]) }));
    expect(outcome?.status).toBe(status);
    expect(outcome?.resourceArn).toBe('arn:aws:ec2:eu-west-1:111111111111:volume/vol-1');
  });

  it('names the instance of an unencrypted volume', () => {
    const [outcome] = check.evaluate(ec2Region({ volumes: observed([volume({ encrypted: false })]) }));
    expect(outcome?.message).toBe('EBS volume vol-1 is not encrypted (attached to i-1).');
  });

  it('yields nothing for a region without volumes', () => {
    expect(check.evaluate(ec2Region({}))).toEqual([]);
  });

  it('reports UNKNOWN when volumes could not be read', () => {
    expect(check.evaluate(ec2Region({ volumes: denied('ec2', 'DescribeVolumes') }))[0]?.status).toBe('UNKNOWN');
  });
});
