import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { AccessAnalyzer } from '../../core/slices/accessanalyzer.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { accessanalyzerEnabled as check } from './accessanalyzer-enabled.js';

const analyzer = (type: string, status = 'ACTIVE'): AccessAnalyzer => ({
  name: `aa-${type.toLowerCase()}`, arn: `arn:aa:${type}`, type, status, statusReason: null, createdAt: null, lastResourceAnalyzedAt: null,
});
const run = (analyzers: Observed<readonly AccessAnalyzer[]>) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { accessanalyzer: observed({ analyzers }) })] })] }));

describe('accessanalyzer_enabled', () => {
  it.each([
    ['active account analyzer', observed([analyzer('ACCOUNT')]), 'PASS'],
    ['active organization analyzer', observed([analyzer('ORGANIZATION')]), 'PASS'],
    ['only an unused-access analyzer', observed([analyzer('ACCOUNT_UNUSED_ACCESS')]), 'FAIL'],
    ['failed account analyzer', observed([analyzer('ACCOUNT', 'FAILED')]), 'FAIL'],
    ['no analyzer', observed([]), 'FAIL'],
    ['denied', denied('accessanalyzer', 'ListAnalyzers'), 'UNKNOWN'],
  ])('%s -> %s', (_label, analyzers, status) => {
    const outcomes = run(analyzers);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Region' });
  });
});
