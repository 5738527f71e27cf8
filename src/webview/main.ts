/**
 * Loss Lens playground webview.
 *
 * Stable element ids (used by e2e tests; keep them):
 *   source      #data-source (shown for data from a paused debugger) #data-source-label #data-source-notes
 *               #data-source-refresh (asks the host to send the same expressions again)
 *   inputs      #logits-input #targets-input #weights-input (textareas; `input` events recompute; a text over
 *               200,000 characters is held, not shown: the area is empty, its placeholder says what it holds)
 *               #<input id>-replaced (aria-live: the held text typing or pasting replaced, with a Restore button)
 *               #error-logits #error-targets #error-weights #error-options (aria-live error text, "Line L, column C: …")
 *               #sample-select (loads an example on `change`)
 *   controls    #loss-select #input-kind-select #convention-select #reduction-select (native selects, `change`)
 *               #epsilon-slider (range 0–1) #epsilon-input (number; `input`/`change`, arrow keys work)
 *               #ignore-index-input #temperature-input #row-input #bins-input (number inputs)
 *   seed        #seed-notice (which inputs "Open in playground" replaced) #seed-undo (restores them)
 *   outputs     #loss-value (headline, e.g. "1.4670"; "—" while inputs have errors) #loss-full (full precision)
 *               #loss-note #torch-notes (where torch's call of the same name differs) #busy #copy-torch #export-csv
 *               #copy-table #numbers-summary #numbers-table
 *               #printed-input (Solve for ε: a printed loss) #solve-result (one item per convention)
 *   plots       #plot-sweep #plot-heatmap #plot-per-sample #plot-probabilities #plot-gradient #plot-gap
 *               #plot-reliability, each with #<id>-canvas, #<id>-summary (the plot in words) and #<id>-png (export)
 */
import { DEFAULT_STATE, type PlaygroundState, restorable } from '../core/playground/state';
import { storedTextsOf, type TextRef, withStoredTexts } from '../core/playground/storedTexts';
import {
  ApplySeed,
  Endpoint,
  GetSnapshot,
  RefreshSource,
  RestoreState,
  ShowSource,
  StateChanged,
  WebviewProblem,
  WebviewReady,
} from '../core/protocol';
import { Actions } from './actions';
import { ComputeClient, startWorker } from './computeClient';
import { PlaygroundApp } from './controller';
import { gapPlot } from './plots/gapPlot';
import { heatmapPlot } from './plots/heatmapPlot';
import { gradientPlot, perSamplePlot, probabilityPlot } from './plots/indexPlots';
import { reliabilityPlot } from './plots/reliabilityPlot';
import { sweepPlot } from './plots/sweepPlot';
import { onThemeChange } from './plots/theme';
import { keepSelectAllLocal } from './selectAllEcho';
import { TextStore } from './textStore';
import { debounce, nextTask, schedule } from './timers';
import { TEXT_CONTROLS } from './ui/controls';
import { h } from './ui/dom';
import { section } from './ui/elements';
import { buildControls, buildInputs } from './ui/form';
import { HeldUndo, replacedRef, savedReplaced } from './ui/heldUndo';
import { buildOutputs } from './ui/outputs';
import { buildSeedNotice, hideSeedNotice, offerSeedUndo } from './ui/seedNotice';
import { buildSolve } from './ui/solve';
import { buildSourceBar } from './ui/source';
import { vscodeApi } from './vscodeApi';

const api = vscodeApi();
const host = new Endpoint({
  post: (m) => api.postMessage(m),
  report: (message) => report(message),
  schedule,
});
function report(message: string): void {
  host.notify(WebviewProblem, { message: message.slice(0, 2000) });
}
window.addEventListener('message', (e: MessageEvent) => host.receive(e.data));

/** Saves the current state again once a long text of it reached the host (it waited for that). */
let savePending = () => {};
const texts = new TextStore(host, nextTask, () => savePending(), report);

/** The texts a saved state names (its fields', the held text a key replaced), read back from the host. */
function storedRefs(saved: unknown): TextRef[] {
  const ref = replacedRef(saved);
  return [...Object.values(storedTextsOf(saved)), ...(ref ? [ref] : [])];
}

