/**
 * The input texts cross to the worker once: a job carries a text only when it is not the last one sent, and the
 * worker fills the rest in from what it kept. A 22 MB paste is copied to the worker once, not at every ε rest.
 * Messages to a worker arrive in the order posted, so both sides agree on what the worker holds.
 */
import type { PlaygroundState } from '../core/playground/state';
import { type ComputeJob, type ComputeParams, INPUT_TEXT_KEYS, type InputTextKey } from '../core/protocol';

type Texts = Pick<PlaygroundState, InputTextKey>;

const noTexts = (): Texts => ({ logitsText: '', targetsText: '', weightText: '', priorText: '' });

/** The webview's side: what the worker was last sent. */
export class TextsSent {
  private readonly held = noTexts();

  job(params: ComputeParams, job: number): ComputeJob {
    const state = { ...params.state };
    const sent: InputTextKey[] = [];
    for (const key of INPUT_TEXT_KEYS) {
      if (state[key] === this.held[key]) state[key] = '';
      else {
        this.held[key] = state[key];
        sent.push(key);
      }
    }
    return { ...params, state, job, sent };
  }
}

/** The worker's side: the texts it was sent, filled into each job's state. */
export class TextsHeld {
  private readonly held = noTexts();

  params({ state, scope, sent }: ComputeJob): ComputeParams {
    for (const key of sent) this.held[key] = state[key];
    return { state: { ...state, ...this.held }, scope };
  }
}
