/** The optimal logit gap log(on/off) against ε for this K, with the current ε marked and the softmax it implies. */
import type { ChartDataset } from 'chart.js';
import { conventionLabel } from '../../core/playground/conventions';
import { gapProbabilities, optimalLogitGap } from '../../core/smoothing';
import { axis, baseOptions, type Chart, replaceChart } from './chartBase';
import { type EpsilonMark, epsilonMarkLegend, epsilonMarkPlugin } from './epsilonMarker';
import { figure, fmt, type Plot, type View } from './plot';

const classesOf = (view: View) => (view.result.family === 'binary' ? 2 : view.result.cols);
/**
 * Binary conventions smooth two outcomes like uniform smoothing over K = 2 (max+1 when the batch holds a 1); a
 * prior has one optimal logit per class (log q_c), drawn here for the uniform prior it generalises.
 */
const conventionOf = (view: View) =>
  view.result.family === 'binary' || view.state.convention === 'prior' ? 'uniform' : view.state.convention;

/** The legend names the convention the curve follows; binary ones read as their K = 2 uniform equivalent. */
function curveLabel(view: View): string {
  const picked = conventionLabel(view.state.convention);
  const named =
    view.result.family === 'binary'
      ? `${picked} (= uniform ε/K)`
      : view.state.convention === 'prior'
        ? `${picked} (drawn for a uniform π)`
        : picked;
  return `optimal gap, ${named} convention, K = ${classesOf(view)}`;
}

const GRID = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);

function markAt(view: View, mark: EpsilonMark): void {
  mark.epsilon = view.state.epsilon;
  mark.values = [optimalLogitGap(classesOf(view), view.state.epsilon, conventionOf(view))];
}

function describe(view: View, gap: number): string {
  const k = classesOf(view);
  const eps = view.state.epsilon;
  const probs = gapProbabilities(k, eps, conventionOf(view));
  const shown = probs.length > 4 ? [probs[0]!, probs[1]!] : probs;
  const tail = probs.length > 4 ? `, … (${k - 1} classes at ${fmt(probs[1]!)})` : '';
  return `K = ${k}, ε = ${eps}: optimal gap ${fmt(gap)}; softmax([gap, 0, …]) = [${shown.map((p) => fmt(p)).join(', ')}${tail}].`;
}

export function gapPlot(): Plot {
  const {
    figure: fig,
    canvas,
    summary,
  } = figure('plot-gap', 'Optimal logit gap and the probabilities it implies');
  let chart: Chart | undefined;
  let foreground = '';
  const mark: EpsilonMark = { epsilon: 0, values: [] };
  const plugin = epsilonMarkPlugin(mark, () => foreground);
  return {
    id: 'plot-gap',
    needs: [],
    figure: fig,
    canvas,
    draw(view) {
      const { theme } = view;
      foreground = theme.foreground;
      markAt(view, mark);
      const k = classesOf(view);
      const curve: ChartDataset<'line'> = {
        label: curveLabel(view),
        data: GRID.map((x) => ({ x, y: optimalLogitGap(k, x, conventionOf(view)) })),
        borderColor: theme.series[0],
        backgroundColor: theme.series[0],
        pointRadius: 0,
      };
      chart = replaceChart(canvas, {
        type: 'line',
        data: { datasets: [curve, epsilonMarkLegend(theme.foreground)] },
        options: {
          ...baseOptions(theme, 'Logit gap at which the smoothed loss is minimal'),
          scales: {
            x: axis(theme, 'ε (smoothing)', { type: 'linear', min: 0, max: 1 }),
            y: axis(theme, 'target logit − other logits'),
          },
        },
        plugins: [plugin],
      });
      summary.textContent = describe(view, mark.values[0]!);
    },
    moveEpsilon(view) {
      if (!chart) return;
      markAt(view, mark);
      chart.render();
      summary.textContent = describe(view, mark.values[0]!);
    },
  };
}
