// Bundles the extension host (Node and web), the CLI, the webview and its worker with esbuild.
// usage: node scripts/build.mjs [--production] [--watch] [--outdir=DIR] (DIR instead of dist/)
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // Plain "✘ [ERROR]" lines under `--watch`: the watch task's problem matcher in .vscode/tasks.json reads them.
  ...(watch && { color: false }),
};

const PLATFORM_DIR = resolve('src/extension/platform');

/** The web extension host gets `src/extension/platform/web.ts` wherever the code imports `…/platform`. */
const webPlatform = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /(^|\/)platform$/ }, (args) =>
      resolve(args.resolveDir, args.path) === PLATFORM_DIR
        ? { path: join(PLATFORM_DIR, 'web.ts') }
        : undefined,
    );
  },
};

/** Fails the web build when anything but `vscode` stays an import, or a Node builtin was stubbed in. */
const onlyVscodeImports = {
  name: 'only-vscode-imports',
  setup(build) {
    build.onEnd(({ metafile }) => {
      if (!metafile) return;
      const imported = Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
      const stubbed = Object.keys(metafile.inputs).filter((p) => isBuiltin(p.replace(/^\(disabled\):/, '')));
      const banned = new Set([...imported.filter((p) => p !== 'vscode'), ...stubbed]);
      return {
        errors: [...banned].map((p) => ({ text: `the web extension bundle must not import "${p}"` })),
      };
    });
  },
};

const ENGINE = resolve('src/extension/incrementalAnalysis.ts');

/**
 * The desktop host requires the engine (`require('./incrementalAnalysis')` in `src/extension/engine.ts`) from its
 * own file on first use, so activation loads none of the parser and analysis; the web host cannot load files.
 */
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /\/incrementalAnalysis$/ }, (args) =>
      args.kind === 'require-call' && `${resolve(args.resolveDir, args.path)}.ts` === ENGINE
        ? { path: './analysis.js', external: true }
        : undefined,
    );
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: [engineApart],
  },
  {
    ...common,
    entryPoints: [ENGINE],
    outfile: 'dist/analysis.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    metafile: true,
    plugins: [webPlatform, onlyVscodeImports],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/webview/worker.ts'],
    outfile: 'dist/webview/worker.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (outdir) for (const t of targets) t.outfile = join(outdir, t.outfile.slice('dist/'.length));

/** One "started"/"finished" pair per rebuild of any target, the markers .vscode/tasks.json's watch task waits for. */
function watchMarkers() {
  let running = 0;
  return {
    name: 'watch-markers',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      build.onEnd(() => {
        if (--running === 0) console.log('[watch] build finished');
      });
    },
  };
}

if (watch) {
  const markers = watchMarkers();
  for (const t of targets) {
    t.plugins = [...(t.plugins ?? []), markers];
    await (await esbuild.context(t)).watch();
  }
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
