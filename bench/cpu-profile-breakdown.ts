/**
 * Where a scan's CPU goes: sums up V8 CPU profiles (`node --cpu-prof`, one file per thread; written by
 * bench/org-scale-bench.ts with BENCH_CPU_PROF) into the categories docs/benchmarks.md reports.
 *
 *   npx tsx bench/cpu-profile-breakdown.ts DIR [--attempts N] [--top 30]
 *
 * Each sample is attributed once:
 * 1. by what it runs *inside* (the outermost matching frame of its stack): module loading, building an SDK
 *    client, evaluation and reports, writing snapshot shards;
 * 2. otherwise by who owns the code it runs: the innermost frame that belongs to a package or to our code
 *    (Node's own JavaScript and native functions such as JSON.parse count for their caller).
 * `--attempts` divides by the scan's attempts (snapshot.stats) to print CPU per attempt. It also prints the
 * functions with the most self time, and the inclusive time of a few frames of interest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Context categories: a sample anywhere under such a frame is counted here (outermost match wins). */
const CONTEXTS: readonly { readonly name: string; readonly match: (f: CallFrame) => boolean }[] = [
  { name: 'module loading (import, compile)', match: (f) => f.url.startsWith('node:internal/modules/') },
  { name: 'evaluation + assessment + reports', match: (f) => /\/dist\/(evaluate|report|scope|attest)\/|\/dist\/cli\/write-assessment/.test(f.url) },
  { name: 'snapshot shards (JSON + gzip)', match: (f) => /\/dist\/io\/snapshot-(stream|file)/.test(f.url) },
  {
    name: 'building SDK clients',
    match: (f) => /@aws-sdk\/client-[^/]+\/dist-cjs/.test(f.url) && /Client$/.test(f.functionName) && f.functionName !== 'ServiceException',
  },
];

