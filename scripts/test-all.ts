/**
 * `npm test`: the type-check, the lint and every vitest suite, started together.
 *
 * Why together: on a 2-core CI machine the three ran one after another (type-check 38 s, typed lint 112 s,
 * vitest ~460 s) while the vitest suites spend much of their time waiting on child processes, moto,
 * PostgreSQL and Chromium. The type-check and lint fill those gaps. Their output is held back and printed
 * when each finishes, so it does not interleave with vitest's; the run fails if any of the three fails.
 */
import { spawn } from 'node:child_process';

interface Step {
  readonly name: string;
  readonly script: string;
  /** Whether the step's output streams to the terminal (only one may, or the lines interleave). */
  readonly stream: boolean;
}

const STEPS: readonly Step[] = [
  { name: 'type-check', script: 'typecheck', stream: false },
  { name: 'lint', script: 'lint', stream: false },
  { name: 'vitest', script: 'test:vitest', stream: true },
];

interface Outcome {
  readonly name: string;
  readonly code: number;
  readonly seconds: number;
}

function run(step: Step): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step.script], { stdio: step.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    const finish = (code: number): void => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const output = Buffer.concat(held).toString('utf8').trim();
      process.stdout.write(`\n== ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s ==\n${output === '' ? '' : `${output}\n`}`);
      resolve({ name: step.name, code, seconds });
    };
    child.on('error', (error) => {
      held.push(Buffer.from(`could not start npm run ${step.script}: ${error.message}`));
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal === null ? 1 : 128)));
  });
}

const outcomes = await Promise.all(STEPS.map(run));
const failed = outcomes.filter((o) => o.code !== 0);
process.stdout.write(`\n${outcomes.map((o) => `${o.name} ${o.code === 0 ? 'passed' : 'FAILED'} (${o.seconds} s)`).join(', ')}\n`);
process.exit(failed.length === 0 ? 0 : (failed[0]?.code ?? 1));
