/**
 * What the client factory hands every SDK client so that per-client work is not repeated (docs/benchmarks.md,
 * "Where the scan's CPU goes"): settings read once per scan from the SDK's own sources, a logger the SDK's
 * logger middleware does not feed, and the scan's one HTTP handler, which releasing an account leaves open;
 * one SigV4 signer per client (and its signing key) instead of one per request, checked against SigV4 computed
 * here from the captured requests.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientFactory, createScanHttpHandler, DEFAULT_CLIENT_SETTINGS, resolveSharedClientConfig, UNUSED_SDK_MIDDLEWARES, type ClientSettings } from './clients.js';
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

interface SentRequest {
  readonly method: string;
  readonly hostname: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** An HTTP handler that answers every EC2 request with an empty DescribeRegions answer and keeps the requests. */
function recordingHandler() {
  const sent: SentRequest[] = [];
  const handler = {
    handle: (request: SentRequest) => {
      sent.push({ ...request, headers: { ...request.headers } });
      const body = '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><regionInfo/></DescribeRegionsResponse>';
      return Promise.resolve({ response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) } });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
  return { sent, handler: handler as unknown as NonNullable<Parameters<typeof createClientFactory>[0]['httpHandler']> };
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes a request's SigV4 signature (AWS's published algorithm) with the given secret and compares. */
function expectSignedBy(request: SentRequest, credentials: AwsCredentialIdentity, region: string, service: string): void {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
  expect(auth).not.toBeNull();
  const [, accessKeyId, day, signedRegion, signedService, signedHeaders, signature] = auth as unknown as string[];
  expect([accessKeyId, signedRegion, signedService]).toEqual([credentials.accessKeyId, region, service]);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')]));
  const names = (signedHeaders as string).split(';');
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [request.method, request.path, query, names.map((n) => `${n}:${headers[n]}\n`).join(''), signedHeaders, sha256(typeof request.body === 'string' ? request.body : '')].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'], scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day as string);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  expect(hmac(key, stringToSign).toString('hex')).toBe(signature);
  expect(headers['x-amz-security-token']).toBe(credentials.sessionToken);
}

describe('signing (one signer per client)', () => {
  it('signs every request of every account with that account credentials, as SigV4 computes it', async () => {
    const { sent, handler } = recordingHandler();
    const a = { accessKeyId: 'AKIDACCOUNTAAAAA', secretAccessKey: 'secret-a', sessionToken: 'token-a' };
    const b = { accessKeyId: 'AKIDACCOUNTBBBBB', secretAccessKey: 'secret-b', sessionToken: 'token-b' };
    const clientsA = factory({ accountId: '111111111111', credentials: a, httpHandler: handler });
    const clientsB = factory({ accountId: '222222222222', credentials: b, httpHandler: handler });
    // Interleaved, two regions each: every client signs for its own account and region only.
    for (let i = 0; i < 3; i++) {
      await clientsA(EC2Client, 'eu-west-1').send(new DescribeRegionsCommand({}));
      await clientsB(EC2Client, 'eu-west-1').send(new DescribeRegionsCommand({}));
      await clientsA(EC2Client, 'us-east-1').send(new DescribeRegionsCommand({}));
    }
    expect(sent).toHaveLength(9);
    sent.forEach((request, i) => expectSignedBy(request, i % 3 === 1 ? b : a, i % 3 === 2 ? 'us-east-1' : 'eu-west-1', 'ec2'));
    const config = clientsA(EC2Client, 'eu-west-1').config;
    expect(await config.signer()).toBe(await config.signer());
    clientsA.release();
    clientsB.release();
  });

  it('signs with renewed credentials from the request they are handed out on', async () => {
    const { sent, handler } = recordingHandler();
    // Sessions about to expire: the SDK asks the provider again before every request.
    const expiration = new Date(Date.now() + 60_000);
    const sessions = [1, 2, 3].map((n) => ({ accessKeyId: `AKIDSESSION${n}AAAA`, secretAccessKey: `secret-${n}`, sessionToken: `token-${n}`, expiration }));
    let current = 0;
    const provider = () => Promise.resolve(sessions[current] as AwsCredentialIdentity);
    const clients = factory({ credentials: provider, httpHandler: handler });
    for (current = 0; current < 3; current++) await clients(EC2Client).send(new DescribeRegionsCommand({}));
    sent.forEach((request, i) => expectSignedBy(request, sessions[i] as AwsCredentialIdentity, 'eu-west-1', 'ec2'));
    clients.release();
  });
});

describe('SDK settings and middlewares', () => {
  it('removes the middlewares a read-only scan does not use', () => {
    const names = factory()(EC2Client).middlewareStack.identify().join('\n');
    for (const name of UNUSED_SDK_MIDDLEWARES) expect(names).not.toContain(name);
    expect(names).toContain('getUserAgentMiddleware');
  });

  it('looks up a service endpoint from the environment once per scan and hands it to the other clients', async () => {
    const { sent, handler } = recordingHandler();
    const shared = { useFipsEndpoint: false, useDualstackEndpoint: false, authSchemePreference: [], userAgentAppId: undefined, configuredEndpoints: new Map() };
    const clients = factory({ settings: { ...settings, shared }, httpHandler: handler });
    vi.stubEnv('AWS_ENDPOINT_URL_EC2', 'http://ec2-first.example');
    await clients(EC2Client, 'eu-west-1').send(new DescribeRegionsCommand({}));
    // Read once: a later change of the environment is not looked up again by the scan's next clients.
    vi.stubEnv('AWS_ENDPOINT_URL_EC2', 'http://ec2-second.example');
    await clients(EC2Client, 'us-east-1').send(new DescribeRegionsCommand({}));
    expect(sent.map((r) => r.hostname)).toEqual(['ec2-first.example', 'ec2-first.example']);
    // Without the scan's shared settings, each client looks it up itself (the SDK's default).
    const own = factory({ httpHandler: handler });
    await own(EC2Client, 'us-east-1').send(new DescribeRegionsCommand({}));
    expect(sent[2]?.hostname).toBe('ec2-second.example');
  });
});

describe('timeouts', () => {
  /**
   * An endpoint that accepts connections and then stalls: `silent` never answers; `half` sends the status line
   * and headers of an answer, then nothing more. Counts the requests it received.
   */
  async function stallingEndpoint(mode: 'silent' | 'half') {
    const sockets = new Set<Socket>();
    let requests = 0;
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('data', () => {
        requests++;
        if (mode === 'half') socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<GetCallerIdentityResponse>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      endpoint: `http://127.0.0.1:${port}`,
      requests: () => requests,
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it.each(['silent', 'half'] as const)('a %s endpoint fails each attempt with a TimeoutError instead of holding the scan', async (mode) => {
    const stall = await stallingEndpoint(mode);
    const timeouts: ClientSettings = { endpoint: stall.endpoint, maxAttempts: 2, requestTimeoutMs: 300 };
    const handler = createScanHttpHandler(timeouts, 8);
    try {
      const sts = factory({ settings: timeouts, httpHandler: handler })(STSClient, 'us-east-1');
      const error = await sts.send(new GetCallerIdentityCommand({})).then(
        () => null,
        (err: unknown) => err as Error,
      );
      expect(error?.name).toBe('TimeoutError');
      // Transient: retried once (maxAttempts 2) before the read is given up.
      expect(stall.requests()).toBe(2);
    } finally {
      handler.destroy();
      await stall.close();
    }
    // Without the timeouts the request waits for ever: fail instead of hanging the suite.
  }, 20_000);
});
