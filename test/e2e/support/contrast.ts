// Contrast of the playground's controls against what they sit on, measured in the webview (WCAG 2 ratios).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';

/** The measuring function, plain JS so that nothing the test runner's compiler adds reaches the page. */
const SCRIPT = readFileSync(join(__dirname, 'contrast.browser.js'), 'utf8').trim().replace(/;$/, '');

export interface ControlContrast {
  control: string;
  /** foreground/background as computed, for the failure message */
  colors: string;
  ratio: number;
  /** 4.5 for text, 3 for a control's boundary or glyph (WCAG 1.4.3, 1.4.11) */
  needed: number;
}

/** Measures, in the frame: the slider's thumb, each section's chevron and title, each button's label, each field's text and (HC) border. */
export function measureContrast(frame: Frame, highContrast: boolean): Promise<ControlContrast[]> {
  return frame.evaluate(`(${SCRIPT})(${JSON.stringify(highContrast)})`) as Promise<ControlContrast[]>;
}
