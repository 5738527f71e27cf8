/**
 * The webview's one stateful object: every change goes through `dispatch` → reducer → persist → recompute.
 * An ε change redraws from the precomputed model at once (O(N)) and asks for the torch-exact headline after.
 */
import type { ComputeOutcome, ExactOutcome, ExactValues, PlaygroundResult } from '../core/playground/compute';
import { type ModelPoint, modelAt } from '../core/playground/model';
import { type FieldError, type FieldName, textLimitError } from '../core/playground/prepare';
import { type PlaygroundAction, recomputeKind, reduce } from '../core/playground/reducer';
import type { PlaygroundState } from '../core/playground/state';
import { headlineText } from '../core/playground/table';
import { torchDifferences } from '../core/playground/torchDiffers';
import type { ComputeParams, Snapshot } from '../core/protocol';
import { mergeComputeScope } from './computeClient';
import { DelayedErrors } from './delayedErrors';
import { LatestRunner } from './latestRunner';
import type { Plot, View } from './plots/plot';
import { readTheme } from './plots/theme';
import { PlotVisibility } from './plotVisibility';
import { debounce, oncePerFrame, schedule } from './timers';
import { TEXT_CONTROLS } from './ui/controls';
import { showErrors, showNotes } from './ui/errors';
import { writeEpsilon, writeForm } from './ui/formState';
import { showHeadline, showTable, showTorchNotes } from './ui/outputs';

export interface AppDeps {
  plots: Plot[];
  compute: (params: ComputeParams) => Promise<ComputeOutcome | ExactOutcome>;
  persist: (state: PlaygroundState) => void;
  report: (problem: string) => void;
  /** Told of each full result once drawn (panels computed from it, such as "Solve for ε"). */
  onResult?: (result: PlaygroundResult) => void;
}

const EXACT_DELAY_MS = 120;

export class PlaygroundApp {
  private result: { of: PlaygroundState; value: PlaygroundResult } | undefined;
  private exact: { of: PlaygroundState; value: ExactValues } | undefined;
  /** The last computation's refusals. */
  private computeErrors: FieldError[] = [];
  /** Texts the state could not take (see textLimitError): while any is shown, no result is. */
  private readonly refusedTexts = new Map<FieldName, FieldError>();
  private readonly errorDisplay = new DelayedErrors<FieldError>(showErrors, schedule);
  private readonly runner: LatestRunner<ComputeParams, ComputeOutcome | ExactOutcome>;
  /** An ε step redraws in the next frame, at most once per frame however fast the slider sends input events. */
  private readonly scheduleMove = oncePerFrame(() => this.moveEpsilon());
  /** The last modelAt (O(N)): the plots and the headline of one frame share it. */
  private lastPoint: { model: PlaygroundResult['model']; epsilon: number; point: ModelPoint } | undefined;
  private theme = readTheme();
  private visibility: PlotVisibility | undefined;
  /** The exact headline is asked for once the slider rests, so the worker does not compete with the drag. */
  private readonly requestExact = debounce(() => this.recompute('exact'), EXACT_DELAY_MS);

  constructor(
    private state: PlaygroundState,
    private readonly deps: AppDeps,
  ) {
    this.runner = new LatestRunner(
      deps.compute,
      (p, o) => this.received(p, o),
      (p, e) => this.failed(p, e),
      mergeComputeScope,
    );
  }

  get current(): PlaygroundState {
    return this.state;
  }

  start(): void {
    writeForm(this.state);
    const catchUp = (plot: Plot) => this.withView((v) => plot.moveEpsilon(v));
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
      this.refuseText(c.field, area ? textLimitError(c.field, area.value) : undefined);
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
    this.deps.persist(next);
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
    this.withView((view) => plot.draw(view));
  }

