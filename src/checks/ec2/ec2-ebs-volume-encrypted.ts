import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref } from './network-rules.js';

export const ec2EbsVolumeEncrypted = defineCheck({
  id: 'ec2_ebs_volume_encrypted',
  title: 'EBS volumes are encrypted',
  service: 'ec2',
  resourceType: 'AWS::EC2::Volume',
  severity: 'medium',
  reads: ['ec2:DescribeVolumes'],
  remediation: {
    summary:
      'An existing volume cannot be encrypted in place: snapshot it, copy the snapshot with encryption, create a new volume from the copy and swap it in. Enable EBS encryption by default so new volumes are encrypted.',
    console: 'EC2 console > Snapshots > Create snapshot of the volume > Copy snapshot with "Encrypt this snapshot" > Create volume from the copy > stop the instance, detach the old volume, attach the new one.',
    cli: [
      'aws ec2 create-snapshot --volume-id <vol-id>',
      'aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap-id> --encrypted --kms-key-id <key-id>',
      'aws ec2 create-volume --snapshot-id <encrypted-snap-id> --availability-zone <az>',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const volumes = seen(ec2.volumes, regionRef(account.accountId, region), out);
      if (!volumes) return out;
      for (const v of volumes.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Volume', 'volume', v.volumeId);
        const label = `EBS volume ${v.volumeId}${v.name ? ` (${v.name})` : ''}`;
        const evidence = { state: v.state, sizeGiB: v.sizeGiB, attachedInstanceIds: v.attachedInstanceIds, kmsKeyId: v.kmsKeyId };
        out.push(
          v.encrypted
            ? pass(ref, `${label} is encrypted.`, evidence)
            : fail(
                ref,
                `${label} is not encrypted${v.attachedInstanceIds.length ? ` (attached to ${v.attachedInstanceIds.join(', ')})` : ''}.`,
                evidence,
              ),
        );
      }
      return out;
    }),
});
