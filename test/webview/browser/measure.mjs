// Loads the built playground webview in headless Chromium under the panel's CSP, with a stand-in for the VS Code
// API, checks it end to end and measures the ε path. Not part of `npm test` (needs Chromium and a build):
//   npm run build && node test/webview/browser/measure.mjs [/usr/bin/chromium]
// Writes screenshots to test-artifacts/playground-{dark,light}.png. Options: --cpu-canvas (no GPU raster),
// --height=900 (viewport height: 1800 shows every plot at once; plots out of view are redrawn when scrolled in),
// --build=DIR (serve DIR's dist/ and media/ instead of this checkout's: another build, timed in the same sitting).
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(
  process.argv.find((a) => a.startsWith('--build='))?.slice(8) ?? resolve(import.meta.dirname, '../../..'),
);
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html' };

const THEMES = {
  dark: { class: 'vscode-dark', fg: '#cccccc', bg: '#1e1e1e', input: '#3c3c3c', border: '#454545' },
  light: { class: 'vscode-light', fg: '#3b3b3b', bg: '#ffffff', input: '#ffffff', border: '#cecece' },
};

function harness(origin, theme) {
  const nonce = 'bWVhc3VyZW5vbmNlMTIzNA==';
  const t = THEMES[theme];
  const csp = `default-src 'none'; script-src 'nonce-${nonce}' 'wasm-unsafe-eval'; style-src ${origin} 'nonce-${nonce}'; img-src ${origin} data:; font-src ${origin}; connect-src ${origin}; worker-src blob:`;
  const vars = `--vscode-foreground:${t.fg};--vscode-editor-foreground:${t.fg};--vscode-editor-background:${t.bg};--vscode-input-background:${t.input};--vscode-input-foreground:${t.fg};--vscode-dropdown-background:${t.input};--vscode-dropdown-foreground:${t.fg};--vscode-panel-border:${t.border};--vscode-descriptionForeground:${t.fg}b0;--vscode-errorForeground:#f14c4c;--vscode-focusBorder:#007fd4;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editor-font-family:monospace;--vscode-button-background:#0e639c;--vscode-button-foreground:#fff`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link href="${origin}/media/playground.css" rel="stylesheet"><style nonce="${nonce}">html{${vars}}</style>
<script nonce="${nonce}">
  window.__posted = []; window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let state = window.__initialState;
  window.__savedState = () => state;
  // What each setState and postMessage cost on this thread: [time, ms].
  window.__setStates = []; window.__posts = [];
  const timed = (log, run) => { const t = performance.now(); run(); log.push([t, performance.now() - t]); };
  // The host's stored texts (a build that stores long texts with the host), as their parts (joining them here would
  // be the stand-in's work on this thread, not the webview's): by hash, kept across a reload.
  window.__stored = new Map(Object.entries(window.__initialStored ?? {}));
  let parts = [];
  const reply = (m) => setTimeout(() => window.postMessage(m, '*'), 0);
  const standInHost = (m) => {
    if (m.method === 'playground/storeTextPart') parts = m.params.append ? [...parts, m.params.text] : [m.params.text];
    if (m.method === 'playground/storeText') {
      const hash = (window.__stored.size + 1).toString(16).padStart(64, '0');
      window.__stored.set(hash, parts);
      reply({ id: m.id, result: { ref: { hash, length: m.params.length }, problem: '' } });
    }
    if (m.method === 'playground/loadText') {
      const stored = window.__stored.get(m.params.hash) ?? [];
      for (const [i, text] of stored.entries())
        reply({ method: 'playground/storedTextPart', params: { hash: m.params.hash, text, append: i > 0 } });
      reply({ id: m.id, result: { loaded: stored.length > 0, problem: stored.length ? '' : 'gone' } });
    }
  };
  // As VS Code's webview does: setState serialises the state, postMessage clones the message.
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => {
      timed(window.__posts, () => window.__posted.push(structuredClone(m)));
      standInHost(window.__posted.at(-1));
    },
    getState: () => state,
    setState: (s) => timed(window.__setStates, () => { state = s; JSON.stringify(s); }),
  });
