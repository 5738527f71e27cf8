import { readFileSync } from 'node:fs';
import { analyzePython } from './src/core/analysis';
for (const f of process.argv.slice(2)) {
  console.log('==', f);
  for (const x of analyzePython(readFileSync(f, 'utf8'))) console.log(x.line, x.kind, x.symbol, x.convention, x.epsilon, x.epsilonParam, x.rule ?? '', '|', x.torchEquivalent, '|', x.message.slice(0, 150));
}
