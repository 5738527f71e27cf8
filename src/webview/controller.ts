/**
 * The webview's one stateful object: every change goes through `dispatch` → reducer → persist → recompute.
 * A result comes in parts: the loss value first, then each plot as its data is ready. An ε change redraws from the
 * precomputed model at once (O(N)) and asks for the torch-exact headline after.
 */
import type { ExactValues, PlaygroundResult } from '../core/playground/compute';
import { type ModelPoint, modelAt } from '../core/playground/model';
import {
  completeResult,
  hasParts,
  type LossPart,
  type PartialResult,
  type PlotPartName,
} from '../core/playground/parts';
import { type FieldError, type FieldName, textLimitError } from '../core/playground/prepare';
import { type PlaygroundAction, recomputeKind, reduce } from '../core/playground/reducer';
import type { PlaygroundState } from '../core/playground/state';
import { headlineText } from '../core/playground/table';
import { torchDifferences } from '../core/playground/torchDiffers';
import type { ComputeEnd, ComputeParams, ResultPart, Snapshot } from '../core/protocol';
import { mergeComputeScope } from './computeClient';
import { DelayedErrors } from './delayedErrors';
import { DrawQueue } from './drawQueue';
import { LatestRunner } from './latestRunner';
import type { Plot, View } from './plots/plot';
import { readTheme } from './plots/theme';
import { PlotVisibility } from './plotVisibility';
import { StatePersister } from './statePersister';
import { debounce, oncePerFrame, schedule } from './timers';
import { TEXT_CONTROLS } from './ui/controls';
import { showErrors, showNotes } from './ui/errors';
import { writeEpsilon, writeForm } from './ui/formState';
import { fieldText } from './ui/heldText';
import { markStale, showHeadline, showTable, showTorchNotes } from './ui/outputs';

export interface AppDeps {
  plots: Plot[];
  /** Computes, handing each part of the result to `onPart` as it is ready. */
  compute: (params: ComputeParams, onPart: (part: ResultPart) => void) => Promise<ComputeEnd>;
  /** The inputs changed: the computation running is stale (its parts are dropped from now on). */
  cancel: () => void;
  persist: (state: PlaygroundState) => void;
  report: (problem: string) => void;
  /** Told of each full result once drawn (panels computed from it, such as "Solve for ε"). */
  onResult?: (result: PlaygroundResult) => void;
}

const EXACT_DELAY_MS = 120;
/** The share of a 60 Hz frame an ε step's plot redraws may take before the rest wait for the next frame. */
const EPSILON_FRAME_MS = 8;

const nextFrame = (run: () => void) => requestAnimationFrame(() => run());

/** Only an unreduced loss's headline reads per-sample values, and it waits for the model to have them. */
const NO_SAMPLES = new Float64Array();

/** The parts the numbers table shows (the per-sample losses come from the model, the ECE from calibration). */
const TABLE_PARTS: readonly PlotPartName[] = ['model', 'table', 'calibration'];

/** The parts of one full computation received so far, and the plots drawn from them. */
interface Received {
  job: ComputeParams;
  parts: PartialResult;
  drawn: Set<Plot>;
}

