/**
 * A simulated AWS for the scan benchmark: a reverse proxy in front of moto that adds latency to every answer
 * (real AWS answers in 30-150 ms) and answers a share of requests with the throttling error the service's
 * protocol uses, as AWS would. It can record moto's answers and replay them, so a replayed run measures the
 * scanner alone (no moto CPU on the machine). It runs in its own process (started by run-bench.ts) so its
 * CPU is never counted as the scanner's.
 *
 *   tsx bench/aws-proxy.ts --upstream http://127.0.0.1:PORT [--port 0] [--load recording.json]
 *
 * It prints `listening <port>` once ready. Control (JSON over HTTP, never forwarded):
 *   POST /__ftr_bench/config {"mode":"live"|"record"|"replay","latencyMs":60,"throttleRate":0.05,"seed":1,
 *                             "syntheticMembers":1000,"ownedSnapshotsOnly":true}
 * `ownedSnapshotsOnly` (replay): ec2:DescribeSnapshots answers keep only snapshots an account of the recorded
 * Organization owns, as AWS answers `OwnerIds=self` (moto answers its ~1,150 public snapshots per region).
 * `syntheticMembers` (replay only) plays an Organization of that many members from a recording of a few: the
 * recorded ListAccounts answer gets the synthetic members, and each synthetic member X is played by a
 * recorded member T (round-robin): its AssumeRole is T's answer with a key of its own, and its requests are
 * looked up as T's (X replaced by T in path and body). The answers carry T's ids; the scanner's work per
 * account is the same as for T, which is what a scale benchmark measures.
 * Two options (replay only) model an Organization under Control Tower, so the region signal (docs/decisions/0012)
 * can be measured: `enabledRegions` rewrites ec2:DescribeRegions so that only those regions are enabled (AWS
 * enables 17 by default; moto lists more); `configEverywhere` ("every region governed by AWS Config, e.g. Control
 * Tower") lists the regions where every account has an AWS Config recorder recording every resource type, last
 * status SUCCESS, and a delivery channel, and `config:GetDiscoveredResourceCounts` answers its counts: 0 in those
 * regions, which must be ones the recording holds no resources in (the bench passes the e2e seed's empty regions).
 *   GET  /__ftr_bench/stats   requests, throttled, replay misses, max in flight (all, per access key)
 *   GET  /__ftr_bench/operations   per `service Operation`: requests, answer bytes, error answers
 *   POST /__ftr_bench/save {"file":"..."}   writes the recording
 * Loopback only; it holds no real credential (moto's fake keys) and never talks to real AWS.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Mode = 'live' | 'record' | 'replay';

interface RecordedAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string; // base64
}

interface Config {
  mode: Mode;
  latencyMs: number;
  throttleRate: number;
  seed: number;
  syntheticMembers: number;
  /** Replay: only these regions are enabled in DescribeRegions (empty: the recorded answer). */
  enabledRegions: string[];
  /** Replay: empty regions governed by AWS Config (Control Tower): a recorder of every type, counts of 0. */
  configEverywhere: string[];
  /**
   * Replay: ec2:DescribeSnapshots with `OwnerIds=self` answers only the Organization's own snapshots, as AWS
   * does. moto ignores the owner and answers the ~1,150 public snapshots it pre-creates per region (431 KB of
   * XML per region, 94% of every byte a recorded account is answered): false replays moto's answer.
   */
  ownedSnapshotsOnly: boolean;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const upstream = new URL(arg('upstream') ?? 'http://127.0.0.1:5000');
const config: Config = { mode: 'live', latencyMs: 60, throttleRate: 0, seed: 1, syntheticMembers: 0, enabledRegions: [], configEverywhere: [], ownedSnapshotsOnly: false };
const recording = new Map<string, RecordedAnswer[]>();
const replayCursor = new Map<string, number>();
const loadFile = arg('load');
if (loadFile) {
  const saved = JSON.parse(readFileSync(loadFile, 'utf8')) as Record<string, RecordedAnswer[]>;
  for (const [k, v] of Object.entries(saved)) recording.set(k, v);
}

