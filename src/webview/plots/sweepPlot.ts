/** Loss against ε for every convention of the loss's family, on the same axes, with the current ε marked. */
import type { ChartDataset } from 'chart.js';
import { curveAt } from '../../core/playground/compute';
import { CONVENTIONS } from '../../core/smoothing/conventions';
import { axis, baseOptions, type Chart, replaceChart } from './chartBase';
import { figure, fmt, type Plot, type View } from './plot';
import { DASHES, POINT_STYLES } from './theme';

type Points = { x: number; y: number }[];

function markers(view: View): Points {
  return view.result.sweep.map((c) => ({
    x: view.state.epsilon,
    y: curveAt(c, view.state.epsilon),
  }));
}

export function sweepPlot(): Plot {
  const { figure: fig, canvas, summary } = figure('plot-sweep', 'Loss vs ε for every convention');
  let chart: Chart | undefined;
  const describe = (view: View) => {
    const at = markers(view);
    summary.textContent = view.result.sweep
      .map(
        (c, i) =>
          `${CONVENTIONS[c.convention].label}: ${fmt(c.values[0]!)} at ε=0 → ${fmt(c.values.at(-1)!)} at ε=1; ${fmt(at[i]!.y)} at ε=${view.state.epsilon}`,
      )
      .join('. ');
  };
  return {
    id: 'plot-sweep',
    figure: fig,
    canvas,
    draw(view) {
      const { theme, result, state } = view;
      const curves: ChartDataset<'line'>[] = result.sweep.map((c, i) => ({
        label: `${CONVENTIONS[c.convention].label}${c.convention === state.convention ? ' (chosen)' : ''}`,
        data: c.epsilons.map((x, j) => ({ x, y: c.values[j]! })),
        borderColor: theme.series[i],
        backgroundColor: theme.series[i],
        borderDash: DASHES[i],
        borderWidth: c.convention === state.convention ? 3 : 1.5,
        pointRadius: 0,
      }));
      const marker: ChartDataset<'line'> = {
        label: 'current ε',
        data: markers(view),
        showLine: false,
        borderColor: theme.foreground,
        backgroundColor: theme.foreground,
        pointStyle: POINT_STYLES[1],
        pointRadius: 6,
      };
      const title = `reduction '${state.reduction}'${state.reduction === 'none' ? ' (sum shown)' : ''}`;
      chart = replaceChart(canvas, {
        type: 'line',
        data: { datasets: [...curves, marker] },
        options: {
          ...baseOptions(theme, `Loss vs ε, ${title}`),
          scales: {
            x: axis(theme, 'ε (smoothing)', { type: 'linear', min: 0, max: 1 }),
            y: axis(theme, 'loss'),
          },
        },
      });
      describe(view);
    },
    moveEpsilon(view) {
      if (!chart) return;
      chart.data.datasets.at(-1)!.data = markers(view);
      chart.update('none');
      describe(view);
    },
  };
}
