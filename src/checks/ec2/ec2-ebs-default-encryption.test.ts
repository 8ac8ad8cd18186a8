import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import { ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2EbsDefaultEncryption as check } from './ec2-ebs-default-encryption.js';

describe('ec2_ebs_default_encryption', () => {
  it.each<[string, Observed<boolean>, string]>([
    ['enabled', observed(true), 'PASS'],
    ['disabled', observed(false), 'FAIL'],
    ['denied', denied('ec2', 'GetEbsEncryptionByDefault'), 'UNKNOWN'],
    ['not implemented by the endpoint', denied('ec2', 'GetEbsEncryptionByDefault', 'unsupported'), 'UNKNOWN'],
  ])('%s -> %s', (_name, value, status) => {
    const [outcome] = check.evaluate(ec2Region({ ebsEncryptionByDefault: value }));
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });
});
