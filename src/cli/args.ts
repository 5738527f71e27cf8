import { SEVERITIES, type Severity } from '../core/analysis/results';

/** Command-line parsing for `loss-lens`; pure so it is easy to test. */
export interface ExplainArgs {
  command: 'explain';
  json: boolean;
  /** Exit with 1 on a pitfall of this severity or worse; null: never. */
  failOn: Severity | null;
  files: string[];
}

export type ParsedArgs = ExplainArgs | { command: 'help' } | { command: 'error'; message: string };

export const USAGE = `usage: loss-lens explain [--json] [--fail-on LEVEL] FILE...

Explains the classification losses and label smoothing in Python files.

  --json              print {"files":[{"file","findings":[...]}]} instead of a text report
  --fail-on LEVEL     exit with 1 when a pitfall of severity LEVEL or worse is found; LEVEL is
                      error, warning, information or hint (worst first), or pitfall (= warning)
  -h, --help          show this help

exit codes: 0 ok, 1 pitfalls found (with --fail-on), 2 bad arguments or unreadable files`;

/** `pitfall` predates severities; it keeps meaning what the editor shows as a warning or an error. */
function failLevel(value: string | undefined): Severity | null {
  if (value === 'pitfall') return 'warning';
  return SEVERITIES.find((s) => s === value) ?? null;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (options.includes('-h') || options.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] !== 'explain')
    return { command: 'error', message: argv[0] ? `unknown command: ${argv[0]}` : 'missing command' };
  const out: ExplainArgs = { command: 'explain', json: false, failOn: null, files: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      out.failOn = failLevel(value);
      if (!out.failOn)
        return {
          command: 'error',
          message: `--fail-on expects ${SEVERITIES.join(', ')} or pitfall, got ${value ?? 'nothing'}`,
        };
    } else if (a === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return { command: 'error', message: `unknown option: ${a}` };
    else out.files.push(a);
  }
  return out.files.length ? out : { command: 'error', message: 'no files given' };
}
