/** The per-index plots: per-sample loss, predicted probabilities vs smoothed target, gradient w.r.t. the input. */
import { INPUT_LABEL } from '../../core/playground/lossInput';
import { lerpArray } from '../../core/playground/model';
import { barPlot, type Series } from './barPlot';
import { fmt, type Plot, type View } from './plot';

function extremes(values: Float64Array): string {
  let [lo, hi] = [0, 0];
  values.forEach((v, i) => {
    if (v < values[lo]!) lo = i;
    if (v > values[hi]!) hi = i;
  });
  return `lowest ${fmt(values[lo]!)} at ${lo}, highest ${fmt(values[hi]!)} at ${hi}`;
}

export function perSamplePlot(): Plot {
  return barPlot({
    id: 'plot-per-sample',
    needs: [],
    caption: 'Per-sample loss',
    title: (v) => `Per-sample loss at ε = ${v.state.epsilon} (reduction 'none' values)`,
    xTitle: () => 'sample',
    yTitle: 'loss',
    series: (v) => [{ label: 'loss', values: v.point.perSample }],
    summary: (v, [s]) => `${v.result.rows} samples; ${extremes(s!.values)}.`,
  });
}

const rowName = (v: View) => (v.result.row.label === 'class' ? `row ${v.result.row.index}` : 'every element');

export function probabilityPlot(): Plot {
  return barPlot({
    id: 'plot-probabilities',
    needs: ['row'],
    caption: 'Predicted probabilities vs smoothed target',
    title: (v) => `Predicted vs target, ${rowName(v)}, ε = ${v.state.epsilon}`,
    xTitle: (v) => v.result.row.label,
    yTitle: 'probability',
    yScale: { min: 0, max: 1 },
    series: (v): Series[] => [
      { label: 'predicted p', values: v.result.row.probabilities },
      {
        label: 'smoothed target',
        values: lerpArray(v.result.row.targetAt0, v.result.row.targetAt1, v.state.epsilon),
      },
    ],
    summary: (v, [p, t]) =>
      `${rowName(v)}: predicted ${Array.from(p!.values.slice(0, 8), (x) => fmt(x)).join(', ')}${p!.values.length > 8 ? ', …' : ''}; ` +
      `target ${Array.from(t!.values.slice(0, 8), (x) => fmt(x)).join(', ')}${t!.values.length > 8 ? ', …' : ''}.`,
  });
}

export function gradientPlot(): Plot {
  return barPlot({
    id: 'plot-gradient',
    needs: ['row'],
    caption: 'Gradient of the loss w.r.t. the input',
    title: (v) => `∂loss/∂${INPUT_LABEL[v.result.lossInput]}, ${rowName(v)}, ε = ${v.state.epsilon}`,
    xTitle: (v) => v.result.row.label,
    yTitle: 'gradient',
    yScale: { beginAtZero: true },
    series: (v) => [{ label: `∂loss/∂${INPUT_LABEL[v.result.lossInput]}`, values: v.point.rowGrad }],
    summary: (v, [g]) => `${rowName(v)}: ${extremes(g!.values)}.`,
  });
}
