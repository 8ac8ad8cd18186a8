import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { Ec2Slice } from '../../core/slices/ec2.js';
import { anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2EbsDefaultEncryption as check } from './ec2-ebs-default-encryption.js';

const volume = { volumeId: 'vol-1', name: null, encrypted: true, kmsKeyId: null, state: 'in-use', sizeGiB: 8, attachedInstanceIds: ['i-1'] };
const template = { launchTemplateId: 'lt-1', launchTemplateName: 'web', versionNumber: 1, isDefault: true, userData: null };
/** A region with nothing that creates or holds EBS data (every read answered). */
const empty: Partial<Ec2Slice> = { volumes: observed([]), instances: observed([]), launchTemplateVersions: observed([]), ownedSnapshots: observed({ total: 0, unencrypted: 0 }) };

describe('ec2_ebs_default_encryption', () => {
  it.each<[string, Observed<boolean>, Partial<Ec2Slice>, string]>([
    ['enabled', observed(true), empty, 'PASS'],
    ['disabled, region holds a volume', observed(false), { ...empty, volumes: observed([volume]) }, 'FAIL'],
    ['disabled, region holds an instance', observed(false), { ...empty, instances: observed([anInstance()]) }, 'FAIL'],
    ['disabled, region holds a launch template', observed(false), { ...empty, launchTemplateVersions: observed([template]) }, 'FAIL'],
    ['disabled, region holds owned snapshots', observed(false), { ...empty, ownedSnapshots: observed({ total: 3, unencrypted: 1 }) }, 'FAIL'],
    ['disabled in an unused region', observed(false), empty, 'NOT_APPLICABLE'],
    ['disabled, volumes unreadable and nothing else seen', observed(false), { ...empty, volumes: denied('ec2', 'DescribeVolumes') }, 'UNKNOWN'],
    ['disabled, snapshots not collected (older snapshot) and nothing else seen', observed(false), { volumes: observed([]), instances: observed([]), launchTemplateVersions: observed([]) }, 'UNKNOWN'],
    ['disabled, volume seen although instances unreadable', observed(false), { ...empty, volumes: observed([volume]), instances: denied('ec2', 'DescribeInstances') }, 'FAIL'],
    ['denied', denied('ec2', 'GetEbsEncryptionByDefault'), empty, 'UNKNOWN'],
    ['not implemented by the endpoint', denied('ec2', 'GetEbsEncryptionByDefault', 'unsupported'), empty, 'UNKNOWN'],
  ])('%s -> %s', (_name, value, slice, status) => {
    const outcomes = check.evaluate(ec2Region({ ...slice, ebsEncryptionByDefault: value }));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });

  it('says why an unused region is not applicable', () => {
    const [outcome] = check.evaluate(ec2Region({ ...empty, ebsEncryptionByDefault: observed(false) }));
    expect(outcome?.message).toContain('no EBS volume, instance, owned snapshot or launch template');
  });

  it('names what the region holds when it FAILs', () => {
    const [outcome] = check.evaluate(ec2Region({ ...empty, volumes: observed([volume]), ebsEncryptionByDefault: observed(false) }));
    expect(outcome?.message).toContain('1 volume(s)');
  });
});
