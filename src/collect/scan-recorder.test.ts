import { describe, expect, it } from 'vitest';
import type { CollectionError } from '../core/observed.js';
import { ScanRecorder } from './scan-recorder.js';

const networkError: CollectionError = {
  kind: 'network',
  accountId: '111111111111',
  region: 'us-east-1',
  service: 'ec2',
  operation: 'DescribeVolumes',
  code: 'ECONNREFUSED',
  message: 'connect ECONNREFUSED',
};

describe('ScanRecorder', () => {
  it('declares the endpoint gone after a run of network failures with no success between', () => {
    const reasons: string[] = [];
    const recorder = new ScanRecorder((r) => reasons.push(r));
    for (let i = 0; i < 11; i++) recorder.recordError(networkError);
    recorder.recordSuccess({ ...networkError }, false);
    for (let i = 0; i < 11; i++) recorder.recordError(networkError);
    expect(reasons).toEqual([]);
    recorder.recordError(networkError);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('stopped answering');
  });

  it('keeps the worst outcome per operation family and counts requests', () => {
    const recorder = new ScanRecorder();
    recorder.countRequest('111111111111', 'us-east-1', 'DescribeVolumes');
    recorder.countRequest('111111111111', 'us-east-1', 'DescribeVolumes');
    recorder.recordSuccess(networkError, false);
    recorder.recordError({ ...networkError, kind: 'throttled', code: 'Throttling' });
    const [op] = recorder.operations();
    expect(op).toMatchObject({ outcome: 'throttled', code: 'Throttling', calls: 2 });
    expect(recorder.apiCalls).toBe(2);
  });
});