</script></head>
<body class="${t.class}"><main id="app" data-worker-src="${origin}/dist/webview/worker.js"></main>
<script nonce="${nonce}" src="${origin}/dist/webview/main.js"></script></body></html>`;
}

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const origin = `http://127.0.0.1:${server.address().port}`;
    if (url.pathname === '/harness.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(harness(origin, url.searchParams.get('theme') ?? 'dark'));
    }
    try {
      const body = readFileSync(join(root, url.pathname));
      res.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.trim());
const waitText = (page, sel, expected) =>
  page.waitForFunction(([s, e]) => document.querySelector(s)?.textContent.trim() === e, [sel, expected], {
    timeout: 20_000,
  });

/** Moves ε `steps` times like a slider drag; per step, the time from the input event until the redraw in the next
 * frame has run (the playground redraws in its own requestAnimationFrame callback, queued before ours); long tasks. */
async function drag(page, steps) {
  return page.evaluate(async (n) => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) =>
      longTasks.push(...list.getEntries().map((e) => e.duration)),
    );
    observer.observe({ type: 'longtask', buffered: false });
    const slider = document.getElementById('epsilon-slider');
    const times = [];
    for (let i = 0; i < n; i++) {
      slider.value = String(0.05 + (0.9 * i) / n);
      const t0 = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 500));
    observer.disconnect();
    const redraws = performance
      .getEntriesByName('lossLens:epsilon')
      .map((e) => e.duration)
      .sort((a, b) => a - b);
    const stats = (xs) => ({
      median: xs[Math.floor(xs.length / 2)],
      p95: xs[Math.floor(xs.length * 0.95)],
      max: xs.at(-1),
    });
    times.sort((a, b) => a - b);
    return { frame: stats(times), redraw: { ...stats(redraws), count: redraws.length }, longTasks };
  }, steps);
}

/**
 * Applies one input change in the page and times it on the UI thread's clock: until the headline first shows a
 * value (the loss), until the busy ring hides (every plot drawn), the headline texts seen on the way (a stale
 * input's value must never show), the long tasks (> 50 ms) on the UI thread from the change until 300 ms after, and
 * how many elements are still dimmed as stale then (none should be).
 * `change`: `{ select, value, loss? }` picks an option (after the loss, when given) or `{ textarea, textIn }` pastes
 * the text held in that window property: by setting the area's value and an `input` event, or with `clipboard`, by
 * a `paste` event carrying it (the event a person's paste fires; the text reaches the area only through a handler).
 */
