/** Canvas pixels per CSS pixel: the screen's, and at least 2 while a PNG export draws (a 1× PNG looks blurry). */
export const EXPORT_PIXEL_RATIO = 2;

let exporting = false;

export function pixelRatio(): number {
  const screen = window.devicePixelRatio || 1;
  return exporting ? Math.max(screen, EXPORT_PIXEL_RATIO) : screen;
}

/** Redraws at export resolution, captures, and redraws for the screen again. */
export function atExportResolution<T>(redraw: () => void, capture: () => T): T {
  exporting = true;
  try {
    redraw();
    return capture();
  } finally {
    exporting = false;
    redraw();
  }
}
