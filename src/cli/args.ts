/** Command-line parsing for `loss-lens`; pure so it is easy to test. */
export interface ExplainArgs {
  command: 'explain';
  json: boolean;
  failOnPitfall: boolean;
  files: string[];
}

export type ParsedArgs = ExplainArgs | { command: 'help' } | { command: 'error'; message: string };

export const USAGE = `usage: loss-lens explain [--json] [--fail-on pitfall] FILE...

Explains the classification losses and label smoothing in Python files.

  --json              print {"files":[{"file","findings":[...]}]} instead of a text report
  --fail-on pitfall   exit with 1 when any pitfall is found
  -h, --help          show this help

exit codes: 0 ok, 1 pitfalls found (with --fail-on pitfall), 2 bad arguments or unreadable files`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] !== 'explain')
    return { command: 'error', message: argv[0] ? `unknown command: ${argv[0]}` : 'missing command' };
  const out: ExplainArgs = { command: 'explain', json: false, failOnPitfall: false, files: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (value !== 'pitfall')
        return { command: 'error', message: `--fail-on expects "pitfall", got ${value ?? 'nothing'}` };
      out.failOnPitfall = true;
    } else if (a === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return { command: 'error', message: `unknown option: ${a}` };
    else out.files.push(a);
  }
  return out.files.length ? out : { command: 'error', message: 'no files given' };
}