const savedState = api.getState();
void texts.load(storedRefs(savedState)).then((read) => open(savedState, read));

/** Builds the page from the webview's saved state, its stored texts read back (`read`, by hash). */
function open(savedState: unknown, read: ReadonlyMap<string, string>): void {
  const root = document.getElementById('app')!;
  const computeClient = new ComputeClient(() => startWorker(root.dataset.workerSrc ?? '', report), report);
  const plots = [
    sweepPlot(),
    heatmapPlot(),
    perSamplePlot(),
    probabilityPlot(),
    gradientPlot(),
    gapPlot(),
    reliabilityPlot(),
  ];
  const saved = restorable(withStoredTexts(savedState, read));
  const held = new HeldUndo(
    savedReplaced(
      savedState,
      TEXT_CONTROLS.map((c) => c.id),
      read,
    ),
    () => saveState(app.current),
  );
  /** The webview's own copy of the state (getState) carries the held text a stray key replaced, the host's does not. */
  const saveState = (state: PlaygroundState) => {
    api.setState(texts.saved(state, held.current).own);
  };
  const notifyHost = debounce(() => {
    const forms = texts.saved(app.current, held.current);
    if (forms.complete) host.notify(StateChanged, forms.host);
  }, 300);
  const persist = (state: PlaygroundState) => {
    saveState(state);
    notifyHost();
  };
  savePending = () => persist(app.current);
  const solve = buildSolve(() => app.exportView()?.result);
  const app = new PlaygroundApp(saved ?? DEFAULT_STATE, {
    plots,
    compute: (params, onPart) => computeClient.run(params, onPart),
    cancel: () => computeClient.cancel(),
    persist,
    report,
    onResult: (result) => solve.refresh(result),
  });
  const dispatch = app.dispatch.bind(app);

  const actions = new Actions(app, host, report);
  const sourceBar = buildSourceBar(() => host.notify(RefreshSource, {}));

  root.replaceChildren(
    h('h1', {}, 'Loss Lens Playground'),
    sourceBar.element,
    buildSeedNotice(),
    h(
      'div',
      { class: 'top' },
      section(
        'inputs-section',
        'Inputs',
        buildInputs({ dispatch, refuseText: (field, error) => app.refuseText(field, error), held }),
      ),
      section('controls-section', 'Loss and smoothing', buildControls(dispatch)),
    ),
    section('results-section', 'Result', buildOutputs(actions), solve.element),
    section(
      'plots-section',
      'Plots',
      h('div', { class: 'plots' }, ...plots.map((p) => actions.withPngExport(p))),
    ),
    section(
      'numbers-section',
      'Numbers',
      h('table', { id: 'numbers-summary', class: 'numbers' }),
      h('table', { id: 'numbers-table', class: 'numbers' }),
    ),
  );

  host.onNotification(ApplySeed, (seed) => {
    const before = app.current;
    dispatch({ type: 'seed', seed });
    offerSeedUndo(before, app.current, () => dispatch({ type: 'restore', state: before }));
  });
  // The undo is one step: the next edit of the person's own makes it moot.
  for (const event of ['input', 'change']) root.addEventListener(event, hideSeedNotice);
  // Captured, so that the kept text is let go before the change it commits is saved with the state.
  for (const event of ['input', 'change'])
    root.addEventListener(event, (e) => held.changedIn(e.target instanceof Element ? e.target.id : ''), true);
  host.onNotification(ShowSource, ({ source }) => sourceBar.show(source));
  host.onNotification(RestoreState, (state) => {
    void texts
      .load(storedRefs(state))
      .then((stored) => dispatch({ type: 'restore', state: withStoredTexts(state, stored) }));
  });
  host.onRequest(GetSnapshot, () => app.snapshot());
  keepSelectAllLocal(document);
  onThemeChange(() => app.redraw());
  window.addEventListener(
    'resize',
    debounce(() => app.redraw(), 150),
  );
  app.start();
  host.notify(WebviewReady, { hasState: saved !== null });
}
