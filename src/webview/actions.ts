/** The output buttons: copy as PyTorch, copy the table, CSV and PNG export; files and clipboard go through the host. */

import { torchScript } from '../core/playground/compute';
import { sampleHeader, sampleRows, toCsv, toTsv } from '../core/playground/table';
import { CopyText, type Endpoint, SaveFile, type SaveFileParams } from '../core/protocol';
import type { PlaygroundApp } from './controller';
import { atExportResolution } from './plots/pixelRatio';
import type { Plot } from './plots/plot';
import { button } from './ui/elements';
import { type OutputActions, summaryRows } from './ui/outputs';

export class Actions implements OutputActions {
  constructor(
    private readonly app: PlaygroundApp,
    private readonly host: Endpoint,
    private readonly report: (problem: string) => void,
  ) {}

  readonly copyTorch = (): void => {
    const script = torchScript(this.app.current);
    if (script.ok) void this.copy(script.script);
    else this.app.showRefusal(script.errors);
  };

  readonly exportCsv = (): void => {
    const view = this.app.exportView();
    if (!view) return;
    const content = toCsv(sampleHeader(view.result), sampleRows(view.result, view.point));
    void this.save({ kind: 'csv', suggestedName: 'loss-lens-samples.csv', content });
  };

  readonly copyTable = (): void => {
    const view = this.app.exportView();
    if (!view) return;
    const summary = toTsv(['quantity', 'value'], summaryRows(view.state, view.result, view.point.value));
    void this.copy(`${summary}\n${toTsv(sampleHeader(view.result), sampleRows(view.result, view.point))}`);
  };

  /** Adds the plot's "Export PNG" button (#<plot id>-png) under its figure. */
  withPngExport(plot: Plot): HTMLElement {
    const content = () =>
      atExportResolution(
        () => this.app.redrawPlot(plot),
        () => plot.canvas.toDataURL('image/png'),
      );
    const png = button(`${plot.id}-png`, 'Export PNG', () => {
      void this.save({ kind: 'png', suggestedName: `${plot.id}.png`, content: content() });
    });
    plot.figure.append(png);
    return plot.figure;
  }

  private async save(params: SaveFileParams): Promise<void> {
    await this.host.request(SaveFile, params).catch((e: unknown) => this.report(`save failed: ${String(e)}`));
  }

  private async copy(text: string): Promise<void> {
    await this.host
      .request(CopyText, { text })
      .catch((e: unknown) => this.report(`copy failed: ${String(e)}`));
  }
}
