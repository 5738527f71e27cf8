/** Plot colours from VS Code's theme variables, re-read whenever the body's theme class changes. */
export interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  /** Distinct series colours; series also differ by dash pattern and point shape, never by colour alone. */
  series: string[];
}

const FALLBACK_SERIES = ['#3794ff', '#f14c4c', '#89d185', '#cca700', '#b180d7', '#d18616'];
const SERIES_VARS = [
  '--vscode-charts-blue',
  '--vscode-charts-red',
  '--vscode-charts-green',
  '--vscode-charts-yellow',
  '--vscode-charts-purple',
  '--vscode-charts-orange',
];

export function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const foreground = css('--vscode-editor-foreground', css('--vscode-foreground', '#cccccc'));
  return {
    foreground,
    muted: css('--vscode-descriptionForeground', foreground),
    // High-contrast themes define contrastBorder; elsewhere it is empty and the widget border applies.
    grid: css('--vscode-contrastBorder', css('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)')),
    background: css('--vscode-editor-background', '#1e1e1e'),
    series: SERIES_VARS.map((name, i) => css(name, FALLBACK_SERIES[i]!)),
  };
}

const themeKind = (): string =>
  [...document.body.classList].filter((c) => c.startsWith('vscode-')).join(' ') +
  (document.body.dataset.vscodeThemeId ?? '');

/** Calls `run` after VS Code switches theme (it swaps vscode-light / vscode-dark / vscode-high-contrast on body). */
export function onThemeChange(run: () => void): void {
  let last = themeKind();
  const changed = () => {
    const now = themeKind();
    if (now !== last) run();
    last = now;
  };
  new MutationObserver(changed).observe(document.body, {
    attributes: true,
    attributeFilter: ['class', 'data-vscode-theme-id'],
  });
}

export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
