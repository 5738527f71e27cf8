/** The computation worker: `worker/compute` answered part by part (see computeService.ts). */
import { Endpoint, WebviewProblem } from '../core/protocol';
import { serveCompute } from './computeService';
import { nextTask, schedule } from './timers';

declare const self: {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
};

const endpoint = new Endpoint({
  post: (message, transfer = []) => self.postMessage(message, transfer),
  report: (message) => endpoint.notify(WebviewProblem, { message: `worker: ${message}` }),
  schedule,
});
serveCompute(endpoint, nextTask);
self.addEventListener('message', (e) => endpoint.receive(e.data));
