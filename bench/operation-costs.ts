/**
 * Requests per operation in a scan's snapshot (its operation outcomes: account x region x operation, with
 * the number of requests, pages included): which operations a scan's requests go to, per account.
 *
 *   npx tsx bench/operation-costs.ts <snapshot.json.gz> [--top 40]
 *
 * Pairs with the proxy's answer bytes per operation that bench/org-scale-bench.ts prints after each run.
 */
import { openSnapshot } from '../src/io/snapshot-file.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: operation-costs.ts <snapshot.json.gz> [--top N]');
  const topAt = process.argv.indexOf('--top');
  const top = topAt >= 0 ? Number(process.argv[topAt + 1]) : 40;
  const source = await openSnapshot(file);
  const byOperation = new Map<string, { calls: number; regions: Set<string> }>();
  const byService = new Map<string, number>();
  let accounts = 0;
  let total = 0;
  const add = (service: string, operation: string, region: string, calls: number) => {
    const k = `${service} ${operation}`;
    const entry = byOperation.get(k) ?? { calls: 0, regions: new Set<string>() };
    entry.calls += calls;
    entry.regions.add(region);
    byOperation.set(k, entry);
    byService.set(service, (byService.get(service) ?? 0) + calls);
    total += calls;
  };
  for await (const shard of source.shards()) {
    accounts += 1;
    for (const o of shard.operations ?? []) add(o.service, o.operation, o.region, o.calls);
  }
  for (const o of source.trailer.operations) add(o.service, o.operation, o.region, o.calls);
  const per = (n: number) => (n / Math.max(1, accounts)).toFixed(1);
  const out = [`${accounts} accounts, ${per(total)} requests per account (operation outcomes; the trailer's reads count once)`, '', 'per service:'];
  for (const [s, n] of [...byService].sort((a, b) => b[1] - a[1])) out.push(`  ${s.padEnd(24)} ${per(n).padStart(8)}`);
  out.push('', `top ${top} operations (requests per account, regions):`);
  for (const [k, v] of [...byOperation].sort((a, b) => b[1].calls - a[1].calls).slice(0, top)) out.push(`  ${k.padEnd(56)} ${per(v.calls).padStart(8)} ${String(v.regions.size).padStart(4)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
