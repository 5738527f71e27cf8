import { readFileSync } from 'node:fs';
import { analyzePython } from '../core/analysis';
import { parseArgs, USAGE } from './args';
import { type FileReport, jsonReport, textReport } from './report';

/** Runs the CLI; returns the exit code (0 ok, 1 pitfalls with --fail-on pitfall, 2 usage or unreadable files). */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (args.command === 'error') {
    err(`loss-lens: ${args.message}\n${USAGE}`);
    return 2;
  }
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.files) {
    try {
      reports.push({ file, findings: analyzePython(readFileSync(file, 'utf8')) });
    } catch (e) {
      unreadable = true;
      err(`loss-lens: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  out(args.json ? jsonReport(reports) : textReport(reports));
  if (unreadable) return 2;
  const pitfalls = reports.some((r) => r.findings.some((f) => f.kind === 'pitfall'));
  return args.failOnPitfall && pitfalls ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