/** The recorded Organization's account ids (from its ListAccounts answers): who can own a snapshot. */
const organizationAccountIds = new Set<string>();
for (const [k, answers] of recording) {
  if (!k.includes('ListAccounts')) continue;
  for (const a of answers) for (const m of Buffer.from(a.body, 'base64').toString('utf8').matchAll(/"Id":\s*"(\d{12})"/g)) if (m[1]) organizationAccountIds.add(m[1]);
}

const stats = { connections: 0, requests: 0, throttled: 0, replayMisses: 0, inFlight: 0, maxInFlight: 0, maxInFlightPerKey: 0 };
/** The proxy's own CPU since the last `config` call: the simulated AWS shares the machine with the scanner. */
let cpuAtConfig = process.cpuUsage();
/** Per `service Operation`: requests, answer bytes, error answers (GET /__ftr_bench/operations). */
const byOperation = new Map<string, { requests: number; bytes: number; errors: number }>();

/** The operation of a request: the JSON target, the query Action, or the REST method + path shape. */
function operationOf(service: string, method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return `${service} ${target.replace(/^.*\./, '')}`;
  const action = /(?:^|&)Action=([^&]+)/.exec(body.toString('utf8'))?.[1] ?? /[?&]Action=([^&]+)/.exec(url)?.[1];
  if (action) return `${service} ${action}`;
  // REST: the path with ids and names replaced, plus the sub-resource query keys (S3 ?policy, ?encryption).
  const [path = '', query = ''] = url.split('?');
  const shape = path.replace(/\/[^/]*\d[^/]*/g, '/{id}');
  const keys = query.split('&').map((kv) => kv.split('=')[0]).filter((k) => k && !/^(max|next|X-Amz)/i.test(k ?? '')).join('&');
  return `${service} ${method} ${shape}${keys ? `?${keys}` : ''}`;
}
const inFlightPerKey = new Map<string, number>();

