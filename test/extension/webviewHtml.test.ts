/** The playground page's content security policy: nothing but what the page and its worker need. */
import * as assert from 'node:assert/strict';
import { installFakeVscode } from './support/fakeVscode';

installFakeVscode();
const { webviewHtml }: typeof import('../../src/extension/playground/webviewHtml') =
  require('../../src/extension/playground/webviewHtml');

/** The page's policy as directive → sources, and the nonce of its one script tag. */
function pageOf(html: string): { policy: Map<string, string[]>; scriptNonces: string[] } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(csp, 'the page has a CSP meta tag');
  const policy = new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
  const scriptNonces = [...html.matchAll(/<script([^>]*)>/g)].map(
    (m) => /nonce="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
  );
  return { policy, scriptNonces };
}

describe('playground page: content security policy', () => {
  const webview = { cspSource: 'vscode-resource:', asWebviewUri: (uri: unknown) => uri };
  const { policy, scriptNonces } = pageOf(webviewHtml(webview as never, {} as never));

  it("denies by default and runs scripts only by nonce, the one script tag's", () => {
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    const script = policy.get('script-src') ?? [];
    const nonces = script.filter((s) => s.startsWith("'nonce-"));
    assert.equal(nonces.length, 1);
    assert.deepEqual(scriptNonces, [nonces[0]!.slice("'nonce-".length, -1)]);
  });

  it("adds only 'wasm-unsafe-eval' to scripts (the worker's WebAssembly kernel): no eval, no inline scripts", () => {
    const script = policy.get('script-src') ?? [];
    assert.deepEqual(
      script.filter((s) => !s.startsWith("'nonce-")),
      ["'wasm-unsafe-eval'"],
    );
    assert.deepEqual(policy.get('worker-src'), ['blob:']);
  });
});
