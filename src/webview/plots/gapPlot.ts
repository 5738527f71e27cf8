/** The optimal logit gap log(on/off) against ε for this K, with the current ε marked and the softmax it implies. */
import type { ChartDataset } from 'chart.js';
import { gapProbabilities, optimalLogitGap } from '../../core/smoothing';
import { axis, baseOptions, type Chart, replaceChart } from './chartBase';
import { figure, fmt, type Plot, type View } from './plot';
import { POINT_STYLES } from './theme';

const classesOf = (view: View) => (view.result.family === 'binary' ? 2 : view.result.cols);
/** Binary conventions smooth two outcomes like uniform smoothing over K = 2 (max+1 when the batch holds a 1). */
const conventionOf = (view: View) => (view.result.family === 'binary' ? 'uniform' : view.state.convention);

const GRID = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);

function marker(view: View) {
  return [
    { x: view.state.epsilon, y: optimalLogitGap(classesOf(view), view.state.epsilon, conventionOf(view)) },
  ];
}

function describe(view: View): string {
  const k = classesOf(view);
  const eps = view.state.epsilon;
  const gap = optimalLogitGap(k, eps, conventionOf(view));
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
  return {
    id: 'plot-gap',
    figure: fig,
    canvas,
    draw(view) {
      const { theme } = view;
      const k = classesOf(view);
      const curve: ChartDataset<'line'> = {
        label: `optimal gap, K = ${k}`,
        data: GRID.map((x) => ({ x, y: optimalLogitGap(k, x, conventionOf(view)) })),
        borderColor: theme.series[0],
        backgroundColor: theme.series[0],
        pointRadius: 0,
      };
      const current: ChartDataset<'line'> = {
        label: 'current ε',
        data: marker(view),
        showLine: false,
        pointStyle: POINT_STYLES[1],
        pointRadius: 6,
        borderColor: theme.foreground,
        backgroundColor: theme.foreground,
      };
      chart = replaceChart(canvas, {
        type: 'line',
        data: { datasets: [curve, current] },
        options: {
          ...baseOptions(theme, 'Logit gap at which the smoothed loss is minimal'),
          scales: {
            x: axis(theme, 'ε', { type: 'linear', min: 0, max: 1 }),
            y: axis(theme, 'target logit − other logits'),
          },
        },
      });
      summary.textContent = describe(view);
    },
    moveEpsilon(view) {
      if (!chart) return;
      chart.data.datasets[1]!.data = marker(view);
      chart.update('none');
      summary.textContent = describe(view);
    },
  };
}
