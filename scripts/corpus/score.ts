// `npm run corpus [-- --verbose] [-- --set positive]`: recall per convention on each part of the labelled corpus
// (the parts tuned to apart from the held-out ones), false smoothing claims on files without smoothing, and the
// share of meaning-preserving rewrites that keep their original's convention.
import { relative } from 'node:path';
import { analyzePython } from '../../src/core/analysis';
import { type CorpusScore, type DefinitionOutcome, loadCorpus, scoreCorpus } from '../../test/support/corpus';

const verbose = process.argv.includes('--verbose');
const setFlag = process.argv.indexOf('--set');
const onlySet = setFlag >= 0 ? process.argv[setFlag + 1] : undefined;

function ratio(right: number, total: number): string {
  return total === 0 ? '  —' : `${right}/${total} (${((100 * right) / total).toFixed(1)}%)`;
}

function group(
  outcomes: DefinitionOutcome[],
  key: (o: DefinitionOutcome) => string,
): Map<string, DefinitionOutcome[]> {
  const groups = new Map<string, DefinitionOutcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return groups;
}

function printPart(name: string, outcomes: DefinitionOutcome[]): void {
  const right = outcomes.filter((o) => o.right).length;
  console.log(`\n${name}: ${ratio(right, outcomes.length)} definitions with the right convention`);
  for (const [conv, os] of [...group(outcomes, (o) => o.definition.convention)].sort()) {
    console.log(`  ${conv.padEnd(20)} ${ratio(os.filter((o) => o.right).length, os.length)}`);
  }
  if (!verbose) return;
  for (const o of outcomes.filter((x) => !x.right)) {
    const where = `${relative(process.cwd(), o.file.path)}:${o.definition.line}`;
    console.log(`    ✗ ${where} ${o.definition.symbol}: want ${o.definition.convention}, got ${o.got}`);
  }
}

function print(score: CorpusScore): void {
  const parts = group(score.outcomes, (o) => `${o.file.set} (${o.file.split})`);
  for (const [name, outcomes] of [...parts].sort()) printPart(name, outcomes);
  const negatives = new Set(score.outcomes.filter((o) => o.file.set === 'negative').map((o) => o.file.path));
  const bySplit = group(
    score.falseClaims.map((c) => ({
      file: c.file,
      definition: { symbol: '', line: 0, convention: 'none' },
      got: null,
      right: false,
    })),
    (o) => o.file.split,
  );
  console.log(`\nfalse smoothing claims on files without smoothing (${negatives.size} files with labels):`);
  for (const split of ['tune', 'holdout'])
    console.log(`  ${split.padEnd(8)} ${bySplit.get(split)?.length ?? 0}`);
  for (const c of verbose ? score.falseClaims : []) {
    const f = c.finding;
    console.log(`    ✗ ${relative(process.cwd(), c.file.path)}:${f.line} ${f.symbol}: ${f.convention}`);
  }
}

const files = loadCorpus().filter((f) => !onlySet || f.set === onlySet);
print(scoreCorpus(files, analyzePython));
