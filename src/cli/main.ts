import { AnalysisSession, atLeast, type Finding, ruleOf, type Severity } from '../core/analysis';
import { parseArgs, USAGE } from './args';
import { ModuleIndex } from './imports';
import { type FileReport, jsonReport, textReport } from './report';
import { readSource } from './sourceFile';

/** Runs the CLI; returns the exit code: 0 ok, 1 pitfalls at --fail-on or worse, 2 usage or unreadable files. */
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
  /** One session per run: files that share code (copied helpers, the same imports) share its analyses. */
  const session = new AnalysisSession();
  const modules = new ModuleIndex(args.files);
  for (const file of args.files) {
    try {
      const text = readSource(file);
      reports.push({ file, findings: session.analyzePython(text, modules.sourceFor(file)) });
    } catch (e) {
      unreadable = true;
      err(`loss-lens: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  session.dispose();
  out(args.json ? jsonReport(reports) : textReport(reports));
  if (unreadable) return 2;
  const { failOn } = args;
  return failOn && reports.some((r) => r.findings.some((f) => fails(f, failOn))) ? 1 : 0;
}

function fails(finding: Finding, threshold: Severity): boolean {
  const rule = ruleOf(finding);
  return rule !== null && atLeast(rule.severity, threshold);
}

/** A reader that stops early (`loss-lens explain --json big.py | head`) is no error: exit with the run's code. */
function exitQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
}

if (require.main === module) {
  process.stdout.on('error', exitQuietlyOnClosedPipe);
  process.stderr.on('error', exitQuietlyOnClosedPipe);
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
