import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { LaunchTemplateVersion } from '../../core/slices/ec2.js';
import { ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2LaunchTemplateNoSecrets as check } from './ec2-launch-template-no-secrets.js';

const secret = { location: 'userData:line 2', kind: 'aws-access-key-id', hint: 'AKIA****' } as const;
const version = (n: number, findings: (typeof secret)[] | null): LaunchTemplateVersion => ({
  launchTemplateId: 'lt-1',
  launchTemplateName: 'web',
  versionNumber: n,
  isDefault: n === 1,
  userData: findings === null ? null : { bytes: 80, gzip: false, secretFindings: findings },
});

describe('ec2_launch_template_no_secrets', () => {
  it.each<[string, Observed<readonly LaunchTemplateVersion[]>, string[]]>([
    ['no user data', observed([version(1, null)]), ['PASS']],
    ['clean default and latest', observed([version(1, []), version(2, [])]), ['PASS']],
    ['a key in the latest version only', observed([version(1, []), version(2, [secret])]), ['FAIL']],
    ['no templates', observed([]), []],
    ['versions not readable', denied('ec2', 'DescribeLaunchTemplateVersions'), ['UNKNOWN']],
  ])('%s -> %o', (_name, launchTemplateVersions, statuses) => {
    const outcomes = check.evaluate(ec2Region({ launchTemplateVersions }));
    expect(outcomes.map((o) => o.status)).toEqual(statuses);
  });

  it('names the leaking version and keeps only redacted findings', () => {
    const [outcome] = check.evaluate(ec2Region({ launchTemplateVersions: observed([version(1, []), version(2, [secret])]) }));
    expect(outcome?.message).toContain('version(s) 2 contains 1 likely secret(s) (aws-access-key-id)');
    expect(outcome?.evidence).toEqual({ name: 'web', secretFindings: [{ version: 2, ...secret }] });
    expect(outcome?.resourceId).toBe('lt-1');
  });

  it('says to re-scan when the snapshot predates launch-template collection', () => {
    const [outcome] = check.evaluate(ec2Region({}));
    expect(outcome?.status).toBe('UNKNOWN');
    expect(outcome?.message).toContain('re-scan');
  });
});
