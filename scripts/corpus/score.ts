// `npm run corpus [-- --verbose] [-- --set positive | --set "positive (tune)"]`: recall per convention on each part of the labelled corpus
// (the parts tuned to apart from the held-out ones), false smoothing claims on files without smoothing, and the
// share of meaning-preserving rewrites that keep their original's convention.
import { relative } from 'node:path';

import {
  analyzeAsTheCli,
  type CorpusScore,
  type DefinitionOutcome,
  type LabelledFile,
  loadCorpus,
  scoreCorpus,
} from '../../test/support/corpus';

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

function print(score: CorpusScore, files: LabelledFile[]): void {
  const parts = group(score.outcomes, (o) => `${o.file.set} (${o.file.split})`);
  for (const [name, outcomes] of [...parts].sort()) printPart(name, outcomes);
  console.log('\nfalse smoothing claims on files without label smoothing:');
  const negatives = files.filter((f) => f.negative);
  for (const part of [...new Set(negatives.map((f) => `${f.set} (${f.split})`))].sort()) {
    const inPart = (f: LabelledFile) => `${f.set} (${f.split})` === part;
    const claims = score.falseClaims.filter((c) => inPart(c.file));
    console.log(`  ${part.padEnd(20)} ${claims.length} in ${negatives.filter(inPart).length} files`);
    for (const c of verbose ? claims : []) {
      const f = c.finding;
      console.log(`    ✗ ${relative(process.cwd(), c.file.path)}:${f.line} ${f.symbol}: ${f.convention}`);
    }
  }
}

const inSet = (f: LabelledFile) => !onlySet || f.set === onlySet || `${f.set} (${f.split})` === onlySet;
const files = loadCorpus().filter(inSet);
print(scoreCorpus(files, analyzeAsTheCli()), files);
