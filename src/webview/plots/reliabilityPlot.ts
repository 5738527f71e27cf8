/** Reliability diagram: accuracy per confidence bin against the diagonal, with ECE in the title. */
import type { ChartDataset, Point } from 'chart.js';
import { unbinnedNote } from '../../core/playground/reliability';
import { axis, baseOptions, replaceChart } from './chartBase';
import { figure, fmt, type Plot } from './plot';
import { DASHES } from './theme';

export function reliabilityPlot(): Plot {
  const { figure: fig, canvas, summary } = figure('plot-reliability', 'Reliability diagram');
  return {
    id: 'plot-reliability',
    needs: ['calibration'],
    figure: fig,
    canvas,
    draw(view) {
      const { theme } = view;
      const cal = view.result.calibration;
      if (!cal) {
        replaceChart(canvas, {
          type: 'bar',
          data: { datasets: [] },
          options: baseOptions(theme, 'Reliability: no rows to judge'),
        });
        summary.textContent = 'No rows to judge: the batch is empty or every row is ignored (ignore index).';
        return;
      }
      const binary = view.result.family === 'binary';
      const mid = (b: { lo: number; hi: number }) => (b.lo + b.hi) / 2;
      const accuracy: ChartDataset<'bar', Point[]> = {
        label: 'accuracy',
        data: cal.bins.map((b) => ({ x: mid(b), y: b.count ? b.accuracy : 0 })),
        backgroundColor: theme.series[0],
        barPercentage: 1,
        order: 2,
        categoryPercentage: 0.95,
      };
      const ideal: ChartDataset<'line', Point[]> = {
        type: 'line',
        label: 'perfect calibration',
        data: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        borderColor: theme.foreground,
        borderDash: DASHES[1],
        pointStyle: 'line',
        pointRadius: 0,
        order: 1,
      };
      const confidence: ChartDataset<'line', Point[]> = {
        type: 'line',
        label: 'mean confidence in bin',
        data: cal.bins.filter((b) => b.count > 0).map((b) => ({ x: mid(b), y: b.confidence })),
        showLine: false,
        pointStyle: 'triangle',
        pointRadius: 5,
        order: 0,
        borderColor: theme.series[1],
        backgroundColor: theme.series[1],
      };
      replaceChart(canvas, {
        type: 'bar',
        data: { datasets: [accuracy, ideal, confidence] as ChartDataset[] },
        options: {
          ...baseOptions(
            theme,
            `Reliability (T = ${view.state.temperature}), ECE = ${fmt(cal.ece)}${cal.unbinned ? `, ${cal.unbinned} not binned` : ''}`,
          ),
          scales: {
            x: axis(theme, binary ? 'confidence max(p, 1 − p)' : 'confidence (top softmax probability)', {
              type: 'linear',
              min: 0,
              max: 1,
              // Bar charts offset their x axis by half a bar; the bins already span [0, 1], so 0 sits on the y axis.
              offset: false,
              grid: { color: theme.grid, offset: false },
            }),
            y: axis(theme, 'accuracy', { min: 0, max: 1 }),
          },
        },
      });
      const judged = binary ? 'each element: correct when (p > 0.5) = target. ' : '';
      summary.textContent = `${judged}${unbinnedNote(cal.unbinned, binary)}ECE ${fmt(cal.ece)}, accuracy ${fmt(cal.accuracy)}, mean confidence ${fmt(cal.meanConfidence)}, mean entropy ${fmt(cal.meanEntropy)} nats.`;
    },
    moveEpsilon() {
      // Calibration is a property of the predictions, not of ε.
    },
  };
}
