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
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { httpSigningMiddleware, httpSigningMiddlewareOptions } from '@smithy/core';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_ACCOUNT_MESSAGE } from './account-signing.js';
import {
  createClientFactory,
  createScanHttpHandler,
  createSharedClientPool,
  DEFAULT_CLIENT_SETTINGS,
  resolveSharedClientConfig,
  UNUSED_SDK_MIDDLEWARES,
  type ClientFactory,
  type ClientSettings,
} from './clients.js';
import type { FairLimiter } from './fair-limiter.js';
import { RetryBudget } from './retry-budget.js';
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

interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

const xml = (body: string): Answer => ({ headers: { 'content-type': 'text/xml' }, body });
const json = (body: string, type = 'application/x-amz-json-1.1'): Answer => ({ headers: { 'content-type': type }, body });

/** A successful, empty answer in each test service's protocol, by the host the request went to. */
function emptyAnswer(request: SentRequest): Answer {
  const host = request.hostname;
  if (host.startsWith('ec2')) return xml('<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><regionInfo/></DescribeRegionsResponse>');
  if (host.startsWith('iam.')) return xml('<ListRolesResponse><ListRolesResult><Roles/><IsTruncated>false</IsTruncated></ListRolesResult></ListRolesResponse>');
  if (host.startsWith('kms.')) return json('{"Keys":[],"Truncated":false}');
  if (host.startsWith('guardduty.')) return json('{"detectorIds":[]}', 'application/json');
  if (host.startsWith('dynamodb.')) return json('{"TableNames":[]}', 'application/x-amz-json-1.0');
  if (host.includes('s3-control.')) return xml('<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>');
  if (host.includes('.s3.') || host.startsWith('s3.')) return xml('<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>');
  throw new Error(`no answer for ${host}`);
}

/**
 * An HTTP handler that keeps every request (as sent, signed) and answers it with `answer` (default: an empty
 * success in the service's protocol), after `delayMs` so that requests of several accounts overlap.
 */
