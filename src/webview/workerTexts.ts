/**
 * The input texts cross to the worker once per change, apart from the jobs: a job's state carries its texts empty
 * and the worker fills them in from the last ones it was sent. A 22 MB paste is copied to the worker once, in parts
 * (see SendTextPart), not at every ε rest.
 */
import type { PlaygroundState } from '../core/playground/state';
import {
  type ComputeJob,
  type ComputeParams,
  INPUT_TEXT_KEYS,
  type InputTextKey,
  joinPart,
  TEXT_PART_LENGTH,
  type TextPartParams,
  textParts,
} from '../core/protocol';

type Texts = Pick<PlaygroundState, InputTextKey>;

const noTexts = (): Texts => ({ logitsText: '', targetsText: '', weightText: '', priorText: '' });

/** The webview's side: what the worker was last sent. */
export class TextsSent {
  private readonly held = noTexts();

  constructor(private readonly partLength = TEXT_PART_LENGTH) {}

  /** The job without its texts, and the parts of those texts the worker does not hold yet, to post before it. */
  job(params: ComputeParams, job: number): { request: ComputeJob; parts: TextPartParams[] } {
    const state = { ...params.state };
    const parts: TextPartParams[] = [];
    for (const key of INPUT_TEXT_KEYS) {
      const text = state[key];
      state[key] = '';
      if (text === this.held[key]) continue;
      this.held[key] = text;
      for (const part of textParts(text, this.partLength)) parts.push({ key, ...part });
    }
    return { request: { ...params, state, job }, parts };
  }
}

/** The worker's side: the texts it was sent, filled into each job's state. */
export class TextsHeld {
  private readonly held = noTexts();

  receive({ key, ...part }: TextPartParams): void {
    this.held[key] = joinPart(this.held[key], part);
  }

  params({ state, scope }: ComputeJob): ComputeParams {
    return { state: { ...state, ...this.held }, scope };
  }
}
