/**
 * The "current ε" mark on the ε-axis plots, drawn by a per-chart plugin from a mutable position: an ε step only
 * repaints the chart (`chart.render()`), with no data update, scale fit or layout. A dashed vertical line and a
 * square point per curve, so the mark does not rely on colour.
 */
import type { ChartDataset, Plugin } from 'chart.js';
import { drawPoint } from 'chart.js/helpers';

export interface EpsilonMark {
  epsilon: number;
  /** One value per curve; non-finite ones (an infinite gap at ε = 0) get only the line. */
  values: number[];
}

const RADIUS = 6;
const STYLE = 'rect';

export function epsilonMarkPlugin(mark: EpsilonMark, colour: () => string): Plugin<'line'> {
  return {
    id: 'lossLensEpsilonMark',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const [x, y] = [scales.x!, scales.y!];
      const px = x.getPixelForValue(mark.epsilon);
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left - RADIUS, area.top - RADIUS, area.width + 2 * RADIUS, area.height + 2 * RADIUS);
      ctx.clip();
      ctx.strokeStyle = colour();
      ctx.fillStyle = colour();
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      for (const value of mark.values) {
        if (!Number.isFinite(value)) continue;
        drawPoint(
          ctx,
          { pointStyle: STYLE, radius: RADIUS, rotation: 0, borderWidth: 1 },
          px,
          y.getPixelForValue(value),
        );
      }
      ctx.restore();
    },
  };
}

/** An empty dataset that only gives the mark its legend entry. */
export function epsilonMarkLegend(colour: string): ChartDataset<'line'> {
  return {
    label: 'current ε (dashed line, square)',
    data: [],
    showLine: false,
    pointStyle: STYLE,
    pointRadius: RADIUS,
    borderColor: colour,
    backgroundColor: colour,
  };
}
