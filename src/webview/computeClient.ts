/**
 * Where the computation runs: inline for small inputs, else in a Worker. A webview cannot start a Worker from its
 * (cross-origin) resource URL, so the script is fetched and started from a Blob URL (CSP `worker-src blob:`).
 * Either way the result comes in parts (core/playground/parts.ts), the loss value first.
 */
import { computeParts } from '../core/playground/compute';
import { forEachPart } from '../core/playground/parts';
import {
  CancelCompute,
  Compute,
  type ComputeEnd,
  type ComputeParams,
  ComputePart,
  Endpoint,
  type ResultPart,
  SendTextPart,
  WebviewProblem,
} from '../core/protocol';
import { nextTask, schedule } from './timers';
import { TextsSent } from './workerTexts';

/** Inputs up to this many characters of text compute on the UI thread (a few ms). */
export const INLINE_TEXT_LIMIT = 60_000;

export function fitsInline({ state }: ComputeParams): boolean {
  const text = state.logitsText.length + state.targetsText.length + state.weightText.length;
  return state.synthetic === null && text <= INLINE_TEXT_LIMIT;
}

/** Two queued requests become one: a full computation also gives the exact headline. */
export const mergeComputeScope = (older: ComputeParams, newer: ComputeParams): ComputeParams =>
  older.scope === 'full' ? { ...newer, scope: 'full' } : newer;

export type PartReceiver = (part: ResultPart) => void;

export class ComputeClient {
  private worker: Promise<Endpoint> | undefined;
  private nextJob = 1;
  /** Where each job in the worker delivers its parts; a cancelled job's are dropped. */
  private readonly receivers = new Map<number, PartReceiver>();
  private readonly texts = new TextsSent();

  /** `connect` starts the worker (see startWorker), once, at the first input too big to compute inline. */
  constructor(
    private readonly connect: () => Promise<Endpoint>,
    private readonly report: (problem: string) => void,
  ) {}

  /** Inline when small or when no worker can start (then big inputs block, and the report says why). */
  async run(params: ComputeParams, onPart: PartReceiver): Promise<ComputeEnd> {
    if (fitsInline(params)) return forEachPart(computeParts(params), onPart);
    const endpoint = await this.startOnce().catch((e: unknown) => {
      this.report(`worker unavailable, computing inline: ${String(e)}`);
      return undefined;
    });
    return endpoint ? this.inWorker(endpoint, params, onPart) : forEachPart(computeParts(params), onPart);
  }

  /** A newer input came: the worker's jobs stop at their next part, and whatever they still send is dropped. */
  cancel(): void {
    const jobs = [...this.receivers.keys()];
    this.receivers.clear();
    if (jobs.length > 0)
      void this.worker?.then((endpoint) => {
        for (const job of jobs) endpoint.notify(CancelCompute, { job });
      });
  }

  private async inWorker(
    endpoint: Endpoint,
    params: ComputeParams,
    onPart: PartReceiver,
  ): Promise<ComputeEnd> {
    const job = this.nextJob++;
    this.receivers.set(job, onPart);
    try {
      const { request, parts } = this.texts.job(params, job);
      for (const [i, part] of parts.entries()) {
        if (i > 0) await nextTask();
        endpoint.notify(SendTextPart, part);
      }
      // Cancelled while its texts went out: they are sent (the worker holds them now), the job is not.
      if (!this.receivers.has(job)) return { ok: false, cancelled: true };
      const end = await endpoint.request(Compute, request);
      return this.receivers.has(job) ? end : { ok: false, cancelled: true };
    } finally {
      this.receivers.delete(job);
    }
  }

  private startOnce(): Promise<Endpoint> {
    this.worker ??= this.connect().then((endpoint) => {
      endpoint.onNotification(ComputePart, ({ job, part }) => this.receivers.get(job)?.(part));
      return endpoint;
    });
    return this.worker;
  }
}

/** The worker from the script at `url`, and the endpoint that talks to it. */
export async function startWorker(url: string, report: (problem: string) => void): Promise<Endpoint> {
  const source = await (await fetch(url)).blob();
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const endpoint = new Endpoint({
    post: (m) => worker.postMessage(m),
    report,
    schedule,
    timeoutMs: 120_000,
  });
  endpoint.onNotification(WebviewProblem, ({ message }) => report(message));
  worker.addEventListener('message', (e: MessageEvent) => endpoint.receive(e.data));
  worker.addEventListener('error', (e) => report(`worker error: ${e.message}`));
  return endpoint;
}
