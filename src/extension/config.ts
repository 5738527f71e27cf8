import * as vscode from 'vscode';
import { isSmoothingConvention, type SmoothingConvention } from '../core/smoothing/conventions';
import { HOVER_DETAILS, type HoverDetail, SECTION, SETTINGS, type SettingName } from './settings';

/** The only reader of `lossLens.*` settings: typed getters and one change event. */
export class Config implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly listener: vscode.Disposable;
  /** Fires after any `lossLens.*` setting changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) this.changed.fire();
    });
  }

  get defaultEpsilon(): number {
    const value = this.get<number>('defaultEpsilon');
    return typeof value === 'number' && value >= 0 && value <= 1 ? value : SETTINGS.defaultEpsilon.default;
  }

  get defaultConvention(): SmoothingConvention {
    const value = this.get<string>('defaultConvention');
    return isSmoothingConvention(value) ? value : SETTINGS.defaultConvention.default;
  }

  get diagnosticsEnabled(): boolean {
    return this.get<boolean>('diagnosticsEnabled') !== false;
  }

  get hoverDetail(): HoverDetail {
    const value = this.get<string>('hoverDetail');
    return HOVER_DETAILS.find((d) => d === value) ?? SETTINGS.hoverDetail.default;
  }

  /** Opt-in: the effective target as an inlay hint after each recognised loss. */
  get targetInlayHints(): boolean {
    return this.get<boolean>('targetInlayHints') === true;
  }

  /** Empty when unset: the Python extension's interpreter or `python3` is used then. */
  get pythonPath(): string {
    return (this.get<string>('pythonPath') ?? '').trim();
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  private get<T>(name: SettingName): T | undefined {
    return vscode.workspace.getConfiguration(SECTION).get<T>(SETTINGS[name].key);
  }
}