export class PlaygroundApp {
  private result: Received | undefined;
  private exact: { of: PlaygroundState; value: ExactValues } | undefined;
  /** The last computation's refusals. */
  private computeErrors: FieldError[] = [];
  /** Texts the state could not take (see textLimitError): while any is shown, no result is. */
  private readonly refusedTexts = new Map<FieldName, FieldError>();
  private readonly errorDisplay = new DelayedErrors<FieldError>(showErrors, schedule);
  private readonly runner: LatestRunner<ComputeParams, ComputeEnd>;
  /** An ε step redraws in the next frame, at most once per frame however fast the slider sends input events. */
  private readonly scheduleMove = oncePerFrame(() => this.moveEpsilon());
  /** The last modelAt (O(N)): the plots and the headline of one frame share it. */
  private lastPoint: { model: PlaygroundResult['model']; epsilon: number; point: ModelPoint } | undefined;
  private theme = readTheme();
  private visibility: PlotVisibility | undefined;
  /** The exact headline is asked for once the slider rests, so the worker does not compete with the drag. */
  private readonly requestExact = debounce(() => this.recompute('exact'), EXACT_DELAY_MS);
  /** ε steps are saved once the slider rests (saving serialises the whole state, pasted megabytes included). */
  private readonly persister: StatePersister<PlaygroundState>;
  /** Full draws, one plot a frame (on-screen plots first); the busy ring stays until the last is drawn. */
  private readonly draws = new DrawQueue<Plot>({
    draw: (plot) => this.drawNow(plot),
    frame: nextFrame,
    now: () => performance.now(),
    budgetMs: 0,
    first: (plot) => this.visibility?.isVisible(plot) ?? false,
    drained: () => this.renderHeadline(false),
  });
  /** ε steps of the plots on screen, as many a frame as its budget allows: under a drag they take turns. */
  private readonly moves = new DrawQueue<Plot>({
    draw: (plot) => {
      if (this.result?.drawn.has(plot)) this.withView(plot, (view) => plot.moveEpsilon(view));
    },
    frame: nextFrame,
    now: () => performance.now(),
    budgetMs: EPSILON_FRAME_MS,
  });

  constructor(
    private state: PlaygroundState,
    private readonly deps: AppDeps,
  ) {
    this.persister = new StatePersister(deps.persist, schedule, EXACT_DELAY_MS);
    this.runner = new LatestRunner(
      (job) => deps.compute(job, (part) => this.partReceived(job, part)),
      (job, end) => this.ended(job, end),
      (job, e) => this.failed(job, e),
      mergeComputeScope,
    );
  }

  get current(): PlaygroundState {
    return this.state;
  }

  start(): void {
    writeForm(this.state);
    const catchUp = (plot: Plot) => {
      if (this.result?.drawn.has(plot)) this.withView(plot, (v) => plot.moveEpsilon(v));
    };
    this.visibility = new PlotVisibility(this.deps.plots, catchUp);
    this.recompute('full');
  }

  private get errors(): FieldError[] {
    return [...this.refusedTexts.values(), ...this.computeErrors];
  }

  /** A field's text was refused before it reached the state (`error`), or is acceptable again (undefined). */
  refuseText(field: FieldName, error: FieldError | undefined): void {
    const had = this.refusedTexts.size > 0;
    if (error) this.refusedTexts.set(field, error);
    else this.refusedTexts.delete(field);
    if (!had && this.refusedTexts.size === 0) return;
    showErrors(this.errors);
    if (this.refusedTexts.size > 0) showNotes([]);
    document.getElementById('app')?.classList.toggle('stale', this.refusedTexts.size > 0);
    this.renderHeadline();
    if (this.refusedTexts.size === 0) this.drawAll();
  }

  /** A seed, sample or restore may have replaced a refused text in its (unfocused) text area. */
  private recheckRefusedTexts(): void {
    for (const c of TEXT_CONTROLS) {
      if (!this.refusedTexts.has(c.field)) continue;
      const area = document.getElementById(c.id) as HTMLTextAreaElement | null;
      this.refuseText(c.field, area ? textLimitError(c.field, fieldText(area)) : undefined);
    }
  }

  /** Refusals of an action (Copy as PyTorch) shown on their fields until the next result. */
  showRefusal(errors: FieldError[]): void {
    showErrors([...this.errors, ...errors]);
  }

