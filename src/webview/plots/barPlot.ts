/**
 * One builder for the value-per-index plots (per-sample loss, probabilities vs target, gradient): bars while the
 * count is small, a min/max-decimated line beyond; a second series is outlined and dashed, not only recoloured.
 */
import type { ChartDataset, ScriptableScaleContext } from 'chart.js';
import type { PlotPartName } from '../../core/playground/parts';
import { axis, baseOptions, type Chart, replaceChart } from './chartBase';
import { figure, type Plot, type View } from './plot';
import { DASHES } from './theme';

export interface Series {
  label: string;
  values: Float64Array;
}

export interface BarSpec {
  id: string;
  needs: readonly PlotPartName[];
  caption: string;
  title: (view: View) => string;
  xTitle: (view: View) => string;
  yTitle: string;
  /** Every series at the view's ε; the fast path calls it again. */
  series: (view: View) => Series[];
  summary: (view: View, series: Series[]) => string;
  /** Extra y-scale options (fixed bounds, beginAtZero). */
  yScale?: Record<string, unknown>;
}

const BAR_LIMIT = 200;

type Points = { x: number; y: number }[];

const points = (values: Float64Array): Points => Array.from(values, (y, x) => ({ x, y }));

/** Slider steps move the same points (no new objects for the garbage collector at 4096 points a frame). */
function moveTo(data: Points, values: Float64Array): void {
  for (let i = 0; i < data.length; i++) data[i]!.y = values[i]!;
}

/** A y axis whose labels are never auto-skipped (so 0 keeps its label) and whose zero line is drawn bolder. */
function yAxis(view: View, spec: BarSpec) {
  const { theme } = view;
  const zero = (ctx: ScriptableScaleContext) => ctx.tick?.value === 0;
  return axis(theme, spec.yTitle, {
    ticks: { color: theme.foreground, autoSkip: false, maxTicksLimit: 7 },
    grid: {
      color: (ctx: ScriptableScaleContext) => (zero(ctx) ? theme.foreground : theme.grid),
      lineWidth: (ctx: ScriptableScaleContext) => (zero(ctx) ? 2 : 1),
    },
    ...spec.yScale,
  });
}

function dataset(view: View, s: Series, i: number, bars: boolean): ChartDataset<'bar' | 'line'> {
  const colour = view.theme.series[i === 0 ? 0 : 1]!;
  const common = { label: s.label, data: points(s.values), borderColor: colour, parsing: false as const };

  if (!bars)
    return {
      ...common,
      type: 'line',
      borderDash: DASHES[i],
      borderWidth: 1,
      pointRadius: 0,
      backgroundColor: colour,
    };
  return {
    ...common,
    type: 'bar',
    backgroundColor: i === 0 ? colour : 'transparent',
    borderWidth: i === 0 ? 0 : 2,
  };
}

export function barPlot(spec: BarSpec): Plot {
  const { figure: fig, canvas, summary } = figure(spec.id, spec.caption);
  let chart: Chart | undefined;
  /** The points each dataset was created with (Chart.js may swap `data` for a decimated copy). */
  let drawn: Points[] = [];
  return {
    id: spec.id,
    needs: spec.needs,
    figure: fig,
    canvas,
    draw(view) {
      const series = spec.series(view);
      const bars = (series[0]?.values.length ?? 0) <= BAR_LIMIT;
      const { theme } = view;
      const datasets = series.map((s, i) => dataset(view, s, i, bars));
      drawn = datasets.map((d) => d.data as Points);
      chart = replaceChart(canvas, {
        type: bars ? 'bar' : 'line',
        data: { datasets },
        options: {
          ...baseOptions(theme, spec.title(view)),
          plugins: {
            ...baseOptions(theme, spec.title(view)).plugins,
            decimation: { enabled: !bars, algorithm: 'min-max' },
          },
          scales: {
            x: axis(theme, spec.xTitle(view), {
              type: 'linear',
              offset: bars,
              ticks: { color: theme.foreground, precision: 0 },
            }),
            y: yAxis(view, spec),
          },
        },
      });
      summary.textContent = spec.summary(view, series);
    },
    moveEpsilon(view) {
      if (!chart) return;
      const series = spec.series(view);
      series.forEach((s, i) => {
        moveTo(drawn[i]!, s.values);
      });
      chart.options.plugins!.title!.text = spec.title(view);
      chart.update('none');
      summary.textContent = spec.summary(view, series);
    },
  };
}