/** mulberry32: a small seeded generator, so a run's throttled requests are reproducible. */
let rngState = config.seed;
function random(): number {
  rngState = (rngState + 0x6d2b79f5) | 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** `Credential=AKID/20260101/us-east-1/ec2/aws4_request` -> access key id and service. */
function credentialScope(headers: IncomingHttpHeaders): { accessKey: string; region: string; service: string } {
  const auth = headers.authorization ?? '';
  const m = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(auth);
  return { accessKey: m?.[1] ?? 'anonymous', region: m?.[2] ?? '', service: m?.[3] ?? '' };
}

/** The throttling answer AWS gives for this request's protocol. */
function throttlingAnswer(service: string, headers: IncomingHttpHeaders): RecordedAnswer {
  const requestId = `bench-${Math.floor(random() * 1e9)}`;
  const xml = (body: string, status: number): RecordedAnswer => ({ status, headers: { 'content-type': 'text/xml' }, body: Buffer.from(body).toString('base64') });
  if (service === 's3') return xml(`<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>${requestId}</RequestId></Error>`, 503);
  if (service === 'ec2') {
    return xml(`<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, 503);
  }
  if (headers['x-amz-target']) {
    // awsJson 1.0 / 1.1 (DynamoDB, KMS, CloudTrail, Config, Organizations, Logs, ...).
    return {
      status: 400,
      headers: { 'content-type': headers['content-type'] ?? 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: Buffer.from(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' })).toString('base64'),
    };
  }
  if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || service === 'cloudfront') {
    // awsQuery (IAM, STS, RDS, ELBv2, CloudFormation, Auto Scaling, CloudWatch) and CloudFront's restXml.
    return xml(`<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, 400);
  }
  // restJson1 (GuardDuty, Lambda, Security Hub, Backup, Inspector2, Macie, Access Analyzer, ...).
  return {
    status: 429,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': requestId },
    body: Buffer.from(JSON.stringify({ message: 'Rate exceeded' })).toString('base64'),
  };
}

/** Synthetic members (syntheticMembers > 0): who plays whom, learned from the recorded ListAccounts. */
const synthetic = {
  managementAccountId: '',
  templates: [] as string[],
  /** Synthetic access key -> the recorded member's key and both account ids. */
  byKey: new Map<string, { readonly templateKey: string; readonly accountId: string; readonly templateId: string }>(),
};

const syntheticId = (i: number): string => String(200000000000 + i);

/** The recorded ListAccounts answer with `syntheticMembers` members after the management account. */
function syntheticListAccounts(recorded: RecordedAnswer): RecordedAnswer {
  const parsed = JSON.parse(Buffer.from(recorded.body, 'base64').toString('utf8')) as { Accounts?: Record<string, unknown>[] };
  const accounts = parsed.Accounts ?? [];
  const management = accounts.find((a) => a.Id === synthetic.managementAccountId) ?? accounts[0];
  if (!management) return recorded;
  synthetic.templates = accounts.map((a) => String(a.Id)).filter((id) => id !== management.Id);
  const members = Array.from({ length: config.syntheticMembers }, (_, i) => ({
    ...management,
    Id: syntheticId(i),
    Arn: typeof management.Arn === 'string' ? management.Arn.replace(String(management.Id), syntheticId(i)) : undefined,
    Email: `member-${i}@example.com`,
    Name: `synthetic-${i}`,
  }));
  return { ...recorded, body: Buffer.from(JSON.stringify({ Accounts: [management, ...members] })).toString('base64') };
}

/** A 20-character access key for synthetic account `accountId` (ASIA + SY + 12 digits + 00). */
const syntheticKey = (accountId: string): string => `ASIASY${accountId}00`;

/** The recorded member that plays synthetic account `accountId`. */
function templateFor(accountId: string): string | undefined {
  const i = Number(accountId) - 200000000000;
  return synthetic.templates.length > 0 && i >= 0 ? synthetic.templates[i % synthetic.templates.length] : undefined;
}

/** What identifies a request across runs: signatures and dates change, the call does not. */
function requestKey(method: string, url: string, accessKey: string, service: string, region: string, body: Buffer): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 32);
  return `${method} ${service} ${region} ${accessKey} ${url} ${hash}`;
}

/**
 * A looser key for requests whose body holds the time (CloudWatch and Cost Explorer periods): the same
 * operation of the same account, region and path.
 */
function operationKey(method: string, url: string, accessKey: string, service: string, region: string, headers: IncomingHttpHeaders, body: Buffer): string {
  const action = headers['x-amz-target'] ?? /(?:^|&)Action=([^&]+)/.exec(body.toString('utf8'))?.[1] ?? '';
  // Times in the query string too (Backup's `createdAfter`).
  const path = url.replace(/=\d{4}-\d\d-\d\dT[^&]*/g, '=<time>');
  return `op ${method} ${service} ${region} ${accessKey} ${path} ${String(action)}`;
}

/**
 * moto answers an API it does not implement with HTTP 500, which the SDK retries as a transient error up to
 * --max-attempts with backoff; AWS implements them. The replay answers 501 instead: not retried, and still
 * recorded by the scanner as `unsupported`, as the 500 was.
 */
function replayable(answer: RecordedAnswer): RecordedAnswer {
  if (answer.status !== 500) return answer;
  return memo(replayed501, answer, () => ({ ...answer, status: 501 }));
}

/*
 * The proxy stands in for AWS, whose CPU is not on the scanning machine: what it computes per request is
 * computed once per recorded answer (decoded bytes, the 501 form, the owned-snapshots rewrite), so that the
 * scanner, not the simulation, gets the machine's cores. Its own CPU is reported with every run (`cpuMs`).
 */
const replayed501 = new WeakMap<RecordedAnswer, RecordedAnswer>();
const ownedSnapshots = new WeakMap<RecordedAnswer, RecordedAnswer>();
const decodedBodies = new WeakMap<RecordedAnswer, Buffer>();
function memo<V>(cache: WeakMap<RecordedAnswer, V>, answer: RecordedAnswer, make: () => V): V {
  let value = cache.get(answer);
  if (value === undefined) {
    value = make();
    cache.set(answer, value);
  }
  return value;
}
const bodyBytes = (answer: RecordedAnswer): Buffer => memo(decodedBodies, answer, () => Buffer.from(answer.body, 'base64'));

