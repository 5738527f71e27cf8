/** Loss against ε for every convention of the loss's family, on the same axes, with the current ε marked. */
import type { ChartDataset } from 'chart.js';
import { curveAt } from '../../core/playground/compute';
import { conventionLabel } from '../../core/playground/conventions';
import { axis, baseOptions, type Chart, replaceChart } from './chartBase';
import { type EpsilonMark, epsilonMarkLegend, epsilonMarkPlugin } from './epsilonMarker';
import { figure, fmt, type Plot, type View } from './plot';
import { DASHES, POINT_STYLES } from './theme';

function markAt(view: View, mark: EpsilonMark): void {
  mark.epsilon = view.state.epsilon;
  mark.values = view.result.sweep.map((c) => curveAt(c, view.state.epsilon));
}

export function sweepPlot(): Plot {
  const { figure: fig, canvas, summary } = figure('plot-sweep', 'Loss vs ε for every convention');
  let chart: Chart | undefined;
  let foreground = '';
  const mark: EpsilonMark = { epsilon: 0, values: [] };
  const plugin = epsilonMarkPlugin(mark, () => foreground);
  const describe = (view: View) => {
    summary.textContent = view.result.sweep
      .map(
        (c, i) =>
          `${conventionLabel(c.convention)}: ${fmt(c.values[0]!)} at ε=0 → ${fmt(c.values.at(-1)!)} at ε=1; ${fmt(mark.values[i]!)} at ε=${view.state.epsilon}`,
      )
      .join('. ');
  };
  return {
    id: 'plot-sweep',
    needs: ['sweep'],
    figure: fig,
    canvas,
    draw(view) {
      const { theme, result, state } = view;
      foreground = theme.foreground;
      markAt(view, mark);
      const curves: ChartDataset<'line'>[] = result.sweep.map((c, i) => ({
        label: `${conventionLabel(c.convention)}${c.convention === state.convention ? ' (chosen)' : ''}`,
        data: c.epsilons.map((x, j) => ({ x, y: c.values[j]! })),
        borderColor: theme.series[i],
        backgroundColor: theme.series[i],
        borderDash: DASHES[i],
        borderWidth: c.convention === state.convention ? 3 : 1.5,
        pointRadius: 0,
        pointStyle: POINT_STYLES[i + 2],
      }));
      const title = `reduction '${state.reduction}'${state.reduction === 'none' ? ' (sum shown)' : ''}`;
      chart = replaceChart(canvas, {
        type: 'line',
        data: { datasets: [...curves, epsilonMarkLegend(theme.foreground)] },
        options: {
          ...baseOptions(theme, `Loss vs ε, ${title}`),
          scales: {
            x: axis(theme, 'ε (smoothing)', { type: 'linear', min: 0, max: 1 }),
            y: axis(theme, 'loss'),
          },
        },
        plugins: [plugin],
      });
      describe(view);
    },
    moveEpsilon(view) {
      if (!chart) return;
      markAt(view, mark);
      chart.render();
      describe(view);
    },
  };
}
