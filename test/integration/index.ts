// Entry the extension host calls (extensionTestsPath): runs every bundled *.test.js beside it with mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** The harness (scripts/vscode-server/session.mjs) waits for this line to know the tests started. */
const STARTED_MARKER = '[loss-lens:tests-started]';
/** The harness shows lines with this prefix and files the workbench's own console output away. */
const OUTPUT_PREFIX = '[loss-lens] ';

/** Mocha's reporters print through Base.consoleLog; give each line the harness's prefix. */
function prefixReporterOutput(): void {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(`${OUTPUT_PREFIX}${line}`);
  };
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => f.endsWith('.test.js'))
    .sort();
}

export function run(): Promise<void> {
  prefixReporterOutput();
  console.log(
    `${OUTPUT_PREFIX}${STARTED_MARKER} VS Code ${vscode.version}, extension host Node ${process.version}`,
  );
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 30_000,
    slow: 2_000,
    grep: process.env.LOSS_LENS_TEST_GREP || undefined,
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve(),
    );
  });
}
