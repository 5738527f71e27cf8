/**
 * Where the computation runs: inline for small inputs, else in a Worker. A webview cannot start a Worker from its
 * (cross-origin) resource URL, so the script is fetched and started from a Blob URL (CSP `worker-src blob:`).
 */
import { compute } from '../core/playground/compute';
import {
  Compute,
  type ComputeOutcome,
  type ComputeParams,
  Endpoint,
  type ExactOutcome,
  WebviewProblem,
} from '../core/protocol';
import { schedule } from './timers';

/** Inputs up to this many characters of text compute on the UI thread (a few ms). */
export const INLINE_TEXT_LIMIT = 60_000;

export function fitsInline({ state }: ComputeParams): boolean {
  const text = state.logitsText.length + state.targetsText.length + state.weightText.length;
  return state.synthetic === null && text <= INLINE_TEXT_LIMIT;
}

/** Two queued requests become one: a full computation also gives the exact headline. */
export const mergeComputeScope = (older: ComputeParams, newer: ComputeParams): ComputeParams =>
  older.scope === 'full' ? { ...newer, scope: 'full' } : newer;

export class ComputeClient {
  private worker: Promise<Endpoint> | undefined;

  constructor(
    private readonly workerUrl: string,
    private readonly report: (problem: string) => void,
  ) {}

  /** Inline when small or when no worker can start (then big inputs block, and the report says why). */
  async run(params: ComputeParams): Promise<ComputeOutcome | ExactOutcome> {
    if (fitsInline(params)) return compute(params);
    const endpoint = await this.startOnce().catch((e: unknown) => {
      this.report(`worker unavailable, computing inline: ${String(e)}`);
      return undefined;
    });
    return endpoint ? endpoint.request(Compute, params) : compute(params);
  }

  private startOnce(): Promise<Endpoint> {
    this.worker ??= this.start();
    return this.worker;
  }

  private async start(): Promise<Endpoint> {
    const source = await (await fetch(this.workerUrl)).blob();
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const endpoint = new Endpoint({
      post: (m) => worker.postMessage(m),
      report: this.report,
      schedule,
      timeoutMs: 120_000,
    });
    endpoint.onNotification(WebviewProblem, ({ message }) => this.report(message));
    worker.addEventListener('message', (e: MessageEvent) => endpoint.receive(e.data));
    worker.addEventListener('error', (e) => this.report(`worker error: ${e.message}`));
    return endpoint;
  }
}
