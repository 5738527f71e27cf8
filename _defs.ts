import { readFileSync } from 'node:fs';
import { analyzePython } from './src/core/analysis';
for (const f of process.argv.slice(2)) for (const x of analyzePython(readFileSync(f, 'utf8'))) if (x.details?.lossKind === 'custom' && !x.details.definedAt) console.log(f.split('/').pop(), x.line, x.symbol, x.convention, x.epsilon, x.epsilonParam, '|', x.torchEquivalent);
