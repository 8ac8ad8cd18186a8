/**
 * An assumed role's session is renewed near its end by this machine's clock: a skewed clock (or a replayed
 * answer whose Expiration is past) must not make the scanner call AssumeRole before every request.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientFactory, DEFAULT_CLIENT_SETTINGS } from './clients.js';
import { assumeRoleProvider, sessionRefreshAt } from './credentials.js';
import { ScanRecorder } from './scan-recorder.js';

const sts = mockClient(STSClient);
afterEach(() => {
  sts.reset();
  vi.useRealTimers();
});

const MINUTE = 60_000;
const now = Date.parse('2026-12-01T10:00:00Z');

describe('sessionRefreshAt', () => {
  it('renews 5 minutes before an Expiration the clocks agree on', () => {
    expect(sessionRefreshAt(now, new Date(now + 60 * MINUTE))).toBe(now + 55 * MINUTE);
    expect(sessionRefreshAt(now, new Date(now + 30 * MINUTE))).toBe(now + 25 * MINUTE);
  });

  it('bounds the session by its duration from issue when the Expiration is past or near by the local clock', () => {
    expect(sessionRefreshAt(now, new Date(now - 120 * MINUTE))).toBe(now + 55 * MINUTE);
    expect(sessionRefreshAt(now, new Date(now + 2 * MINUTE))).toBe(now + 55 * MINUTE);
  });

  it('never trusts an Expiration beyond the session asked for, nor a missing one', () => {
    expect(sessionRefreshAt(now, new Date(now + 600 * MINUTE))).toBe(now + 55 * MINUTE);
    expect(sessionRefreshAt(now, undefined)).toBe(now + 55 * MINUTE);
  });
});

describe('assumeRoleProvider', () => {
  const clients = () =>
    createClientFactory({
      accountId: '111111111111',
      defaultRegion: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test' },
      settings: { ...DEFAULT_CLIENT_SETTINGS, endpoint: undefined, maxAttempts: 1 },
      recorder: new ScanRecorder(),
      signal: new AbortController().signal,
    });

  it('assumes once for many requests even when the answer says the session already expired', async () => {
    vi.useFakeTimers({ now, toFake: ['Date'] });
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'ASIATEST', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(now - 180 * MINUTE) },
    });
    const provider = assumeRoleProvider(clients(), 'arn:aws:iam::222222222222:role/FtrReadOnly', undefined);
    for (let i = 0; i < 20; i++) expect((await provider()).accessKeyId).toBe('ASIATEST');
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);

    vi.setSystemTime(now + 56 * MINUTE);
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });
});
