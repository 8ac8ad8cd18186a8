/**
 * Findings parked on disk while a snapshot is evaluated account by account (evaluate/evaluate-stream.ts),
 * one JSON-lines file per check, so assessment.json can list them check by check without holding them.
 * The files live in a private temp folder (mkdtemp: 0700, files 0600: findings describe the account's
 * security posture) and are removed by `dispose()`.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Finding } from '../core/finding.js';

/** Buffered text per check is written out past this many characters (all checks together). */
const FLUSH_AT = 4 * 1024 * 1024;

export class FindingSpool {
  readonly dir: string;
  private readonly buffers = new Map<number, string[]>();
  private readonly written = new Set<number>();
  private buffered = 0;
  /** Characters of JSON written (a measure of the size of the findings). */
  bytes = 0;
  count = 0;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'ftr-findings-'));
  }

  private file(index: number): string {
    return join(this.dir, `${String(index).padStart(4, '0')}.jsonl`);
  }

  add(checkIndex: number, finding: Finding): void {
    const line = `${JSON.stringify(finding)}\n`;
    const list = this.buffers.get(checkIndex) ?? [];
    if (list.length === 0) this.buffers.set(checkIndex, list);
    list.push(line);
    this.buffered += line.length;
    this.bytes += line.length;
    this.count += 1;
    if (this.buffered > FLUSH_AT) this.flush();
  }

  flush(): void {
    for (const [index, lines] of this.buffers) {
      if (lines.length === 0) continue;
      appendFileSync(this.file(index), lines.join(''), { mode: 0o600 });
      this.written.add(index);
      lines.length = 0;
    }
    this.buffered = 0;
  }

  /** Every finding, check index by check index, in the order they were added. */
  async *findings(checkCount: number): AsyncGenerator<Finding> {
    this.flush();
    for (let index = 0; index < checkCount; index++) {
      if (!this.written.has(index)) continue;
      const lines = createInterface({ input: createReadStream(this.file(index), { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) if (line !== '') yield JSON.parse(line) as Finding;
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
