import { readFileSync } from 'node:fs';
import { analyzePython } from './src/core/analysis';
for (const x of analyzePython(readFileSync(process.argv[2], 'utf8'))) if (x.kind === 'pitfall') console.log(x.rule, x.line, x.column, x.endLine, x.endColumn, JSON.stringify(x.fix?.edits.map(e => [e.range.line, e.range.column, e.range.endColumn, e.newText])));
