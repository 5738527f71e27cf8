/**
 * The worker's side of `worker/compute`: each part of the result is posted as soon as it is ready (the loss value
 * first), its typed arrays transferred, not copied. Between parts the worker reads its messages: a job cancelled
 * for a newer input stops there and ends as cancelled.
 */
import { computeParts } from '../core/playground/compute';
import { buffersOf } from '../core/playground/parts';
import {
  CancelCompute,
  Compute,
  type ComputeEnd,
  type ComputeJob,
  ComputePart,
  type Endpoint,
  SendTextPart,
} from '../core/protocol';
import { TextsHeld } from './workerTexts';

/** `nextTask` resolves after the messages that came in meanwhile have been handled. */
export function serveCompute(endpoint: Endpoint, nextTask: () => Promise<void>): void {
  /** The jobs computing; a cancellation takes its job out. */
  const running = new Set<number>();
  endpoint.onNotification(CancelCompute, ({ job }) => running.delete(job));
  const texts = new TextsHeld();
  endpoint.onNotification(SendTextPart, (part) => texts.receive(part));
  endpoint.onRequest(Compute, async (request: ComputeJob): Promise<ComputeEnd> => {
    const { job } = request;
    const params = texts.params(request);
    running.add(job);
    try {
      const parts = computeParts(params);
      for (let next = parts.next(); ; next = parts.next()) {
        await nextTask();
        if (!running.has(job)) return { ok: false, cancelled: true };
        if (next.done) return next.value;
        endpoint.notify(ComputePart, { job, part: next.value }, buffersOf(next.value));
      }
    } finally {
      running.delete(job);
    }
  });
}
