// What `npm run package` puts in the .vsix: everything the manifest points at, and nothing else of size.
import * as assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import * as yauzl from 'yauzl';

const REPO = join(__dirname, '..', '..');
const VSIX = join(REPO, 'loss-lens.vsix');
/** Files not named below must stay smaller than this (no source maps, tests, sources or node_modules). */
const SMALL_BYTES = 16 * 1024;
/** vsce renames them so; it also rewrites README's relative image links to the repository's. */
const DOCS = ['readme.md', 'changelog.md', 'LICENSE.txt'];

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  contributes: { walkthroughs?: { steps: { media: Record<string, string> }[] }[] };
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

/** Each entry's name and uncompressed size; the text of `wanted` entries. */
async function readVsix(file: string, wanted: string[]) {
  const zip = await openZip(file, { lazyEntries: true });
  const sizes = new Map<string, number>();
  const texts = new Map<string, string>();
  const openStream = promisify(zip.openReadStream.bind(zip));
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', async (e: yauzl.Entry) => {
      sizes.set(e.fileName, e.uncompressedSize);
      if (wanted.includes(e.fileName)) {
        const chunks: Buffer[] = [];
        for await (const chunk of await openStream(e)) chunks.push(chunk as Buffer);
        texts.set(e.fileName, Buffer.concat(chunks).toString('utf8'));
      }
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { sizes, texts };
}

/** The files a bundle requires by a relative path (`dist/analysis.js`, loaded on first use), as packaged paths. */
function requiredFiles(bundlePath: string, text: string): string[] {
  const dir = posix.dirname(bundlePath);
  return [...text.matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => posix.join(dir, m[1] ?? ''));
}

/** Every file the manifest names: entry points, icon, walkthrough media. */
function manifestFiles(manifest: Manifest): string[] {
  const media = (manifest.contributes.walkthroughs ?? []).flatMap((w) =>
    w.steps.flatMap((s) => Object.values(s.media).filter((v) => /\.(md|png|svg)$/.test(v))),
  );
  return [manifest.main, manifest.browser, manifest.icon, ...media].map((p) => p.replace(/^\.\//, ''));
}

describe('the .vsix built by `npm run package`', () => {
  let files: Map<string, number>;
  let texts: Map<string, string>;
  let manifest: Manifest;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` (or \`npm run test:package\`)`);
    ({ sizes: files, texts } = await readVsix(VSIX, [
      'extension/package.json',
      'extension/dist/extension.js',
    ]));
    manifest = JSON.parse(texts.get('extension/package.json') ?? '{}');
  });

  after(() => {
    if (files)
      console.log(`      ${VSIX}: ${(statSync(VSIX).size / 1024).toFixed(1)} KB, ${files.size} entries`);
  });

  const packaged = (path: string) => `extension/${path}`;

  it('holds main, browser, the icon and every walkthrough file the manifest names', () => {
    for (const path of manifestFiles(manifest)) assert.ok(files.has(packaged(path)), `${path} is missing`);
  });

  it('holds every file dist/extension.js requires (the engine it loads on first use)', () => {
    const required = requiredFiles('dist/extension.js', texts.get(packaged('dist/extension.js')) ?? '');
    assert.ok(required.includes('dist/analysis.js'), `dist/extension.js requires ${required.join(', ')}`);
    for (const path of required) assert.ok(files.has(packaged(path)), `${path} is missing`);
  });

  it('holds the webview bundle, its worker, the media it loads and the walkthrough sample', () => {
    const loaded = ['dist/webview/main.js', 'dist/webview/worker.js', 'media/playground.css'];
    for (const path of [...loaded, 'media/playground.svg', 'media/walkthrough/sample_loss.py']) {
      assert.ok(files.has(packaged(path)), `${path} is missing`);
    }
  });

  it('holds README, CHANGELOG and LICENSE', () => {
    for (const path of DOCS) {
      assert.ok(files.has(packaged(path)), `${path} is missing`);
    }
  });

  it('holds the production build: minified, no source maps', () => {
    assert.deepEqual(
      [...files.keys()].filter((f) => f.endsWith('.map')),
      [],
    );
    const main = texts.get('extension/dist/extension.js') ?? '';
    assert.doesNotMatch(main, /sourceMappingURL/);
    assert.ok(main.split('\n').length < 1000, 'dist/extension.js is minified');
  });

  it('holds nothing else large', () => {
    const expected = new Set([
      ...manifestFiles(manifest).map(packaged),
      ...requiredFiles('dist/extension.js', texts.get(packaged('dist/extension.js')) ?? '').map(packaged),
      packaged('dist/webview/main.js'),
      packaged('dist/webview/worker.js'),
      ...DOCS.map(packaged),
    ]);
    const large = [...files].filter(([name, size]) => !expected.has(name) && size > SMALL_BYTES);
    assert.deepEqual(large, []);
    assert.ok(!/\/(src|test|node_modules|sample-workspace)\//.test([...files.keys()].join('\n')));
  });
});
