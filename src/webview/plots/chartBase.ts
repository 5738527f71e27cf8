/** Chart.js set-up shared by every plot: registration, theme-aware axes, a painted background for PNG export. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import { pixelRatio } from './pixelRatio';
import type { Theme } from './theme';

/** Fills the canvas with the editor background so an exported PNG reads like the panel. */
const background: Plugin = {
  id: 'lossLensBackground',
  beforeDraw(chart, _args, options: { color?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? 'transparent';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export function axis(theme: Theme, title: string, extra: Record<string, unknown> = {}) {
  return {
    title: { display: true, text: title, color: theme.foreground },
    ticks: { color: theme.foreground },
    grid: { color: theme.grid },
    border: { color: theme.muted },
    ...extra,
  };
}

export function baseOptions(theme: Theme, title: string) {
  return {
    animation: false as const,
    devicePixelRatio: pixelRatio(),
    responsive: true,
    maintainAspectRatio: false,
    normalized: true,
    elements: { point: { radius: 0 } },
    plugins: {
      title: { display: true, text: title, color: theme.foreground },
      legend: { labels: { color: theme.foreground, usePointStyle: true } },
      lossLensBackground: { color: theme.background },
      tooltip: { enabled: true },
    },
  };
}

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  background,
);

/**
 * The canvas's chart showing `config` (new data, theme change): the chart there updated in place when its type and
 * pixel ratio stay, else a new one. A new chart reads its box's size, forcing a layout of the page just changed.
 */
export function replaceChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  const chart = Chart.getChart(canvas);
  const ratio = (config.options as { devicePixelRatio?: number } | undefined)?.devicePixelRatio;
  const type = (chart?.config as { type?: string } | undefined)?.type;
  if (chart && type === config.type && chart.currentDevicePixelRatio === ratio) {
    chart.data = config.data;
    chart.options = config.options ?? {};
    chart.update('none');
    return chart;
  }
  chart?.destroy();
  return new Chart(canvas, config);
}

export type { Chart };