  /** The last result and the model at the current ε, for exports; undefined while inputs have errors. */
  exportView(): { state: PlaygroundState; result: PlaygroundResult; point: ModelPoint } | undefined {
    const point = this.point();
    return this.result && point && this.errors.length === 0
      ? { state: this.state, result: this.result.value, point }
      : undefined;
  }

  snapshot(): Snapshot {
    const point = this.point();
    return {
      state: this.state,
      lossText: document.getElementById('loss-value')?.textContent ?? '',
      lossValue: this.errors.length === 0 && point ? this.headlineValue(point) : null,
      errors: this.errors.map((e) => `${e.field} ${e.line}:${e.column}: ${e.message}`),
    };
  }

  private recompute(scope: ComputeParams['scope']): void {
    this.runner.run({ state: this.state, scope });
    if (scope === 'full') this.renderHeadline();
  }

  private received(params: ComputeParams, outcome: ComputeOutcome | ExactOutcome): void {
    if (!outcome.ok) {
      this.showFailure(outcome.errors);
      return;
    }
    this.computeErrors = [];
    this.errorDisplay.clear();
    if (this.refusedTexts.size > 0) showErrors(this.errors);
    if ('notes' in outcome) showNotes(outcome.notes);
    if ('model' in outcome) {
      this.result = { of: params.state, value: outcome };
      this.drawAll();
    }
    this.exact = { of: params.state, value: outcome.exact };
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
    if (!this.result || recomputeKind(this.result.of, this.state) === 'full') return undefined;
    const { model } = this.result.value;
    const { epsilon } = this.state;
    if (this.lastPoint?.model !== model || this.lastPoint.epsilon !== epsilon)
      this.lastPoint = { model, epsilon, point: modelAt(model, epsilon) };
    return this.lastPoint.point;
  }

  /** The exact values when they describe the current state (the slider has moved on otherwise). */
  private currentExact(): ExactValues | undefined {
    return this.exact && recomputeKind(this.exact.of, this.state) === 'none' ? this.exact.value : undefined;
  }

  private headlineValue(point: ModelPoint): number {
    return this.currentExact()?.value ?? point.value;
  }

  /** The table is redrawn when a computation lands, not on every slider step (it is the costly DOM part). */
  private renderHeadline(withTable = true): void {
    const point = this.point();
    const busy = this.runner.busy;
    if (this.refusedTexts.size === 0 && this.errors.length > 0 && !this.errorDisplay.shown) return;
    if (this.errors.length > 0 || !point) {
      showHeadline('—', '', this.errors.length ? 'fix the highlighted input' : 'computing…', busy);
      showTorchNotes([]);
      return;
    }
    const value = this.headlineValue(point);
    const exact = this.currentExact();
    const note = exact ? 'torch-exact (float64)' : 'from the precomputed ε sweep; exact value follows';
    showHeadline(headlineText(this.state.reduction, value, point.perSample), String(value), note, busy);
    showTorchNotes(torchDifferences(this.state, value, exact?.torch));
    if (withTable) showTable(this.state, this.result!.value, point, value);
  }

  private withView(run: (view: View) => void): void {
    const view = this.view();
    if (view) run(view);
  }

  private view(): View | undefined {
    if (this.refusedTexts.size > 0) return undefined;
    const point = this.point();
    return this.result && point
      ? { state: this.state, result: this.result.value, point, theme: this.theme }
      : undefined;
  }

  private drawAll(): void {
    this.withView((view) => {
      document.getElementById('app')?.classList.remove('stale');
      for (const plot of this.deps.plots) plot.draw(view);
      this.visibility?.allDrawn();
      this.deps.onResult?.(view.result);
    });
  }

  private moveEpsilon(): void {
    this.withView((view) => {
      performance.mark('lossLens:epsilon:start');
      this.visibility?.moveVisible(this.deps.plots, (plot) => plot.moveEpsilon(view));
      this.renderHeadline(false);
      performance.measure('lossLens:epsilon', 'lossLens:epsilon:start');
    });
  }
}
