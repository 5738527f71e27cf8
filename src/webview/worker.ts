/** The computation worker: answers `worker/compute` with the same pure core the inline path uses. */
import { compute } from '../core/playground/compute';
import { Compute, Endpoint, WebviewProblem } from '../core/protocol';
import { schedule } from './timers';

declare const self: {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
};

const endpoint = new Endpoint({
  post: (message) => self.postMessage(message),
  report: (message) => endpoint.notify(WebviewProblem, { message: `worker: ${message}` }),
  schedule,
});
endpoint.onRequest(Compute, compute);
self.addEventListener('message', (e) => endpoint.receive(e.data));
