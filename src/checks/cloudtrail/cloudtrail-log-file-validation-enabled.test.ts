import { describe, expect, it } from 'vitest';
import { aTrail, shadowOf, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import { cloudtrailLogFileValidationEnabled } from './cloudtrail-log-file-validation-enabled.js';

describe('cloudtrail_log_file_validation_enabled', () => {
  it.each([
    ['enabled', true, 'PASS'],
    ['disabled', false, 'FAIL'],
  ])('%s => %s', (_name, logFileValidationEnabled, status) => {
    const trail = aTrail('main', { logFileValidationEnabled });
    expect(cloudtrailLogFileValidationEnabled.evaluate(trailSnapshot({ 'us-east-1': [trail], 'eu-west-1': [shadowOf(trail)] }))).toEqual([
      expect.objectContaining({ status, resourceId: 'main', region: 'us-east-1' }),
    ]);
  });

  it('is UNKNOWN for a region whose trails could not be listed', () => {
    expect(cloudtrailLogFileValidationEnabled.evaluate(trailSnapshot({ 'us-east-1': denied('cloudtrail', 'DescribeTrails') }))).toEqual([
      expect.objectContaining({ status: 'UNKNOWN' }),
    ]);
  });

  it('is NOT_APPLICABLE without trails', () => {
    expect(cloudtrailLogFileValidationEnabled.evaluate(trailSnapshot({ 'us-east-1': [] }))).toEqual([expect.objectContaining({ status: 'NOT_APPLICABLE' })]);
  });
});
