import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, type Finding } from '../../src/core/analysis';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'python');

export function analyzeFixture(name: string): Finding[] {
  return analyzePython(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** The finding for a class or function definition starting at `line`. */
export function definitionAt(findings: Finding[], line: number): Finding {
  const f = findings.find(
    (x) => x.line === line && x.kind === 'loss' && x.details?.lossKind === 'custom' && !x.details.definedAt,
  );
  if (!f)
    throw new Error(
      `no definition finding at line ${line}: ${JSON.stringify(findings.map((x) => [x.line, x.symbol]))}`,
    );
  return f;
}

/** The finding of the class or function `symbol` (not a construction of it) in `head` followed by `source`. */
export function definitionIn(head: string[], source: string[], symbol: string): Finding | undefined {
  return analyzePython([...head, ...source].join('\n')).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && !f.details?.definedAt,
  );
}

export function pitfalls(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.kind === 'pitfall' && f.rule === rule);
}