  /** `source`: the control whose event this is, left as the person typed it; every other control shows the state. */
  dispatch(action: PlaygroundAction, source?: Element): void {
    const next = reduce(this.state, action);
    const kind = recomputeKind(this.state, next);
    this.state = next;
    if (kind === 'none') return;
    this.persister.changed(next, kind === 'epsilon');
    if (kind === 'epsilon') writeEpsilon(next, source);
    else writeForm(next, source);
    if (action.type !== 'patch') this.recheckRefusedTexts();
    if (kind === 'epsilon' && this.result) this.scheduleMove();
    if (kind === 'epsilon') this.requestExact();
    else this.recompute('full');
  }

  /** Theme or size changed: draw everything again from the last result. */
  redraw(): void {
    this.theme = readTheme();
    if (this.result) this.drawAll();
  }

  /** One plot drawn again from the last result (a PNG export draws it at export resolution). */
  redrawPlot(plot: Plot): void {
    this.withView(plot, (view) => plot.draw(view));
  }

  /** The last whole result and the model at the current ε, for exports; undefined while inputs have errors. */
  exportView(): { state: PlaygroundState; result: PlaygroundResult; point: ModelPoint } | undefined {
    const point = this.point();
    const result = this.result && completeResult(this.result.parts);
    return result && point && this.errors.length === 0 ? { state: this.state, result, point } : undefined;
  }

  snapshot(): Snapshot {
    return {
      state: this.state,
      lossText: document.getElementById('loss-value')?.textContent ?? '',
      lossValue: this.errors.length === 0 ? (this.headlineValue(this.point()) ?? null) : null,
      errors: this.errors.map((e) => `${e.field} ${e.line}:${e.column}: ${e.message}`),
    };
  }

  private recompute(scope: ComputeParams['scope']): void {
    if (scope === 'full') this.deps.cancel();
    this.runner.run({ state: this.state, scope });
    if (scope === 'full') this.renderHeadline();
  }

  /** One part of a job's result, shown at once; a job whose inputs are no longer the current ones is ignored. */
  private partReceived(job: ComputeParams, part: ResultPart): void {
    if (recomputeKind(job.state, this.state) === 'full') return;
    if (part.name === 'loss') this.lossReceived(job, part.value);
    else if (this.result?.job === job) {
      Object.assign(this.result.parts, { [part.name]: part.value });
      this.drawPlots((plot) => !this.result?.drawn.has(plot));
      this.renderHeadline(TABLE_PARTS.includes(part.name));
    }
  }

  /** The loss value; of a full job, also the start of a new result (plots still showing the last one dim). */
  private lossReceived(job: ComputeParams, loss: LossPart): void {
    this.computeErrors = [];
    this.errorDisplay.clear();
    if (this.refusedTexts.size > 0) showErrors(this.errors);
    document.getElementById('app')?.classList.remove('stale');
    showNotes(loss.notes);
    this.exact = { of: job.state, value: loss.exact };
    if (job.scope === 'full') {
      this.result = { job, parts: { ...loss }, drawn: new Set() };
      for (const plot of this.deps.plots) markStale(plot.figure, true);
    }
    this.renderHeadline();
  }

  /** A job's last word: a refusal shows on the fields; a whole result goes to `onResult`. */
  private ended(job: ComputeParams, end: ComputeEnd): void {
    const current = recomputeKind(job.state, this.state) !== 'full';
    if (current && !end.ok && 'errors' in end) this.showFailure(end.errors);
    const received = current && end.ok && this.result?.job === job ? this.result : undefined;
    const result = received && completeResult(received.parts);
    if (result) this.deps.onResult?.(result);
    this.renderHeadline();
  }

  private failed(params: ComputeParams, error: unknown): void {
    this.deps.report(`compute (${params.scope}) failed: ${String(error)}`);
    this.showFailure([
      { field: 'options', line: 1, column: 1, message: `computation failed: ${String(error)}` },
    ]);
  }

  /** The last good plots and headline stay, dimmed, until the errors show (see DelayedErrors). */
  private showFailure(errors: FieldError[]): void {
    this.computeErrors = errors;
    showNotes([]);
    document.getElementById('app')?.classList.add('stale');
    this.errorDisplay.fail(this.errors, () => this.renderHeadline());
  }

