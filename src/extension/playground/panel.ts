import * as vscode from 'vscode';
import { restorable } from '../../core/playground/state';
import { type SavedState, storedTextsOf } from '../../core/playground/storedTexts';
import {
  ApplySeed,
  CopyText,
  type DataSource,
  Endpoint,
  GetSnapshot,
  LoadText,
  type PlaygroundSeed,
  RefreshSource,
  RestoreState,
  SaveFile,
  SendStoredTextPart,
  ShowSource,
  type Snapshot,
  StateChanged,
  StoreText,
  StoreTextPart,
  WebviewProblem,
  WebviewReady,
} from '../../core/protocol';
import type { Ctx } from '../ctx';
import { platform } from '../platform';
import { saveFile } from './saveFile';
import { folderAt, TextStorage } from './textStorage';
import { webviewHtml } from './webviewHtml';
import { getWebviewOptions } from './webviewOptions';

export type PlaygroundCtx = Pick<Ctx, 'extension' | 'log'>;

const TEXT_FIELDS = ['logitsText', 'targetsText', 'weightText'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** workspaceState key of the last state, for a panel opened again after it was closed. */
export const SAVED_STATE_KEY = 'lossLens.playground.state';

/** Stored texts no state names are kept this long in the global storage, which other windows' panels share. */
const SHARED_FOLDER_KEEP_MS = 7 * 24 * 3600 * 1000;

function textStorage({ extension, log }: PlaygroundCtx): TextStorage {
  const own = extension.storageUri;
  return new TextStorage(
    folderAt(vscode.Uri.joinPath(own ?? extension.globalStorageUri, 'playground-texts')),
    {
      sha256: platform.sha256,
      now: Date.now,
      keepUnnamedMs: own ? 0 : SHARED_FOLDER_KEEP_MS,
      log: (message) => log.warn(message),
    },
  );
}

/** The one playground panel. Messages to the webview wait until it says `webview/ready`. */
export class PlaygroundPanel {
  static readonly viewType = 'lossLens.playground';
  static readonly title = 'Loss Lens Playground';
  static current: PlaygroundPanel | undefined;
  /** The webview's "Refresh from debugger" button. */
  static readonly refreshRequests = new vscode.EventEmitter<void>();

  private readonly disposables: vscode.Disposable[] = [];
  private readonly endpoint: Endpoint;
  private readonly outbox: (() => void)[] = [];
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  /** Sent again whenever the webview is rebuilt (it is not part of the webview's own state). */
  private source: DataSource | null = null;
  /** The texts the source label is about; a long one's hash is worked out once, when a state first names it. */
  private sourceTexts: { field: TextField; text: string; hash?: Promise<string> }[] = [];
  private readonly texts: TextStorage;

  /** Reveals the panel (creating it if needed) and resolves once the webview is ready and the seed posted. */
  static createOrShow(ctx: PlaygroundCtx, seed?: PlaygroundSeed): Promise<void> {
    if (!PlaygroundPanel.current) {
      const panel = vscode.window.createWebviewPanel(
        PlaygroundPanel.viewType,
        PlaygroundPanel.title,
        vscode.ViewColumn.Beside,
        getWebviewOptions(ctx.extension.extensionUri),
      );
      PlaygroundPanel.current = new PlaygroundPanel(ctx, panel);
    }
    const current = PlaygroundPanel.current;
    current.panel.reveal(undefined, false);
    if (seed) current.send(() => current.endpoint.notify(ApplySeed, seed));
    return current.whenReady();
  }

  /** Restores a panel after a reload; the webview brings its own state back through getState(). */
  static revive(ctx: PlaygroundCtx, panel: vscode.WebviewPanel): void {
    PlaygroundPanel.current?.dispose();
    panel.webview.options = getWebviewOptions(ctx.extension.extensionUri);
    PlaygroundPanel.current = new PlaygroundPanel(ctx, panel);
  }

  private constructor(
    private readonly ctx: PlaygroundCtx,
    readonly panel: vscode.WebviewPanel,
  ) {
    const { log } = ctx;
    this.texts = textStorage(ctx);
    this.endpoint = new Endpoint({
      post: (message) => void panel.webview.postMessage(message),
      report: (problem) => log.warn(`playground: ${problem}`),
      schedule: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    });
    this.registerHandlers();
    panel.title = PlaygroundPanel.title;
    panel.iconPath = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'playground.svg');
    panel.webview.html = webviewHtml(panel.webview, ctx.extension.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.endpoint.receive(m)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it says ready again when shown.
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /**
   * Shows where the inputs came from above them (null hides it) while they still hold the texts `seed` sent:
   * an edit of one of them makes the label untrue, and it goes.
   */
  showSource(source: DataSource | null, seed: PlaygroundSeed = {}): void {
    this.source = source;
    this.sourceTexts = TEXT_FIELDS.filter((f) => seed[f] !== undefined).map((field) => ({
      field,
      text: seed[field]!,
    }));
    if (this.ready) this.endpoint.notify(ShowSource, { source });
  }

  /** A stored text is compared by its hash (only a debugger's value over 200,000 characters is one). */
  private async keepSourceWhileTextsAre(state: SavedState): Promise<void> {
    if (!this.source) return;
    for (const source of this.sourceTexts) {
      const { field, text } = source;
      const ref = state.storedTexts[field];
      const same = ref
        ? ref.length === text.length && ref.hash === (await hashOf(source))
        : state[field] === text;
      if (!same && this.source) return this.showSource(null);
    }
  }

  /** What the page shows now (for integration tests). */
  async snapshot(): Promise<Snapshot> {
    await this.whenReady();
    return this.endpoint.request(GetSnapshot, {});
  }

  dispose(): void {
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    this.endpoint.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private registerHandlers(): void {
    const { extension, log } = this.ctx;
    this.endpoint.onNotification(WebviewReady, ({ hasState }) => this.onReady(hasState));
    this.endpoint.onNotification(StateChanged, (state) => {
      void this.keepSourceWhileTextsAre(state);
      void extension.workspaceState.update(SAVED_STATE_KEY, state);
    });
    this.endpoint.onNotification(StoreTextPart, (part) => this.texts.receive(part));
    this.endpoint.onRequest(StoreText, ({ length, keep }) => {
      const saved = Object.values(storedTextsOf(extension.workspaceState.get(SAVED_STATE_KEY)));
      return this.texts.store({ length, keep: [...keep, ...saved.map((ref) => ref.hash)] });
    });
    this.endpoint.onRequest(LoadText, (ref) =>
      this.texts.load(ref, (part) => this.endpoint.notify(SendStoredTextPart, part)),
    );
    this.endpoint.onNotification(WebviewProblem, ({ message }) => log.warn(`playground webview: ${message}`));
    this.endpoint.onNotification(RefreshSource, () => PlaygroundPanel.refreshRequests.fire());
    this.endpoint.onRequest(SaveFile, (params) => saveFile(params));
    this.endpoint.onRequest(CopyText, async ({ text }) => {
      await vscode.env.clipboard.writeText(text);
      return { saved: true };
    });
  }

  private onReady(hasState: boolean): void {
    const raw: unknown = hasState ? undefined : this.ctx.extension.workspaceState.get(SAVED_STATE_KEY);
    const saved = restorable(raw);
    if (saved) this.endpoint.notify(RestoreState, { ...saved, storedTexts: storedTextsOf(raw) });
    if (this.source) this.endpoint.notify(ShowSource, { source: this.source });
    this.ready = true;
    for (const post of this.outbox.splice(0)) post();
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private send(post: () => void): void {
    if (this.ready) post();
    else this.outbox.push(post);
  }

  private whenReady(): Promise<void> {
    return this.ready && this.outbox.length === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
}

/** A source text's SHA-256, worked out on first use and kept with it. */
function hashOf(source: { text: string; hash?: Promise<string> }): Promise<string> {
  source.hash ??= platform.sha256(source.text);
  return source.hash;
}