function timeToPlots(page, change) {
  return page.evaluate(async (c) => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
    const value = document.getElementById('loss-value');
    const busy = document.getElementById('busy');
    const pick = (id, v) => {
      const select = document.getElementById(id);
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    if (c.loss) {
      pick('loss-select', c.loss);
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => {
        const wait = () => (busy.hidden ? r() : setTimeout(wait, 20));
        wait();
      });
    }
    const texts = [];
    const t0 = performance.now();
    const timings = await new Promise((resolve) => {
      let loss;
      const check = () => {
        const now = performance.now() - t0;
        if (texts.at(-1) !== value.textContent) texts.push(value.textContent);
        if (loss === undefined && value.textContent !== '—') loss = now;
        if (loss !== undefined && busy.hidden) resolve({ loss, plots: now });
      };
      const watch = new MutationObserver(check);
      watch.observe(document.querySelector('.headline'), {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      if (c.select) pick(c.select, c.value);
      else if (c.clipboard) {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', window[c.textIn]);
        const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
        document.getElementById(c.textarea).dispatchEvent(paste);
      } else {
        const area = document.getElementById(c.textarea);
        area.value = window[c.textIn];
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
      check();
    });
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    const during = longTasks.filter((e) => e.startTime >= t0 - 1).map((e) => Math.round(e.duration));
    const dimmed = document.querySelectorAll('.stale').length;
    const since = (log) => log.filter(([t]) => t >= t0 - 1).map(([, ms]) => Math.round(ms * 10) / 10);
    const posts = since(window.__posts).filter((ms) => ms >= 1);
    return { ...timings, texts, longTasks: during, dimmed, setStates: since(window.__setStates), posts };
  }, change);
}

/** Pastes class indices, then 4096×1000 logits as a nested list (2 decimals, ~25 MB, built in the page), and
 * times the logits. */
async function pasteLogits(page) {
  const size = await page.evaluate(() => {
    const targets = document.getElementById('targets-input');
    targets.value = `[${Array.from({ length: 4096 }, (_, r) => (r * 7919) % 1000).join(', ')}]`;
    targets.dispatchEvent(new Event('input', { bubbles: true }));
    const value = (i) => (((i * 2654435761) % 6000) / 1000 - 3).toFixed(2);
    const row = (r) => `[${Array.from({ length: 1000 }, (_, c) => value(r * 1000 + c)).join(',')}]`;
    window.__logitsText = `[${Array.from({ length: 4096 }, (_, r) => row(r)).join(',\n')}]`;
    return window.__logitsText.length;
  });
  console.log(`(pasting ${(size / 1e6).toFixed(1)} MB of text)`);
  return timeToPlots(page, { textarea: 'logits-input', textIn: '__logitsText' });
}

/** Opens the playground again with the state the page saved (a hidden webview shown again, a reload). */
async function reloadWithState(browser, origin, page) {
  const state = await page.evaluate(() => window.__savedState());
  const stored = await page.evaluate(() => Object.fromEntries(window.__stored));
  const before = await text(page, '#loss-value');
  const again = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await again.addInitScript(
    ([s, texts]) => {
      window.__initialState = s;
      window.__initialStored = texts;
    },
    [state, stored],
  );
  await again.goto(`${origin}/harness.html?theme=dark`);
  await waitText(again, '#loss-value', before);
  const area = await again.$eval('#logits-input', (el) => ({
    length: el.value.length,
    hint: el.placeholder,
  }));
  const length = state.storedTexts?.logitsText?.length ?? state.logitsText.length;
  const kept = await again.evaluate((n) => {
    const saved = window.__savedState();
    const ref = saved?.storedTexts?.logitsText;
    return (ref ? window.__stored.get(ref.hash).join('') : saved?.logitsText)?.length === n;
  }, length);
  console.log(`saved state ${JSON.stringify(state).length.toLocaleString('en-US')} characters`);
  console.log(
    `after a reload with the saved state: headline ${await text(again, '#loss-value')}, text kept ${kept}, ` +
      `area holds ${area.length} characters, placeholder "${area.hint.slice(0, 60)}…"`,
  );
  await again.close();
}

function report(label, t) {
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(
    `${label}: loss value shown ${ms(t.loss)}, all plots ${ms(t.plots)}; headline ${JSON.stringify(t.texts)}; UI long tasks > 50 ms ${JSON.stringify(t.longTasks)}; still dimmed after: ${t.dimmed}; setState ms ${JSON.stringify(t.setStates)}; postMessage ≥ 1 ms ${JSON.stringify(t.posts)}`,
  );
}

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.argv.slice(2).find((a) => a.startsWith('/')) ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--no-proxy-server',
      ...(process.argv.includes('--cpu-canvas') ? ['--disable-accelerated-2d-canvas', '--disable-gpu'] : []),
    ],
  });
  const height = Number(process.argv.find((a) => a.startsWith('--height='))?.slice(9) ?? 1800);
  const page = await browser.newPage({ viewport: { width: 1300, height } });
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(`pageerror ${e.message}`));
  await page.goto(`${origin}/harness.html?theme=dark`);
  await waitText(page, '#loss-value', '1.4670');
  console.log('seed 000 headline:', await text(page, '#loss-value'), await text(page, '#loss-full'));
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-artifacts/playground-dark.png'), fullPage: true });

  await page.fill('#epsilon-input', '0.3');
  await page.waitForFunction(() =>
    document.getElementById('loss-note').textContent.startsWith('torch-exact'),
  );
  console.log('ε = 0.3:', await text(page, '#loss-value'));
  await page.selectOption('#convention-select', 'k_minus_1');
  await page.waitForFunction(() => document.getElementById('loss-value').textContent !== '—');
  console.log('K−1 at ε = 0.3:', await text(page, '#loss-value'));
  await page.fill('#logits-input', '[[0, 1, 2],\n [3, x, 5]]');
  await page.waitForFunction(() => document.getElementById('error-logits').textContent.length > 0);
  console.log(
    'error shown:',
    await text(page, '#error-logits'),
    '| headline',
    await text(page, '#loss-value'),
  );

  const changes = [
    ['stress sample (random 4096×1000 logits, CE uniform)', { select: 'sample-select', value: 'stress' }],
    ['KL batchmean on them', { select: 'reduction-select', value: 'batchmean', loss: 'kl_div' }],
    [
      'BCE with logits on them (the general path)',
      { select: 'loss-select', value: 'binary_cross_entropy_with_logits' },
    ],
    ['CE again', { select: 'loss-select', value: 'cross_entropy' }],
  ];
  for (const [label, change] of changes) report(label, await timeToPlots(page, change));
  const stats = await drag(page, 60);
  const ms = (s) =>
    `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;
  console.log(
    `ε step at 4096×1000, redraw JS (plots in view + headline): ${ms(stats.redraw)} over ${stats.redraw.count} steps`,
  );
  console.log(`ε step at 4096×1000, input event → next frame: ${ms(stats.frame)}`);
  console.log(
    `long tasks > 50 ms during the drag: ${JSON.stringify(stats.longTasks.map((d) => Math.round(d)))}`,
  );
  // Last: a 22 MB text in the text area slows every later frame (the browser's own layout of it).
  report('pasted 4096×1000 logits text (parse in the worker)', await pasteLogits(page));
  console.log(`headline after the paste: ${await text(page, '#loss-value')}`);
  await page.evaluate(() => {
    window.__pastedText = ` ${window.__logitsText}`;
  });
  const pasted = await timeToPlots(page, {
    textarea: 'logits-input',
    textIn: '__pastedText',
    clipboard: true,
  });
  const taken = await page.evaluate(() =>
    document
      .getElementById('logits-input')
      .placeholder.includes(`(${window.__pastedText.length.toLocaleString('en-US')} characters)`),
  );
  if (taken) report('the same text again by a paste event (what Ctrl+V fires)', pasted);
  else console.log('paste event: not taken (this build reads pastes only from the text area)');
  const heavy = await drag(page, 30);
  console.log(
    `ε drag with the 22.5 MB text in the state: redraw JS ${ms(heavy.redraw)}; long tasks > 50 ms ${JSON.stringify(heavy.longTasks.map((d) => Math.round(d)))}`,
  );
  for (const [label, change] of [
    ['K−1 with the 22.5 MB text in the state', { select: 'convention-select', value: 'k_minus_1' }],
    ['sum with the 22.5 MB text in the state', { select: 'reduction-select', value: 'sum' }],
    ['mean with the 22.5 MB text in the state', { select: 'reduction-select', value: 'mean' }],
  ])
    report(label, await timeToPlots(page, change));
  await reloadWithState(browser, origin, page);

  const violations = await page.evaluate(() => window.__violations);
  const posted = await page.evaluate(() => window.__posted.map((m) => m.method ?? `reply ${m.id}`));
  console.log('CSP violations:', JSON.stringify(violations));
  const problems = await page.evaluate(() => window.__posted.filter((m) => m.method === 'webview/problem'));
  console.log('problems reported to the host:', JSON.stringify(problems));
  console.log('posted to host:', JSON.stringify([...new Set(posted)]));
  const painted = await page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => `${c.id}:${c.width}x${c.height}`),
  );
  console.log('canvases:', painted.join(' '));
  const light = await browser.newPage({ viewport: { width: 1300, height: 1800 } });
  await light.goto(`${origin}/harness.html?theme=light`);
  await waitText(light, '#loss-value', '1.4670');
  await light.screenshot({ path: join(root, 'test-artifacts/playground-light.png'), fullPage: true });
  if (logs.length) console.log('console:', logs.slice(0, 10).join('\n'));
  await browser.close();
  server.close();
}

/** `--serve`: only serve the harness (open http://127.0.0.1:<port>/harness.html by hand or with a debugger). */
async function serveOnly() {
  const server = await serve();
  console.log(`http://127.0.0.1:${server.address().port}/harness.html`);
}

(process.argv.includes('--serve') ? serveOnly() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