  /** The model at the current ε, when the last result still describes the current inputs. */
  private point(): ModelPoint | undefined {
    const received = this.result;
    const model = received?.parts.model;
    if (!received || !model || recomputeKind(received.job.state, this.state) === 'full') return undefined;
    const { epsilon } = this.state;
    if (this.lastPoint?.model !== model || this.lastPoint.epsilon !== epsilon)
      this.lastPoint = { model, epsilon, point: modelAt(model, epsilon) };
    return this.lastPoint.point;
  }

  /** The exact values when they describe the current state (the slider has moved on otherwise). */
  private currentExact(): ExactValues | undefined {
    return this.exact && recomputeKind(this.exact.of, this.state) === 'none' ? this.exact.value : undefined;
  }

  /** The exact value as soon as it is in, else the model's at ε (undefined while neither describes the inputs). */
  private headlineValue(point: ModelPoint | undefined): number | undefined {
    return this.currentExact()?.value ?? point?.value;
  }

  /** The table is redrawn when its parts land, not on every slider step (it is the costly DOM part). */
  private renderHeadline(withTable = true): void {
    const point = this.point();
    const value = this.headlineValue(point);
    const busy = this.runner.busy || this.draws.size > 0;
    if (this.refusedTexts.size === 0 && this.errors.length > 0 && !this.errorDisplay.shown) return;
    if (this.errors.length > 0 || value === undefined || (this.state.reduction === 'none' && !point)) {
      showHeadline('—', '', this.errors.length ? 'fix the highlighted input' : 'computing…', busy);
      showTorchNotes([]);
      return;
    }
    const exact = this.currentExact();
    const note = exact ? 'torch-exact (float64)' : 'from the precomputed ε sweep; exact value follows';
    const text = headlineText(this.state.reduction, value, point?.perSample ?? NO_SAMPLES);
    showHeadline(text, String(value), note, busy);
    showTorchNotes(torchDifferences(this.state, value, exact?.torch));
    if (withTable) this.renderTable(point, value);
  }

  /** The numbers table once its part is in; until then the last one stays, dimmed. */
  private renderTable(point: ModelPoint | undefined, value: number): void {
    const parts = this.result?.parts;
    const table = point && parts?.table;
    for (const id of ['numbers-summary', 'numbers-table']) markStale(document.getElementById(id), !table);
    if (parts && table && point) showTable(this.state, { ...parts, table }, point, value);
  }

  /** Runs `run` with the view a plot draws from, once the parts it needs are in. */
  private withView(plot: Plot, run: (view: View) => void): void {
    const point = this.point();
    const parts = this.result?.parts;
    if (this.refusedTexts.size > 0 || !point || !parts || !hasParts(parts, plot.needs)) return;
    // The plot reads only the parts it needs, checked just above.
    run({ state: this.state, result: parts as PlaygroundResult, point, theme: this.theme });
  }

  private drawPlots(which: (plot: Plot) => boolean): void {
    this.draws.add(this.deps.plots.filter(which));
  }

  /** A queued plot, drawn from the result of its frame once the parts it needs are in. */
  private drawNow(plot: Plot): void {
    this.withView(plot, (view) => {
      plot.draw(view);
      markStale(plot.figure, false);
      this.result?.drawn.add(plot);
      this.visibility?.drawn(plot);
    });
  }

  private drawAll(): void {
    document.getElementById('app')?.classList.remove('stale');
    this.drawPlots(() => true);
  }

  private moveEpsilon(): void {
    const drawn = this.deps.plots.filter((plot) => this.result?.drawn.has(plot));
    performance.mark('lossLens:epsilon:start');
    this.visibility?.moveVisible(drawn, (plot) => this.moves.add([plot]));
    this.moves.run();
    this.renderHeadline(false);
    performance.measure('lossLens:epsilon', 'lossLens:epsilon:start');
  }
}
