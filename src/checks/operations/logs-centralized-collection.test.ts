import { describe, expect, it } from 'vitest';
import type { LogGroup, LogsSlice } from '../../core/slices/logs.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { logsCentralizedCollection as check } from './logs-centralized-collection.js';

function group(name: string, destinations: string[] | 'denied' | null): LogGroup {
  return {
    name,
    arn: null,
    retentionInDays: null,
    storedBytes: null,
    kmsKeyId: null,
    createdAt: null,
    subscriptionFilters:
      destinations === null
        ? null
        : destinations === 'denied'
          ? denied('logs', 'DescribeSubscriptionFilters')
          : observed(destinations.map((d) => ({ filterName: 'f', destinationArn: d, filterPattern: null }))),
  };
}

function run(slice: LogsSlice | 'denied') {
  const logs = slice === 'denied' ? denied<LogsSlice>('logs', 'DescribeLogGroups') : observed(slice);
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { logs })] })] }));
}

const noPolicy = observed([]);
const central = 'arn:aws:logs:eu-west-1:999999999999:destination:central';

describe('logs_centralized_collection', () => {
  it.each<[string, LogsSlice | 'denied', string]>([
    ['groups forwarded to another account', { logGroups: observed([group('/app', [central]), group('/b', [])]), accountSubscriptionPolicies: noPolicy }, 'MANUAL'],
    [
      'an account-level subscription policy',
      { logGroups: observed([group('/app', [])]), accountSubscriptionPolicies: observed([{ policyName: 'all', scope: 'ALL', selectionCriteria: null, destinationArn: central }]) },
      'MANUAL',
    ],
    ['no group forwards anything', { logGroups: observed([group('/app', []), group('/b', null)]), accountSubscriptionPolicies: noPolicy }, 'FAIL'],
    ['no log groups', { logGroups: observed([]), accountSubscriptionPolicies: noPolicy }, 'NOT_APPLICABLE'],
    ['log groups denied', { logGroups: denied('logs', 'DescribeLogGroups'), accountSubscriptionPolicies: noPolicy }, 'UNKNOWN'],
    ['filters denied and nothing forwarded', { logGroups: observed([group('/app', 'denied')]), accountSubscriptionPolicies: noPolicy }, 'UNKNOWN'],
    ['account policies denied and nothing forwarded', { logGroups: observed([group('/app', [])]), accountSubscriptionPolicies: denied('logs', 'DescribeAccountPolicies') }, 'UNKNOWN'],
    ['the whole slice failed', 'denied', 'UNKNOWN'],
  ])('%s -> %s', (_name, slice, status) => {
    const [outcome] = run(slice);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });

  it('names the cross-account destination in the evidence', () => {
    const [outcome] = run({ logGroups: observed([group('/app', [central])]), accountSubscriptionPolicies: noPolicy });
    expect(outcome?.evidence).toMatchObject({ forwarded: 1, crossAccountDestinations: [central] });
    expect(outcome?.message).toContain('1 of 1 inspected log group(s)');
  });
});
