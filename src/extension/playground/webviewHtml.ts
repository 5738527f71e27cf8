import * as vscode from 'vscode';
import { platform } from '../platform';

/** The page shell: strict CSP, one nonce'd script; the webview builds the rest and fetches its worker script. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = platform.nonce();
  const asset = (...path: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const src = webview.cspSource;
  const csp = [
    "default-src 'none'",
    // 'wasm-unsafe-eval' lets the worker (a blob: URL, under this policy) compile the core's WebAssembly kernel;
    // it allows no JS eval.
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    `style-src ${src}`,
    `img-src ${src} data:`,
    `font-src ${src}`,
    `connect-src ${src}`,
    'worker-src blob:',
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${asset('media', 'playground.css')}" rel="stylesheet">
  <title>Loss Lens Playground</title>
</head>
<body>
  <main id="app" data-worker-src="${asset('dist', 'webview', 'worker.js')}"></main>
  <script nonce="${nonce}" src="${asset('dist', 'webview', 'main.js')}"></script>
</body>
</html>`;
}
