/** A queue unit carries the organization posture step's answers for its account (collect/member-posture.ts). */
import { describe, expect, it } from 'vitest';
import { scanUnitSchema, type ScanUnit } from './queue-unit.js';

const unit: ScanUnit = {
  scanId: 7,
  account: { id: '333333333333', name: 'member' },
  roleName: 'FtrReadOnly',
  externalIdRequired: false,
  regions: null,
  services: null,
  deepRegions: false,
  organization: { managementAccountId: '111111111111', scannedAccountIds: [] },
  limits: { concurrency: 8, perAccountConcurrency: 4, maxAttempts: 3 },
};

describe('scanUnitSchema', () => {
  it('keeps the answers of a delegated administrator through JSON, and reads units without any', () => {
    const posture = {
      regional: {
        'eu-west-1': {
          inspector2: {
            account: { ok: true as const, value: { status: 'ENABLED', ec2: 'ENABLED', ecr: null, lambda: null, lambdaCode: null } },
            source: { kind: 'delegated-administrator' as const, accountId: '222222222222', operation: 'inspector2:BatchGetAccountStatus' },
          },
        },
      },
    };
    expect(scanUnitSchema.parse(JSON.parse(JSON.stringify({ ...unit, posture })))).toEqual({ ...unit, posture });
    expect(scanUnitSchema.parse(JSON.parse(JSON.stringify(unit)))).toEqual(unit);
    expect(scanUnitSchema.safeParse({ ...unit, posture: { regional: { 'eu-west-1': { inspector2: { account: { ok: true, value: { status: 'ENABLED' } } } } } } }).success).toBe(false);
  });
});
