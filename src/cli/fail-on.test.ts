import { describe, expect, it } from 'vitest';
import type { Assessment } from '../core/assessment.js';
import type { Finding } from '../core/finding.js';
import { findingsAtOrAbove, parseSeverity } from './fail-on.js';

const finding = (status: Finding['status'], severity: Finding['severity'], suppressed = false): Finding => ({
  checkId: 'x_y',
  checkTitle: 'X',
  controlIds: [],
  status,
  severity,
  accountId: '111111111111',
  region: null,
  resourceType: 'AWS::::Account',
  resourceId: '111111111111',
  resourceArn: null,
  message: 'm',
  evidence: {},
  suppression: suppressed ? { justification: 'accepted', expires: '2027-01-01', owner: 'sec' } : null,
});
const assessment = (findings: Finding[]) => ({ findings }) as unknown as Assessment;

describe('--fail-on', () => {
  it('counts unsuppressed FAILs at or above the threshold only', () => {
    const a = assessment([finding('FAIL', 'medium'), finding('FAIL', 'critical', true), finding('UNKNOWN', 'critical'), finding('PASS', 'high')]);
    expect(findingsAtOrAbove([a], 'high')).toBe(0);
    expect(findingsAtOrAbove([a], 'medium')).toBe(1);
    expect(findingsAtOrAbove([a], 'info')).toBe(1);
  });

  it('rejects an unknown severity with the list of valid ones', () => {
    expect(parseSeverity('critical')).toBe('critical');
    expect(() => parseSeverity('severe')).toThrow(/Use one of: critical, high, medium, low, info/);
  });
});
