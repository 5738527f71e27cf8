// Bundles each test/integration/**/*.test.ts (and the mocha entry index.ts) to out/test/integration/*.js.
// `vscode` and `mocha` stay external: the extension host provides `vscode`, `mocha` resolves from node_modules.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { OUT_INTEGRATION, REPO } from './paths.mjs';

const SRC = join(REPO, 'test', 'integration');

function entries(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return entries(path);
    return e.name.endsWith('.test.ts') || path === join(SRC, 'index.ts') ? [path] : [];
  });
}

export async function buildIntegrationTests() {
  const entryPoints = entries(SRC);
  await esbuild.build({
    entryPoints,
    outdir: OUT_INTEGRATION,
    outbase: SRC,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return entryPoints.map((p) => relative(SRC, p));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await buildIntegrationTests();
  console.log(`bundled ${files.length} files to ${OUT_INTEGRATION}`);
}