/** Owner categories, by the url of the innermost frame that is not Node's own or native. */
const OWNERS: readonly { readonly name: string; readonly match: RegExp }[] = [
  { name: 'signing (SigV4)', match: /@smithy\/signature-v4|httpAuthSchemes|@smithy\/util-hex|@smithy\/hash-node/ },
  { name: 'XML parsing/serialising', match: /fast-xml-parser|@aws-sdk\/xml-builder|protocols\/.*xml|XmlShapeDeserializer/ },
  { name: 'credential providers', match: /@aws-sdk\/credential-provider|@aws-sdk\/credential-providers|@smithy\/property-provider/ },
  { name: 'HTTP handler', match: /@smithy\/node-http-handler|@smithy\/fetch-http-handler/ },
  { name: 'endpoint resolution', match: /@smithy\/util-endpoints|@aws-sdk\/util-endpoints|middleware-endpoint|endpoint\/ruleset/ },
  { name: 'retry middleware', match: /@smithy\/middleware-retry|@smithy\/util-retry/ },
  { name: 'SDK generated client code (commands, (de)serialisers)', match: /@aws-sdk\/client-[^/]+\/dist-cjs/ },
  { name: 'SDK core, middleware stack, protocols', match: /@smithy\/|@aws-sdk\// },
  { name: 'collectors (src/collect/services)', match: /\/dist\/collect\/services\// },
  { name: 'our runner (limiter, recorder, retry budget, context, clients)', match: /\/dist\/collect\// },
  { name: 'CLI, progress, other of ours', match: /\/dist\// },
  { name: 'other packages', match: /node_modules\// },
];

/** Frames whose inclusive time is printed (a sample counts once per frame name, wherever it is in the stack). */
const INCLUSIVE: readonly { readonly name: string; readonly match: (f: CallFrame) => boolean }[] = [
  { name: 'SDK client constructors', match: (f) => /@aws-sdk\/client-/.test(f.url) && /Client$/.test(f.functionName) },
  { name: 'SigV4 signRequest / sign', match: (f) => /signature-v4/.test(f.url) && /^(signRequest|sign)$/.test(f.functionName) },
  { name: 'error deserialisation (de_CommandError, throwDefaultError)', match: (f) => /de_CommandError|throwDefaultError|decorateServiceException|loadRestJsonErrorCode|loadRestXmlErrorCode|parseJsonErrorBody|parseXmlErrorBody/.test(f.functionName) },
  { name: 'Error objects (captureStackTrace, new Error)', match: (f) => /^(captureStackTrace|Error|ServiceException)$/.test(f.functionName) || /Exception$/.test(f.functionName) },
  { name: 'JSON.parse', match: (f) => f.functionName === 'parse' && f.url === '' },
  { name: 'JSON.stringify', match: (f) => f.functionName === 'stringify' && f.url === '' },
  { name: 'zlib', match: (f) => f.url === 'node:zlib' },
  { name: 'http(s) sockets (node:_http_*, net, tls)', match: (f) => /^node:(_http_|net|tls|internal\/stream_base)/.test(f.url) },
  { name: 'our SDK middlewares (clients.ts)', match: (f) => /\/dist\/collect\/clients\.js/.test(f.url) },
  { name: 'fair-limiter', match: (f) => /\/dist\/collect\/fair-limiter\.js/.test(f.url) },
  { name: 'scan-recorder', match: (f) => /\/dist\/collect\/scan-recorder\.js/.test(f.url) },
  { name: 'ctx.call + aws-errors', match: (f) => /\/dist\/collect\/(collector-context|aws-errors)\.js/.test(f.url) },
  { name: 'retry-budget', match: (f) => /\/dist\/collect\/retry-budget\.js/.test(f.url) },
  { name: 'progress', match: (f) => /\/dist\/(collect\/scan-progress|cli\/progress)\.js/.test(f.url) },
];

const IDLE = new Set(['(idle)']);
const SPECIAL: Readonly<Record<string, string>> = { '(garbage collector)': 'GC', '(program)': 'V8/native, not attributed ((program))' };

function isOwned(f: CallFrame): boolean {
  return f.url !== '' && !f.url.startsWith('node:');
}

interface Totals {
  busyUs: number;
  idleUs: number;
  readonly byCategory: Map<string, number>;
  readonly bySelf: Map<string, number>;
  readonly inclusive: Map<string, number>;
}

function addTo(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function accumulate(profile: CpuProfile, totals: Totals): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    return stack; // leaf first
  };
  const categoryCache = new Map<number, { category: string; inclusive: string[] }>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(id);
    if (!leaf) return;
    if (IDLE.has(leaf.callFrame.functionName)) {
      totals.idleUs += us;
      return;
    }
    totals.busyUs += us;
    let cached = categoryCache.get(id);
    if (!cached) {
      const stack = stackOf(id);
      const special = SPECIAL[leaf.callFrame.functionName];
      let category = special;
      if (!category) {
        for (let k = stack.length - 1; k >= 0 && !category; k--) {
          const frame = stack[k]?.callFrame;
          if (frame) category = CONTEXTS.find((c) => c.match(frame))?.name;
        }
      }
      if (!category) {
        const owner = stack.find((n) => isOwned(n.callFrame))?.callFrame;
        category = owner ? (OWNERS.find((o) => o.match.test(owner.url))?.name ?? 'other') : 'Node internals (no package frame)';
      }
      const inclusive = INCLUSIVE.filter((c) => stack.some((n) => c.match(n.callFrame))).map((c) => c.name);
      cached = { category, inclusive };
      categoryCache.set(id, cached);
    }
    addTo(totals.byCategory, cached.category, us);
    for (const name of cached.inclusive) addTo(totals.inclusive, name, us);
    const f = leaf.callFrame;
    addTo(totals.bySelf, `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}`, us);
  });
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: cpu-profile-breakdown.ts DIR [--attempts N] [--top N]');
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const attempts = flag('attempts');
  const top = flag('top') ?? 30;
  const totals: Totals = { busyUs: 0, idleUs: 0, byCategory: new Map(), bySelf: new Map(), inclusive: new Map() };
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const file of files) accumulate(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, totals);
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const pct = (us: number) => `${((100 * us) / Math.max(1, totals.busyUs)).toFixed(1)}%`;
  const perAttempt = (us: number) => (attempts ? ` | ${(us / 1000 / attempts).toFixed(3)} ms` : '');
  const out: string[] = [];
  out.push(`${files.length} profile(s), busy ${ms(totals.busyUs)}${attempts ? ` (${(totals.busyUs / 1000 / attempts).toFixed(2)} ms per attempt, ${attempts} attempts)` : ''}, idle ${ms(totals.idleUs)}`);
  out.push('', `| category | CPU | share${attempts ? ' | per attempt' : ''} |`, `|---|---|---${attempts ? '|---' : ''}|`);
  for (const [name, us] of [...totals.byCategory].sort((a, b) => b[1] - a[1])) out.push(`| ${name} | ${ms(us)} | ${pct(us)}${perAttempt(us)} |`);
  out.push('', `| inclusive (anywhere in the stack) | CPU | share${attempts ? ' | per attempt' : ''} |`, `|---|---|---${attempts ? '|---' : ''}|`);
  for (const [name, us] of [...totals.inclusive].sort((a, b) => b[1] - a[1])) out.push(`| ${name} | ${ms(us)} | ${pct(us)}${perAttempt(us)} |`);
  out.push('', `Top ${top} functions by self time:`);
  for (const [name, us] of [...totals.bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${pct(us).padStart(6)} ${ms(us).padStart(9)}  ${name}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