const jsonAnswer = (value: unknown): RecordedAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body: Buffer.from(JSON.stringify(value)).toString('base64'),
});

/**
 * `configEverywhere`: AWS Config as Control Tower sets it up in a governed region (recorder of every supported
 * type, continuous, recording, last delivery successful; a delivery channel), and its inventory of an empty
 * region (0 resources). Null: not such a request, the recording answers.
 */
function configGovernedAnswer(service: string, region: string, headers: IncomingHttpHeaders): RecordedAnswer | null {
  if (service !== 'config' || !config.configEverywhere.includes(region)) return null;
  const operation = String(headers['x-amz-target'] ?? '').replace(/^StarlingDoveService\./, '');
  const name = 'aws-controltower-BaselineConfigRecorder';
  const at = Math.floor(Date.now() / 1000) - 3600;
  switch (operation) {
    case 'DescribeConfigurationRecorders':
      return jsonAnswer({
        ConfigurationRecorders: [
          {
            name,
            roleARN: 'arn:aws:iam::000000000000:role/aws-controltower-ConfigRecorderRole',
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: false, resourceTypes: [], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
            recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
          },
        ],
      });
    case 'DescribeConfigurationRecorderStatus':
      return jsonAnswer({ ConfigurationRecordersStatus: [{ name, recording: true, lastStartTime: at, lastStatus: 'SUCCESS', lastStatusChangeTime: at }] });
    case 'DescribeDeliveryChannels':
      return jsonAnswer({ DeliveryChannels: [{ name: 'aws-controltower-BaselineConfigDeliveryChannel', s3BucketName: 'aws-controltower-logs', configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } }] });
    case 'GetDiscoveredResourceCounts':
      return jsonAnswer({ totalDiscoveredResources: 0, resourceCounts: [] });
    default:
      return null;
  }
}

/** `enabledRegions`: the recorded DescribeRegions answer with only those regions enabled, the others not opted in. */
function withEnabledRegions(answer: RecordedAnswer, requestText: string): RecordedAnswer {
  if (config.enabledRegions.length === 0 || answer.status !== 200 || !requestText.includes('Action=DescribeRegions')) return answer;
  const xml = Buffer.from(answer.body, 'base64').toString('utf8');
  const rewritten = xml.replace(/<item><optInStatus>[^<]*<\/optInStatus><regionName>([^<]+)<\/regionName>/g, (_all, region: string) => {
    const status = config.enabledRegions.includes(region) ? 'opt-in-not-required' : 'not-opted-in';
    return `<item><optInStatus>${status}</optInStatus><regionName>${region}</regionName>`;
  });
  return { ...answer, body: Buffer.from(rewritten).toString('base64') };
}

/**
 * `ownedSnapshotsOnly`: a DescribeSnapshots answer without the snapshots no account of the Organization owns
 * (moto's public AMI snapshots), as AWS answers `OwnerIds=self`.
 */
function withOwnedSnapshotsOnly(answer: RecordedAnswer, requestText: string): RecordedAnswer {
  if (!config.ownedSnapshotsOnly || answer.status !== 200 || !requestText.includes('Action=DescribeSnapshots')) return answer;
  return memo(ownedSnapshots, answer, () => ownedSnapshotsOf(answer));
}

