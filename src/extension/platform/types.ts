/** What the extension host offers beyond the VS Code API; differs between Node and the browser. */
export interface Platform {
  /** True where processes can be started: the desktop and remote extension hosts, not the browser one. */
  readonly canSpawn: boolean;
  /** The interpreter tried when neither the setting nor the Python extension names one. */
  readonly defaultPython: string;
  /** 16 random bytes from a CSPRNG, base64: a webview's script nonce. */
  nonce(): string;
  /** SHA-256 of the text's UTF-8 bytes, 64 hex digits. */
  sha256(text: string): Promise<string>;
  /**
   * Runs `file` with `args`, no shell, in a fresh empty temporary directory, `stdin` as its input; resolves (never
   * rejects) with its output or why it failed. Stdout over `maxOutputBytes` fails the run; stderr only keeps its
   * last few thousand characters and fails nothing.
   */
  execFile(file: string, args: readonly string[], options: ExecOptions): Promise<ExecOutcome>;
}

export interface ExecOptions {
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly signal: AbortSignal;
  readonly stdin: string;
}

/** Why a run failed, in the terms of Node's errors (`code` ENOENT, `name` AbortError, `killed` on a timeout). */
export interface ExecFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string | number | null;
  readonly killed?: boolean;
}

export type ExecOutcome =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly failure: ExecFailure; readonly stderr: string };
