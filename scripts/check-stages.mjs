// Lint: each stage folder of src/core/analysis is entered only through its index.ts. A file may import its own
// stage's files directly; every other file in src/ names the stage folder (or `core/analysis` itself).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const analysis = join(root, 'src', 'core', 'analysis');
const importPattern = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The stage folder a path lies in (`eval`, `bind`, …), '' for the analysis folder itself, null outside it. */
function stageOf(path) {
  const rel = relative(analysis, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : '';
}

const problems = [];
for (const file of files(join(root, 'src'))) {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const target = resolve(dirname(file), spec);
    const stage = stageOf(target);
    if (stage === null || existsSync(join(target, 'index.ts'))) continue;
    const isIndex = target.endsWith('/index');
    const fromSameStage = stageOf(file) === stage && stage !== '';
    const topLevelFromAnalysis = stage === '' && stageOf(file) !== null;
    if (!isIndex && !fromSameStage && !topLevelFromAnalysis)
      problems.push(
        `${relative(root, file)}: imports ${spec}; enter ${stage ? `analysis/${stage}` : 'core/analysis'} through its index`,
      );
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`stage imports: ${files(analysis).length} analysis files, every stage entered through its index`);
