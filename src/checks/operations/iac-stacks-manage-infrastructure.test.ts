import { describe, expect, it } from 'vitest';
import type { CloudFormationSlice, CloudFormationStack } from '../../core/slices/cloudformation.js';
import type { Observed } from '../../core/observed.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { iacStacksManageInfrastructure as check } from './iac-stacks-manage-infrastructure.js';

function stack(name: string, driftStatus: string | null, status = 'CREATE_COMPLETE'): CloudFormationStack {
  return { stackName: name, stackId: `id-${name}`, status, createdAt: null, lastUpdatedAt: null, parentId: null, driftStatus, lastDriftCheckAt: null, tags: {} };
}

function run(slice: Observed<CloudFormationSlice>) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { cloudformation: slice })] })] }));
}

describe('iac_stacks_manage_infrastructure', () => {
  it.each<[string, Observed<CloudFormationSlice>, string]>([
    ['stacks in sync', observed({ stacks: observed([stack('app', 'IN_SYNC'), stack('net', 'NOT_CHECKED')]) }), 'MANUAL'],
    ['a drifted stack', observed({ stacks: observed([stack('app', 'DRIFTED')]) }), 'FAIL'],
    ['a drifted stack that is being deleted does not count', observed({ stacks: observed([stack('old', 'DRIFTED', 'DELETE_IN_PROGRESS')]) }), 'MANUAL'],
    ['no stacks (Terraform?)', observed({ stacks: observed([]) }), 'MANUAL'],
    ['stacks denied', observed({ stacks: denied('cloudformation', 'DescribeStacks') }), 'UNKNOWN'],
    ['slice failed', denied('cloudformation', 'DescribeStacks'), 'UNKNOWN'],
  ])('%s -> %s', (_name, slice, status) => {
    expect(run(slice)[0]).toMatchObject({ status, resourceType: 'AWS::::Account' });
  });

  it('names the drifted stacks', () => {
    expect(run(observed({ stacks: observed([stack('app', 'DRIFTED')]) }))[0]?.message).toContain('eu-west-1/app');
  });
});
