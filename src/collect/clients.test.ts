/**
 * What the client factory hands every SDK client so that per-client work is not repeated (docs/benchmarks.md,
 * "Where the scan's CPU goes"): settings read once per scan from the SDK's own sources, a logger the SDK's
 * logger middleware does not feed, and the scan's one HTTP handler, which releasing an account leaves open.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientFactory, createScanHttpHandler, DEFAULT_CLIENT_SETTINGS, resolveSharedClientConfig, type ClientSettings } from './clients.js';
import { ScanRecorder } from './scan-recorder.js';

const settings: ClientSettings = { ...DEFAULT_CLIENT_SETTINGS, endpoint: undefined };
const factory = (extra: Partial<Parameters<typeof createClientFactory>[0]> = {}) =>
  createClientFactory({
    accountId: '111111111111',
    defaultRegion: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test' },
    settings,
    recorder: new ScanRecorder(),
    signal: new AbortController().signal,
    ...extra,
  });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('resolveSharedClientConfig', () => {
  it('reads the settings from the same sources as the SDK (here the environment)', async () => {
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'true');
    vi.stubEnv('AWS_USE_DUALSTACK_ENDPOINT', 'false');
    vi.stubEnv('AWS_SDK_UA_APP_ID', 'ftr-test');
    await expect(resolveSharedClientConfig()).resolves.toMatchObject({ useFipsEndpoint: true, useDualstackEndpoint: false, userAgentAppId: 'ftr-test' });
  });
});

describe('createClientFactory', () => {
  it('hands the scan-wide settings to every client instead of letting each look them up', async () => {
    const clients = factory({
      settings: { ...settings, shared: { useFipsEndpoint: true, useDualstackEndpoint: true, authSchemePreference: ['sigv4'], userAgentAppId: 'scan' } },
    });
    const config = clients(EC2Client).config;
    await expect(config.useFipsEndpoint()).resolves.toBe(true);
    await expect(config.useDualstackEndpoint()).resolves.toBe(true);
    await expect(config.userAgentAppId()).resolves.toBe('scan');
    clients.release();
  });

  it('gives clients a logger without info and error, so no request or answer is copied for a log', () => {
    const clients = factory();
    const logger = clients(EC2Client).config.logger as unknown as Record<string, unknown>;
    expect(logger.info).toBeUndefined();
    expect(logger.error).toBeUndefined();
    clients.release();
  });

  it('leaves the scan-wide HTTP handler open when an account is released, and builds new clients after', () => {
    const handler = createScanHttpHandler(settings, 64);
    const destroy = vi.spyOn(handler, 'destroy');
    const clients = factory({ httpHandler: handler });
    const first = clients(EC2Client);
    clients.release();
    expect(destroy).not.toHaveBeenCalled();
    expect(clients(EC2Client)).not.toBe(first);
    handler.destroy();
  });
});
