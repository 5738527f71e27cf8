/**
 * One message endpoint for each side of a channel (host ⇄ webview, webview ⇄ worker): envelopes
 * `{id, method, params}`, replies `{id, result}` or `{id, error}`. Everything received or sent is validated;
 * a malformed message is reported and dropped, never thrown.
 */
import { type Guard, isInteger, isRecord, isString, ownValue } from './guards';

export interface Notification<P> {
  readonly kind: 'notification';
  readonly method: string;
  readonly isParams: Guard<P>;
}

export interface Request<P, R> {
  readonly kind: 'request';
  readonly method: string;
  readonly isParams: Guard<P>;
  readonly isResult: Guard<R>;
}

export function notification<P>(method: string, isParams: Guard<P>): Notification<P> {
  return { kind: 'notification', method, isParams };
}

export function request<P, R>(method: string, isParams: Guard<P>, isResult: Guard<R>): Request<P, R> {
  return { kind: 'request', method, isParams, isResult };
}

export interface Envelope {
  id?: number;
  method: string;
  params: unknown;
}

export interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export const isEnvelope = (m: unknown): m is Envelope =>
  isRecord(m) &&
  isString(ownValue(m, 'method')) &&
  (m.id === undefined || isInteger(ownValue(m, 'id'))) &&
  Object.hasOwn(m, 'params');

export const isReply = (m: unknown): m is Reply =>
  isRecord(m) &&
  isInteger(ownValue(m, 'id')) &&
  !Object.hasOwn(m, 'method') &&
  (isString(ownValue(m, 'error')) || Object.hasOwn(m, 'result'));

export interface EndpointOptions {
  /** `transfer`: buffers moved to the other side instead of copied (unusable here afterwards). */
  post: (message: unknown, transfer?: ArrayBuffer[]) => void;
  /** Where rejected messages and failed handlers are reported (a log, never an exception). */
  report: (problem: string) => void;
  /** Starts a timer and returns its cancel function; requests fail after `timeoutMs`. */
  schedule: (run: () => void, ms: number) => () => void;
  timeoutMs?: number;
}

interface Pending {
  isResult: Guard<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  cancelTimer: () => void;
}

type Handler = (params: unknown) => unknown;

export class Endpoint {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<
    string,
    { isParams: Guard<unknown>; handle: Handler; replies: boolean }
  >();

  constructor(private readonly options: EndpointOptions) {}

  onNotification<P>(type: Notification<P>, handle: (params: P) => void): void {
    this.handlers.set(type.method, { isParams: type.isParams, handle: handle as Handler, replies: false });
  }

  onRequest<P, R>(type: Request<P, R>, handle: (params: P) => R | Promise<R>): void {
    this.handlers.set(type.method, { isParams: type.isParams, handle: handle as Handler, replies: true });
  }

  /** `transfer`: buffers inside `params` to move rather than copy (see EndpointOptions.post). */
  notify<P>(type: Notification<P>, params: P, transfer?: ArrayBuffer[]): void {
    if (type.isParams(params)) this.options.post({ method: type.method, params }, transfer);
    else this.options.report(`not sent: invalid params for ${type.method}`);
  }

  request<P, R>(type: Request<P, R>, params: P): Promise<R> {
    if (!type.isParams(params))
      return Promise.reject(new Error(`not sent: invalid params for ${type.method}`));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const cancelTimer = this.options.schedule(
        () => this.settle(id, { id, error: `${type.method} timed out` }),
        this.options.timeoutMs ?? 10_000,
      );
      this.pending.set(id, {
        isResult: type.isResult,
        resolve: resolve as (v: unknown) => void,
        reject,
        cancelTimer,
      });
      this.options.post({ id, method: type.method, params });
    });
  }

  /** Feed every incoming message here; never throws, whatever the message (cyclic, BigInt, a throwing getter). */
  receive(message: unknown): void {
    let problem: string | undefined;
    try {
      problem = this.dispatch(message);
    } catch (e) {
      problem = `rejected message (${errorText(e)}): ${describe(message)}`;
    }
    if (problem) this.options.report(problem);
  }

  /** Fails every outstanding request (the other side went away). */
  dispose(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { id, error: 'channel closed' });
  }

  /** Routes a message; returns what was wrong with it, if anything. */
  private dispatch(message: unknown): string | undefined {
    if (isReply(message)) return this.settle(message.id, message);
    if (!isEnvelope(message)) return `rejected malformed message: ${describe(message)}`;
    const handler = this.handlers.get(message.method);
    if (!handler) return `rejected unknown method ${message.method}`;
    if (!handler.isParams(message.params)) {
      if (message.id !== undefined)
        this.options.post({ id: message.id, error: `invalid params for ${message.method}` });
      return `rejected ${message.method}: invalid params`;
    }
    if (handler.replies && message.id !== undefined)
      void this.answer(message.id, handler.handle, message.params);
    else this.run(message.method, handler.handle, message.params);
    return undefined;
  }

  private run(method: string, handle: Handler, params: unknown): void {
    try {
      handle(params);
    } catch (e) {
      this.options.report(`${method} failed: ${errorText(e)}`);
    }
  }

  private async answer(id: number, handle: Handler, params: unknown): Promise<void> {
    try {
      this.options.post({ id, result: await handle(params) });
    } catch (e) {
      this.options.post({ id, error: errorText(e) });
    }
  }

  private settle(id: number, reply: Reply): string | undefined {
    const pending = this.pending.get(id);
    if (!pending) return `rejected reply to unknown request ${id}`;
    this.pending.delete(id);
    pending.cancelTimer();
    if (reply.error !== undefined) pending.reject(new Error(reply.error));
    else if (pending.isResult(reply.result)) pending.resolve(reply.result);
    else pending.reject(new Error(`invalid result for request ${id}`));
    return undefined;
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : describe(e));

/** A short preview for the log; JSON where it can be (cyclic, BigInt or exotic values only get their type). */
function describe(message: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = `(${typeof message} that is not JSON)`;
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
