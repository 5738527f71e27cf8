/** Which plots are on screen: an ε step redraws only those; the others catch up when scrolled into view. */
import type { Plot } from './plots/plot';

export class PlotVisibility {
  private readonly visible = new Set<Plot>();
  private readonly behind = new Set<Plot>();

  /** `catchUp` redraws a plot that missed ε steps while off screen. */
  constructor(plots: Plot[], catchUp: (plot: Plot) => void) {
    const byFigure = new Map(plots.map((p) => [p.figure, p]));
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const plot = byFigure.get(entry.target as HTMLElement)!;
        if (!entry.isIntersecting) this.visible.delete(plot);
        else {
          this.visible.add(plot);
          if (this.behind.delete(plot)) catchUp(plot);
        }
      }
    });
    for (const plot of plots) observer.observe(plot.figure);
  }

  isVisible(plot: Plot): boolean {
    return this.visible.has(plot);
  }

  /** Visible plots go to `move`; the rest are remembered as behind. */
  moveVisible(plots: Plot[], move: (plot: Plot) => void): void {
    for (const plot of plots) {
      if (this.visible.has(plot)) move(plot);
      else this.behind.add(plot);
    }
  }

  /** A full draw brought the plot up to date. */
  drawn(plot: Plot): void {
    this.behind.delete(plot);
  }
}
