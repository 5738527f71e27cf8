/** Setting keys and defaults, one place; pure so tests can compare them with package.json. */

export const SECTION = 'lossLens';

export type HoverDetail = 'full' | 'brief';
export const HOVER_DETAILS: readonly HoverDetail[] = ['full', 'brief'];

export const SETTINGS = {
  defaultEpsilon: { key: 'smoothing.defaultEpsilon', default: 0.1 },
  defaultConvention: { key: 'smoothing.defaultConvention', default: 'uniform' },
  diagnosticsEnabled: { key: 'diagnostics.enabled', default: true },
  hoverDetail: { key: 'hover.detail', default: 'full' },
  pythonPath: { key: 'python.path', default: '' },
  targetInlayHints: { key: 'inlayHints.targets', default: false },
} as const;

export type SettingName = keyof typeof SETTINGS;
