/**
 * IAM policy semantics from @cloud-copilot/iam-simulate (request evaluation, condition discovery) and
 * @cloud-copilot/iam-expand (action wildcards), behind a synchronous API for the checks.
 *
 * Both libraries are async-only: they read their bundled IAM service data (JSON files inside the package)
 * lazily. Checks are synchronous (`CheckDefinition.evaluate`), so the libraries run in one worker thread and
 * the caller blocks on a batch with `Atomics.wait` until the answers arrive (docs/decisions/0005). Nothing
 * here touches AWS or the user's files; answers depend only on the inputs and the pinned library version.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AllowedConditionExpression } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../../core/slices/iam.js';

export type { AllowedConditionExpression } from '@cloud-copilot/iam-simulate';

/** One request to authorize: `principal` calls `action` on `resource` (owned by `resourceAccount`). */
export interface SimulationRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly identityPolicies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  readonly resourcePolicy?: PolicyDocument;
}

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/**
 * The simulator's answer in Discovery mode: conditions whose request values are unknown do not deny the
 * request; they come back in `conditions` (null = allowed unconditionally). `error` = the simulator
 * refused the input (an invalid policy document, an unknown action), with its message id.
 */
export type SimulationAnswer =
  | { readonly decision: Decision; readonly conditions: AllowedConditionExpression | null }
  | { readonly decision: 'Error'; readonly error: string };

interface WorkerRequest {
  readonly id: number;
  readonly simulations: readonly SimulationRequest[];
  readonly expansions: readonly (readonly string[])[];
}

interface WorkerReply {
  readonly id: number;
  readonly simulations?: SimulationAnswer[];
  readonly expansions?: string[][];
  readonly failure?: string;
}

/** Runs in the worker (plain CommonJS, no TypeScript): evaluates a batch with the libraries' public API. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
// A library that cannot load must answer every request with the reason, not leave the caller waiting.
let simulate, expand, loadError;
try {
  simulate = require(workerData.simulatePath);
  expand = require(workerData.expandPath);
} catch (err) {
  loadError = String((err && err.stack) || err);
}

async function runOne(s) {
  const r = await simulate.runSimulation({
    request: {
      principal: s.principal,
      action: s.action,
      resource: { resource: s.resource, accountId: s.resourceAccount },
      contextVariables: {},
    },
    identityPolicies: s.identityPolicies.map((p) => ({ name: p.name, policy: p.document })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: s.resourcePolicy,
  }, { simulationMode: 'Discovery' });
  if (r.resultType === 'error') return { decision: 'Error', error: String(r.errors && r.errors.message) };
  const conditions = r.resultType === 'single' ? r.result.analysis.conditions : undefined;
  return { decision: r.overallResult, conditions: conditions === undefined ? null : conditions };
}

port.on('message', async (req) => {
  let reply;
  if (loadError !== undefined) {
    port.postMessage({ id: req.id, failure: loadError });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
    return;
  }
  try {
    const simulations = await Promise.all(req.simulations.map(runOne));
    const expansions = await Promise.all(req.expansions.map((patterns) =>
      expand.expandIamActions([...patterns], { expandAsterisk: true })));
    reply = { id: req.id, simulations, expansions };
  } catch (err) {
    reply = { id: req.id, failure: String((err && err.stack) || err) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** A batch that takes longer than this is a bug (a few thousand simulations take seconds). */
const BATCH_TIMEOUT_MS = 120_000;

interface Engine {
  readonly port: MessagePort;
  readonly signal: Int32Array;
  nextId: number;
}

let engine: Engine | null = null;

function startEngine(): Engine {
  const require = createRequire(import.meta.url);
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      simulatePath: require.resolve('@cloud-copilot/iam-simulate'),
      expandPath: require.resolve('@cloud-copilot/iam-expand'),
      port: port2,
      signal,
    },
    transferList: [port2],
  });
  // The worker must never keep the CLI alive; it dies with the process.
  worker.unref();
  port1.unref();
  return { port: port1, signal, nextId: 1 };
}

function roundTrip(simulations: readonly SimulationRequest[], expansions: readonly (readonly string[])[]): WorkerReply {
  engine ??= startEngine();
  const id = engine.nextId++;
  const request: WorkerRequest = { id, simulations, expansions };
  engine.port.postMessage(request);
  const deadline = Date.now() + BATCH_TIMEOUT_MS;
  for (;;) {
    // Read the counter before polling the port, so a reply that lands in between wakes the wait at once.
    const seenSignal = Atomics.load(engine.signal, 0);
    const message = receiveMessageOnPort(engine.port) as { message: WorkerReply } | undefined;
    if (message?.message.id === id) {
      if (message.message.failure !== undefined) throw new Error(`The IAM policy simulator failed: ${message.message.failure}`);
      return message.message;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('The IAM policy simulator did not answer in time.');
    Atomics.wait(engine.signal, 0, seenSignal, Math.min(left, 1_000));
  }
}

/**
 * IAM matches actions as a case-insensitive glob on `service:action`, so `*:*` matches every action, the
 * same as `*`; the simulator's grammar check refuses `*:*`, so it is rewritten (the only rewrite we do).
 */
function normalizeActions(value: string | readonly string[] | undefined): string | readonly string[] | undefined {
  const fix = (a: string): string => (/^\*+:\*+$/.test(a) ? '*' : a);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? fix(value) : value.map(fix);
}

function normalizeDocument(document: PolicyDocument): PolicyDocument {
  return {
    ...document,
    Statement: document.Statement.map((s) => {
      const { Action, NotAction, ...rest } = s;
      const action = normalizeActions(Action);
      const notAction = normalizeActions(NotAction);
      return { ...rest, ...(action !== undefined ? { Action: action } : {}), ...(notAction !== undefined ? { NotAction: notAction } : {}) };
    }),
  };
}

/** Evaluates every request (in one batch) and returns the answers in order. */
export function simulate(requests: readonly SimulationRequest[]): SimulationAnswer[] {
  if (requests.length === 0) return [];
  const normalized = requests.map((r) => ({
    ...r,
    identityPolicies: r.identityPolicies.map((p) => ({ name: p.name, document: normalizeDocument(p.document) })),
    ...(r.resourcePolicy ? { resourcePolicy: normalizeDocument(r.resourcePolicy) } : {}),
  }));
  return roundTrip(normalized, []).simulations ?? [];
}

/**
 * Expands IAM action patterns (`s3:Get*`, `*`) into the concrete actions they match, per list, with the
 * service data the simulator uses. Unknown services or actions expand to nothing.
 */
export function expandActions(lists: readonly (readonly string[])[]): string[][] {
  if (lists.length === 0) return [];
  return roundTrip([], lists).expansions ?? [];
}