function ownedSnapshotsOf(answer: RecordedAnswer): RecordedAnswer {
  const xml = Buffer.from(answer.body, 'base64').toString('utf8');
  const open = xml.indexOf('<snapshotSet>');
  const close = xml.lastIndexOf('</snapshotSet>');
  if (open < 0 || close < 0) return answer;
  // The snapshot items, split at depth 0 (an item's tagSet holds items of its own).
  const inner = xml.slice(open + '<snapshotSet>'.length, close);
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of inner.matchAll(/<item>|<\/item>|<item\/>/g)) {
    if (m[0] === '<item>') {
      if (depth === 0) start = m.index;
      depth += 1;
    } else if (m[0] === '</item>') {
      depth -= 1;
      if (depth === 0) {
        const item = inner.slice(start, m.index + m[0].length);
        const owner = /<ownerId>(\d+)<\/ownerId>/.exec(item.replace(/<tagSet>[\s\S]*?<\/tagSet>/, ''))?.[1];
        if (owner && organizationAccountIds.has(owner)) kept.push(item);
      }
    }
  }
  const rewritten = `${xml.slice(0, open)}<snapshotSet>${kept.join('')}</snapshotSet>${xml.slice(close + '</snapshotSet>'.length)}`;
  return { ...answer, body: Buffer.from(rewritten).toString('base64') };
}

/** Rewrites the answers that make the synthetic Organization: ListAccounts, and AssumeRole into a member. */
function playSynthetic(answer: RecordedAnswer, headers: IncomingHttpHeaders, requestText: string, accountId: string | undefined, templateId: string | undefined): RecordedAnswer {
  if (String(headers['x-amz-target'] ?? '').endsWith('.ListAccounts') && answer.status === 200) return syntheticListAccounts(answer);
  if (String(headers['x-amz-target'] ?? '').endsWith('.DescribeOrganization') && answer.status === 200) {
    const parsed = JSON.parse(Buffer.from(answer.body, 'base64').toString('utf8')) as { Organization?: { MasterAccountId?: string } };
    synthetic.managementAccountId = parsed.Organization?.MasterAccountId ?? '';
    return answer;
  }
  if (!accountId || !templateId || answer.status !== 200 || !requestText.includes('Action=AssumeRole')) return answer;
  const xml = Buffer.from(answer.body, 'base64').toString('utf8');
  const templateKey = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml)?.[1];
  if (!templateKey) return answer;
  const key = syntheticKey(accountId);
  synthetic.byKey.set(key, { templateKey, accountId, templateId });
  return { ...answer, body: Buffer.from(xml.replace(templateKey, key)).toString('base64') };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

function forward(req: IncomingMessage, body: Buffer): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    const up = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks).toString('base64') });
        });
        res.on('error', reject);
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