function recordingHandler(answer: (request: SentRequest, sent: readonly SentRequest[]) => Answer | undefined = () => undefined, delayMs = 0) {
  const sent: SentRequest[] = [];
  const handler = {
    handle: async (request: SentRequest) => {
      sent.push({ ...request, headers: { ...request.headers } });
      const a = answer(request, sent) ?? emptyAnswer(request);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { response: { statusCode: a.status ?? 200, headers: a.headers ?? {}, body: Readable.from([Buffer.from(a.body)]) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
  return { sent, handler: handler as unknown as NonNullable<Parameters<typeof createClientFactory>[0]['httpHandler']> };
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4's URI encoding (RFC 3986 unreserved characters kept). */
const uriEncode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A request's body as sent: text (query protocols) or bytes (the JSON protocols), as UTF-8 text. */
function bodyText(request: SentRequest): string {
  const body = request.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error('a request body of an unexpected kind');
}

/** The signed date of a request (x-amz-date), as a Date. */
function signedAt(request: SentRequest): Date {
  const d = request.headers['x-amz-date'] ?? '';
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
}

/** Recomputes a request's SigV4 signature (AWS's published algorithm) with the given secret and compares. */
function expectSignedBy(request: SentRequest, credentials: AwsCredentialIdentity, region: string, service: string): void {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
  expect(auth).not.toBeNull();
  const [, accessKeyId, day, signedRegion, signedService, signedHeaders, signature] = auth as unknown as string[];
  expect([accessKeyId, signedRegion, signedService]).toEqual([credentials.accessKeyId, region, service]);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')]));
  const names = (signedHeaders as string).split(';');
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&');
  const payloadHash = headers['x-amz-content-sha256'] ?? sha256(bodyText(request));
  const canonical = [request.method, request.path, query, names.map((n) => `${n}:${headers[n]}\n`).join(''), signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'], scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day as string);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  expect(hmac(key, stringToSign).toString('hex')).toBe(signature);
  expect(headers['x-amz-security-token']).toBe(credentials.sessionToken);
}

interface TestAccount {
  readonly id: string;
  readonly credentials: AwsCredentialIdentity;
}
const accounts: readonly TestAccount[] = ['111111111111', '222222222222', '333333333333'].map((id, i) => ({
  id,
  credentials: { accessKeyId: `AKIDACCOUNT${i}AAAAA`, secretAccessKey: `secret-of-${id}`, sessionToken: `token-of-${id}` },
}));

/** The accounts' factories on one pool of shared clients, as a scan thread has them. */
function scanThread(handler: ReturnType<typeof recordingHandler>['handler'], extra: Partial<Parameters<typeof createClientFactory>[0]> = {}) {
  const retryStrategy = new RetryBudget({ maxAttempts: 3, sleep: () => Promise.resolve() });
  const sharedClients = createSharedClientPool({ settings, retryStrategy, httpHandler: handler });
  const recorder = new ScanRecorder();
  const factories = new Map(
    accounts.map((a) => [a.id, factory({ accountId: a.id, credentials: a.credentials, recorder, retryStrategy, httpHandler: handler, sharedClients, ...extra })]),
  );
  return { sharedClients, recorder, clientsOf: (account: TestAccount) => factories.get(account.id) as ClientFactory };
}

/** The test account whose id the request carries (every input below names its account). */
function senderOf(request: SentRequest): TestAccount {
  const text = [request.hostname, request.path, JSON.stringify(request.query ?? {}), bodyText(request), request.headers['x-amz-account-id'] ?? ''].join(' ');
  const found = accounts.filter((a) => text.includes(a.id));
  expect(found).toHaveLength(1);
  return found[0] as TestAccount;
}

describe('signing on clients shared by the accounts', () => {
  it('signs every request with the credentials of the account that sent it, in every protocol and region', async () => {
    const { sent, handler } = recordingHandler(undefined, 5);
    const { clientsOf } = scanThread(handler);
    // What each send expects: the region and service of its SigV4 scope (IAM is signed for us-east-1).
    const cases = [
      { service: 'ec2', send: (c: ClientFactory, a: TestAccount, region: string) => c(EC2Client, region).send(new DescribeRegionsCommand({ RegionNames: [`r-${a.id}`] })) },
      { service: 'kms', send: (c: ClientFactory, a: TestAccount, region: string) => c(KMSClient, region).send(new ListKeysCommand({ Marker: `m-${a.id}` })) },
      { service: 'guardduty', send: (c: ClientFactory, a: TestAccount, region: string) => c(GuardDutyClient, region).send(new ListDetectorsCommand({ NextToken: `t-${a.id}` })) },
      { service: 's3', send: (c: ClientFactory, a: TestAccount, region: string) => c(S3ControlClient, region).send(new GetPublicAccessBlockCommand({ AccountId: a.id })) },
      { service: 'iam', global: true, send: (c: ClientFactory, a: TestAccount, region: string) => c(IAMClient, region).send(new ListRolesCommand({ PathPrefix: `/p-${a.id}/` })) },
    ];
    const expected = new Map<string, { account: TestAccount; region: string; service: string }[]>();
    // Interleaved and concurrent: every account sends every case in two regions at once.
    await Promise.all(
      accounts.flatMap((a) =>
        ['eu-west-1', 'us-east-2'].flatMap((region) =>
          cases.map((c) => {
            const list = expected.get(a.id) ?? [];
            list.push({ account: a, region: c.global ? 'us-east-1' : region, service: c.service });
            expected.set(a.id, list);
            return c.send(clientsOf(a), a, region);
          }),
        ),
      ),
    );
    expect(sent).toHaveLength(accounts.length * 2 * cases.length);
    for (const request of sent) {
      const account = senderOf(request);
      const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(request.headers.authorization ?? '');
      const match = expected.get(account.id)?.find((e) => e.region === scope?.[1] && e.service === scope[2]);
      expect(match, `${request.hostname}${request.path}`).toBeDefined();
      expectSignedBy(request, account.credentials, match?.region ?? '', match?.service ?? '');
    }
    // One client per service and region for all three accounts: their handles share it.
    const [a, b] = [clientsOf(accounts[0]!)(EC2Client, 'eu-west-1'), clientsOf(accounts[1]!)(EC2Client, 'eu-west-1')];
    expect(a).not.toBe(b);
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(a).toBeInstanceOf(EC2Client);
  });

  it('signs each attempt of a retried request, and each account corrects its own clock skew', async () => {
    const skewedBy = 60 * 60_000;
    const { sent, handler } = recordingHandler((request, all) => {
      const first = all.filter((r) => senderOf(r).id === senderOf(request).id && r.hostname === request.hostname).length === 1;
      if (!first) return undefined;
      // EC2: a server error (retried). KMS, account 0 only: AWS's answer to a clock an hour behind.
      if (request.hostname.startsWith('ec2.')) return { status: 503, headers: { 'content-type': 'text/xml' }, body: '<Response><Errors><Error><Code>Unavailable</Code><Message>busy</Message></Error></Errors><RequestID>r</RequestID></Response>' };
      if (request.hostname.startsWith('kms.') && senderOf(request).id === accounts[0]!.id) {
        return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', date: new Date(Date.now() + skewedBy).toUTCString() }, body: '{"__type":"InvalidSignatureException","message":"Signature expired: the request time is too skewed."}' };
      }
      return undefined;
    }, 5);
    const { clientsOf, recorder } = scanThread(handler);
    await Promise.all(accounts.map((a) => clientsOf(a)(EC2Client, 'eu-west-1').send(new DescribeRegionsCommand({ RegionNames: [`r-${a.id}`] }))));
    const ec2 = sent.filter((r) => r.hostname.startsWith('ec2.'));
    expect(ec2).toHaveLength(2 * accounts.length);
    for (const request of ec2) expectSignedBy(request, senderOf(request).credentials, 'eu-west-1', 'ec2');
    expect(recorder.attempts).toBe(2 * accounts.length);

    for (const a of accounts) await clientsOf(a)(KMSClient, 'eu-west-1').send(new ListKeysCommand({ Marker: `m-${a.id}` }));
    const kms = sent.filter((r) => r.hostname.startsWith('kms.'));
    // Account 0: the skewed attempt, then its retry signed an hour later; the others on the same client: not shifted.
    expect(kms.map((r) => senderOf(r).id)).toEqual([accounts[0]!.id, accounts[0]!.id, accounts[1]!.id, accounts[2]!.id]);
    for (const request of kms) expectSignedBy(request, senderOf(request).credentials, 'eu-west-1', 'kms');
    expect(signedAt(kms[1]!).getTime() - Date.now()).toBeGreaterThan(skewedBy - 120_000);
    for (const request of [kms[0]!, kms[2]!, kms[3]!]) expect(Math.abs(signedAt(request).getTime() - Date.now())).toBeLessThan(120_000);
    await clientsOf(accounts[0]!)(KMSClient, 'eu-west-1').send(new ListKeysCommand({ Marker: `m-${accounts[0]!.id}` }));
    expect(signedAt(sent.at(-1)!).getTime() - Date.now()).toBeGreaterThan(skewedBy - 120_000);
    // The shared client's own clock offset is untouched.
    expect(clientsOf(accounts[1]!)(KMSClient, 'eu-west-1').config.systemClockOffset).toBe(0);
  });

  it('signs with a renewed session from the request it is handed out on, between other accounts requests', async () => {
    const { sent, handler } = recordingHandler();
    const expiration = new Date(Date.now() + 60_000);
    const sessions = [1, 2, 3].map((n) => ({ accessKeyId: `AKIDSESSION${n}AAAA`, secretAccessKey: `secret-${n}`, sessionToken: `token-${n}`, expiration }));
    let current = 0;
    const { clientsOf } = scanThread(handler);
    const renewing = factory({ accountId: accounts[0]!.id, credentials: () => Promise.resolve(sessions[current] as AwsCredentialIdentity), httpHandler: handler });
    for (current = 0; current < 3; current++) {
      await renewing(EC2Client).send(new DescribeRegionsCommand({ RegionNames: [`r-${accounts[0]!.id}`] }));
      await clientsOf(accounts[1]!)(EC2Client).send(new DescribeRegionsCommand({ RegionNames: [`r-${accounts[1]!.id}`] }));
    }
    sent.forEach((request, i) => expectSignedBy(request, i % 2 === 0 ? (sessions[i / 2] as AwsCredentialIdentity) : accounts[1]!.credentials, 'eu-west-1', 'ec2'));
  });

  it('signs a command re-sent, and one command sent by two accounts at once, for the account of each send', async () => {
    const { sent, handler } = recordingHandler(undefined, 20);
    const { clientsOf } = scanThread(handler);
    const [a, b] = [accounts[0]!, accounts[1]!];
    const command = new DescribeRegionsCommand({ RegionNames: ['the-same-command'] });
    await clientsOf(a)(EC2Client).send(command);
    await clientsOf(b)(EC2Client).send(command);
    await clientsOf(a)(EC2Client).send(command);
    await Promise.all([clientsOf(a)(EC2Client).send(command), clientsOf(b)(EC2Client).send(command), clientsOf(a)(EC2Client).send(command)]);
    const byKey = new Map(accounts.map((x) => [x.credentials.accessKeyId, x]));
    const signers = sent.map((r) => byKey.get(/Credential=([^/]+)\//.exec(r.headers.authorization ?? '')?.[1] ?? ''));
    expect(signers.map((x) => x?.id)).toEqual([a.id, b.id, a.id, a.id, b.id, a.id]);
    sent.forEach((request, i) => expectSignedBy(request, signers[i]!.credentials, 'eu-west-1', 'ec2'));
    // The command carries one account middleware, whatever the number of sends.
    expect(command.middlewareStack.identify().filter((n) => n.startsWith('ftrReadyAttachAccount'))).toHaveLength(1);
  });

  it('keeps S3 clients per account and signs a region-redirected request for the bucket region', async () => {
    const { sent, handler } = recordingHandler((request) =>
      request.hostname.startsWith('moved-') && !request.hostname.includes('eu-west-2')
        ? { status: 301, headers: { 'content-type': 'application/xml', 'x-amz-bucket-region': 'eu-west-2' }, body: '<Error><Code>PermanentRedirect</Code><Message>moved</Message></Error>' }
        : undefined,
    );
    const { clientsOf } = scanThread(handler);
    const [a, b] = [accounts[0]!, accounts[1]!];
    await Promise.all([
      clientsOf(a)(S3Client, 'us-east-1').send(new GetBucketVersioningCommand({ Bucket: `moved-${a.id}` })),
      clientsOf(b)(S3Client, 'us-east-1').send(new GetBucketVersioningCommand({ Bucket: `stays-${b.id}` })),
    ]);
    const [first, other, redirected] = [sent.find((r) => r.hostname.startsWith('moved-') && !r.hostname.includes('eu-west-2')), sent.find((r) => r.hostname.startsWith('stays-')), sent.find((r) => r.hostname.includes('eu-west-2'))];
    expectSignedBy(first!, a.credentials, 'us-east-1', 's3');
    expectSignedBy(redirected!, a.credentials, 'eu-west-2', 's3');
    expectSignedBy(other!, b.credentials, 'us-east-1', 's3');
    expect(sent).toHaveLength(3);
    expect(Object.getPrototypeOf(clientsOf(a)(S3Client, 'us-east-1'))).not.toBe(Object.getPrototypeOf(clientsOf(b)(S3Client, 'us-east-1')));
  });

  it('signs DynamoDB reads per account, sent to the regional endpoint (never one built from the client identity)', async () => {
    const { sent, handler } = recordingHandler();
    const { clientsOf } = scanThread(handler);
    for (const a of accounts) await clientsOf(a)(DynamoDBClient, 'eu-west-1').send(new ListTablesCommand({ ExclusiveStartTableName: `t-${a.id}` }));
    expect(sent.map((r) => r.hostname)).toEqual(accounts.map(() => 'dynamodb.eu-west-1.amazonaws.com'));
    for (const request of sent) expectSignedBy(request, senderOf(request).credentials, 'eu-west-1', 'dynamodb');
  });

  it('fails a request once, before any attempt, when its account credentials cannot be had', async () => {
    const { sent, handler } = recordingHandler();
    const { clientsOf, recorder, sharedClients } = scanThread(handler);
    let asked = 0;
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } });
    const denied = factory({ accountId: accounts[2]!.id, credentials: () => (asked++, Promise.reject(throttled)), httpHandler: handler, recorder, sharedClients });
    await expect(denied(EC2Client).send(new DescribeRegionsCommand({}))).rejects.toThrow('Rate exceeded');
    expect([asked, recorder.attempts, sent.length]).toEqual([1, 0, 0]);
    // The other accounts on the same client are not affected.
    await clientsOf(accounts[0]!)(EC2Client).send(new DescribeRegionsCommand({ RegionNames: [`r-${accounts[0]!.id}`] }));
    expectSignedBy(sent[0]!, accounts[0]!.credentials, 'eu-west-1', 'ec2');
  });

  it('works with the SDK paginators, and counts and limits requests per account', async () => {
    const { sent, handler } = recordingHandler();
    const slots: string[] = [];
    const requests = { acquire: (account: string, key: string) => (slots.push(`${account} ${key}`), Promise.resolve(() => undefined)) } as unknown as FairLimiter;
    const { clientsOf, recorder } = scanThread(handler, { requests });
    for (const a of accounts.slice(0, 2)) {
      for await (const page of paginateListKeys({ client: clientsOf(a)(KMSClient, 'eu-west-1') }, { Marker: `m-${a.id}` })) expect(page.Keys).toEqual([]);
    }
    for (const request of sent) expectSignedBy(request, senderOf(request).credentials, 'eu-west-1', 'kms');
    expect(slots).toEqual([`${accounts[0]!.id} ${accounts[0]!.id}|eu-west-1|kms`, `${accounts[1]!.id} ${accounts[1]!.id}|eu-west-1|kms`]);
    expect(recorder.apiCalls).toBe(2);
  });
});

describe('a shared client never signs by itself', () => {
  it('refuses a request sent with no account attached, before anything is sent', async () => {
    const { sent, handler } = recordingHandler();
    const { clientsOf } = scanThread(handler);
    const handle = clientsOf(accounts[0]!)(EC2Client);
    await handle.send(new DescribeRegionsCommand({ RegionNames: [`r-${accounts[0]!.id}`] }));
    const shared = Object.getPrototypeOf(handle) as EC2Client;
    await expect(shared.send(new DescribeRegionsCommand({}))).rejects.toThrow(NO_ACCOUNT_MESSAGE);
    expect(sent).toHaveLength(1);
  });

  it('fails instead of signing when its signing middleware is bypassed, and holds no secret', async () => {
    const { sent, handler } = recordingHandler();
    const { clientsOf } = scanThread(handler);
    const handle = clientsOf(accounts[0]!)(EC2Client);
    // The SDK's own signing middleware put back for one command: it signs with the shared client's configuration.
    const command = new DescribeRegionsCommand({ RegionNames: [`r-${accounts[0]!.id}`] });
    command.middlewareStack.addRelativeTo(httpSigningMiddleware(handle.config), httpSigningMiddlewareOptions);
    await expect(handle.send(command)).rejects.toThrow(NO_ACCOUNT_MESSAGE);
    expect(sent).toHaveLength(0);
    // Its credentials, after accounts used it, are still the identity that cannot sign.
    await handle.send(new DescribeRegionsCommand({ RegionNames: [`r-${accounts[0]!.id}`] }));
    const identity = await handle.config.credentials();
    expect(identity.accessKeyId).toBe('NO-ACCOUNT-ATTACHED');
    expect(() => identity.secretAccessKey).toThrow(NO_ACCOUNT_MESSAGE);
    await expect(handle.config.signer()).rejects.toThrow(NO_ACCOUNT_MESSAGE);
  });

  it('drops an account handles on release and keeps the shared clients for the next account', () => {
    const { handler } = recordingHandler();
    const { clientsOf, sharedClients } = scanThread(handler);
    const clients = clientsOf(accounts[0]!);
    const before = clients(EC2Client);
    clients.release();
    const after = clients(EC2Client);
    expect(after).not.toBe(before);
    expect(Object.getPrototypeOf(after)).toBe(Object.getPrototypeOf(before));
    expect(Object.getPrototypeOf(after)).toBe(sharedClients.client(EC2Client, 'eu-west-1'));
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