function send(res: ServerResponse, answer: RecordedAnswer): void {
  const body = bodyBytes(answer);
  res.writeHead(answer.status, { ...answer.headers, 'content-length': body.length });
  res.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function control(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
  const json = (value: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.url === '/__ftr_bench/config') {
    const next = JSON.parse(body.toString('utf8') || '{}') as Partial<Config>;
    Object.assign(config, next);
    rngState = config.seed;
    replayCursor.clear();
    synthetic.byKey.clear();
    synthetic.templates = [];
    for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
    byOperation.clear();
    cpuAtConfig = process.cpuUsage();
    json(config);
  } else if (req.url === '/__ftr_bench/stats') {
    const cpu = process.cpuUsage(cpuAtConfig);
    json({ ...stats, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
  } else if (req.url === '/__ftr_bench/operations') {
    json(Object.fromEntries(byOperation));
  } else if (req.url === '/__ftr_bench/save') {
    const { file } = JSON.parse(body.toString('utf8')) as { file: string };
    writeFileSync(file, JSON.stringify(Object.fromEntries(recording)));
    json({ saved: recording.size });
  } else {
    res.writeHead(404);
    res.end();
  }
  await Promise.resolve();
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  if (req.url?.startsWith('/__ftr_bench/')) return control(req, body, res);

  const { accessKey, region, service } = credentialScope(req.headers);
  stats.requests += 1;
  stats.inFlight += 1;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  const perKey = (inFlightPerKey.get(accessKey) ?? 0) + 1;
  inFlightPerKey.set(accessKey, perKey);
  stats.maxInFlightPerKey = Math.max(stats.maxInFlightPerKey, perKey);
  try {
    const started = Date.now();
    let answer: RecordedAnswer;
    if (config.throttleRate > 0 && random() < config.throttleRate) {
      stats.throttled += 1;
      answer = throttlingAnswer(service, req.headers);
    } else {
      // A synthetic member's request is looked up as its template member's.
      const played = config.mode === 'replay' ? synthetic.byKey.get(accessKey) : undefined;
      let lookupKey = accessKey;
      let url = req.url ?? '/';
      let lookupBody = body;
      if (played) {
        lookupKey = played.templateKey;
        url = url.split(played.accountId).join(played.templateId);
        lookupBody = Buffer.from(body.toString('latin1').split(played.accountId).join(played.templateId), 'latin1');
      }
      // AssumeRole into a synthetic member: the template member's answer, under a key of its own.
      const assumeInto = config.mode === 'replay' && config.syntheticMembers > 0 && service === 'sts' ? /RoleArn=arn%3Aaws%3Aiam%3A%3A(\d{12})%3A/.exec(body.toString('utf8')) : null;
      const assumedTemplate = assumeInto?.[1] ? templateFor(assumeInto[1]) : undefined;
      if (assumeInto?.[1] && assumedTemplate) lookupBody = Buffer.from(body.toString('utf8').split(assumeInto[1]).join(assumedTemplate));
      const key = requestKey(req.method ?? 'GET', url, lookupKey, service, region, lookupBody);
      const looseKey = operationKey(req.method ?? 'GET', url, lookupKey, service, region, req.headers, lookupBody);
      const governed = config.mode === 'replay' ? configGovernedAnswer(service, region, req.headers) : null;
      if (governed) {
        answer = governed;
      } else if (config.mode === 'replay') {
        const exact = recording.get(key);
        const answers = exact ?? recording.get(looseKey);
        const cursorKey = exact ? key : looseKey;
        if (!answers || answers.length === 0) {
          stats.replayMisses += 1;
          if (process.env.BENCH_PROXY_DEBUG && stats.replayMisses <= 20) process.stderr.write(`replay miss: ${key} | ${looseKey}\n`);
          answer = { status: 501, headers: { 'content-type': 'text/plain' }, body: Buffer.from('not in the recording').toString('base64') };
        } else {
          const at = replayCursor.get(cursorKey) ?? 0;
          replayCursor.set(cursorKey, at + 1);
          answer = replayable(answers[Math.min(at, answers.length - 1)] as RecordedAnswer);
          const requestText = body.toString('utf8');
          if (config.syntheticMembers > 0) answer = playSynthetic(answer, req.headers, requestText, assumeInto?.[1], assumedTemplate);
          answer = withEnabledRegions(answer, requestText);
          answer = withOwnedSnapshotsOnly(answer, requestText);
        }
      } else {
        answer = await forward(req, body);
        if (config.mode === 'record') {
          recording.set(key, [...(recording.get(key) ?? []), answer]);
          recording.set(looseKey, [...(recording.get(looseKey) ?? []), answer]);
        }
      }
    }
    // The latency of an AWS answer, on top of the time moto took (live/record) or none (replay).
    const wait = config.latencyMs - (Date.now() - started);
    if (wait > 0) await sleep(wait);
    const op = operationOf(service, req.method ?? 'GET', req.url ?? '/', req.headers, body);
    const counted = byOperation.get(op) ?? { requests: 0, bytes: 0, errors: 0 };
    counted.requests += 1;
    counted.bytes += bodyBytes(answer).length;
    if (answer.status >= 300) counted.errors += 1;
    byOperation.set(op, counted);
    send(res, answer);
  } finally {
    stats.inFlight -= 1;
    inFlightPerKey.set(accessKey, (inFlightPerKey.get(accessKey) ?? 1) - 1);
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    if (!res.headersSent) res.writeHead(502);
    res.end(String(err));
  });
});
server.keepAliveTimeout = 60_000;
// New TCP connections: with keep-alive working, about the scan's requests in flight, not one per request.
server.on('connection', () => {
  stats.connections += 1;
});
server.listen(Number(arg('port') ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
