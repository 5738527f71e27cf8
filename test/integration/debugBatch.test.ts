// "Send to Playground" against a real Python debugger: the test-only extension test/fixtures/debugpy-extension
// serves the `loss-lens-test-debugpy` type with Debian's `python3 -m debugpy.adapter`; a script builds torch
// tensors, prints its loss and stops at a breakpoint; the playground must show the same loss.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MAX_SENT_ELEMENTS } from '../../src/core/debugBatch';
import { pythonWith } from '../support/torchPython';
import { snapshotWhen } from './support/playground';
import { activateExtension, sampleUri, waitFor } from './support/workspace';

const DEBUG_TYPE = 'loss-lens-test-debugpy';
const SCRIPT_NAME = 'debug_batch_train.py';
const SCRIPT = `import torch
import torch.nn as nn

torch.manual_seed(0)
weight = torch.tensor([1.0, 2.0, 0.5, 1.5, 1.0], dtype=torch.float64)
criterion = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.15, ignore_index=2)
half = torch.randn(4, 5).half()
big = torch.zeros(300_000, 4)
config = {'lr': 0.1, 'ls': 0.05, 'pad': 1}
tuned = nn.CrossEntropyLoss(label_smoothing=config['ls'], ignore_index=config['pad'], reduction='sum')
for step in range(2):
    logits = torch.randn(8, 5, dtype=torch.float64) * (step + 1)
    y = torch.randint(0, 5, (8,))
    loss = criterion(logits, y)
    tuned_loss = tuned(logits, y)
    print(f'LOSS {step} {loss.item()!r}', flush=True)
    print(f'TUNED {step} {tuned_loss.item()!r}', flush=True)
    paused = step
print('done', flush=True)
`;
const CALL_LINE = 13; // 0-based: `loss = criterion(logits, y)`
const TUNED_LINE = 14; // 0-based: `tuned_loss = tuned(logits, y)`
const BREAK_LINE = 17; // 0-based: `paused = step`

interface Sent {
  seed: {
    logitsText?: string;
    targetsText?: string;
    weightText?: string;
    epsilon?: number;
    ignoreIndex?: number;
  };
  source: { label: string; notes: string[]; refreshable: boolean };
}
type Result = Sent | { refused: string };

function sent(result: Result | undefined): Sent {
  assert.ok(result && 'seed' in result, `nothing was sent: ${JSON.stringify(result)}`);
  return result;
}

const send = (args?: unknown) =>
  vscode.commands.executeCommand<Result | undefined>('lossLens.sendDebugValueToPlayground', args);

/**
 * After a stop VS Code focuses the stopped frame and moves the cursor to its line; the tests put the cursor
 * on a call only after that (as a person clicks there after the stop).
 */
async function focusSettled(): Promise<void> {
  const debug = vscode.debug as { activeStackItem?: { frameId?: number } };
  await waitFor('the stopped frame in focus', () =>
    debug.activeStackItem?.frameId !== undefined ? true : undefined,
  );
  await new Promise((r) => setTimeout(r, 1000));
}

/** Printed with the harness's prefix so that the numbers appear in the run's output. */
function report(step: number, printed: number, playground: number | null): void {
  console.log(`[loss-lens]       step ${step}: script printed ${printed}, playground ${playground}`);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe('send to playground from a paused debugpy session', function () {
  this.timeout(180_000);
  const printed = new Map<number, number>();
  const printedTuned = new Map<number, number>();
  let stops = 0;
  const disposables: vscode.Disposable[] = [];
  let breakpoint: vscode.SourceBreakpoint | undefined;

  before(async function () {
    const python = pythonWith(['torch', 'debugpy']);
    if (!python) {
      console.log('      skipped: no python3 with torch and debugpy (Debian python3-torch, python3-debugpy)');
      this.skip();
    }
    assert.ok(
      vscode.extensions.getExtension('loss-lens.loss-lens-test-debugpy'),
      'the harness did not install test/fixtures/debugpy-extension',
    );
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const script = sampleUri(SCRIPT_NAME);
    await vscode.workspace.fs.writeFile(script, new TextEncoder().encode(SCRIPT));
    disposables.push(
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
        createDebugAdapterTracker: () => ({
          onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string } }) => {
            if (m.type !== 'event') return;
            if (m.event === 'stopped') stops++;
            for (const match of (m.body?.output ?? '').matchAll(/(LOSS|TUNED) (\d+) (\S+)/g))
              (match[1] === 'LOSS' ? printed : printedTuned).set(Number(match[2]), Number(match[3]));
          },
        }),
      }),
    );
    breakpoint = new vscode.SourceBreakpoint(new vscode.Location(script, new vscode.Position(BREAK_LINE, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
      type: DEBUG_TYPE,
      request: 'launch',
      name: 'Loss Lens debugpy test',
      program: script.fsPath,
      python,
      console: 'internalConsole',
      justMyCode: true,
    });
    assert.ok(started, 'the debug session did not start');
    await waitFor('the first stop', () => (stops >= 1 && printedTuned.has(0) ? true : undefined), 90_000);
    await focusSettled();
  });

  after(async () => {
    if (breakpoint) vscode.debug.removeBreakpoints([breakpoint]);
    await vscode.debug.stopDebugging();
    for (const d of disposables.splice(0)) d.dispose();
    // The suites after this one expect the playground's defaults for what the loss call set.
    await vscode.commands.executeCommand('lossLens.openPlayground', {
      weightText: '',
      ignoreIndex: -100,
      reduction: 'mean',
    });
    await snapshotWhen((s) => {
      const state = s.state as { ignoreIndex?: number; weightText?: string };
      return state.ignoreIndex === -100 && state.weightText === '';
    }, 'the defaults back');
    // The panel saves its state debounced (300 ms): let it, so that the next panel restores the defaults.
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function cursorOnTheCall(lineNumber: number, callee: string): Promise<void> {
    const editor = await vscode.window.showTextDocument(sampleUri(SCRIPT_NAME), { preview: false });
    const line = editor.document.lineAt(lineNumber).text;
    const at = new vscode.Position(lineNumber, line.indexOf(`${callee}(`) + 2);
    editor.selection = new vscode.Selection(at, at);
    await waitFor('the script in the active editor', () =>
      vscode.window.activeTextEditor?.document === editor.document &&
      vscode.window.activeTextEditor.selection.active.isEqual(at)
        ? true
        : undefined,
    );
  }
  const cursorOnTheLossCall = () => cursorOnTheCall(CALL_LINE, 'criterion');

  it('sends the loss call at the cursor (both arguments, weight, ε, ignore_index): the loss the script printed', async () => {
    await cursorOnTheLossCall();
    const result = sent(await send());
    assert.equal(
      result.source.label,
      `from \`logits\`, \`y\`, \`criterion.weight\` at ${SCRIPT_NAME}:${BREAK_LINE + 1}, paused`,
    );
    assert.equal(result.seed.epsilon, 0.15);
    assert.equal(result.seed.ignoreIndex, 2);
    assert.equal(result.seed.weightText, '[1.0,2.0,0.5,1.5,1.0]');
    const expected = printed.get(0)!;
    const s = await snapshotWhen(
      (x) => x.lossValue !== null && close(x.lossValue, expected),
      `the loss ${expected}`,
    );
    assert.deepEqual(s.errors, []);
    report(0, expected, s.lossValue);
  });

  it('reads the options the code does not fix (label_smoothing=config[...]) from the paused program', async () => {
    await cursorOnTheCall(TUNED_LINE, 'tuned');
    const result = sent(await send());
    assert.equal(result.seed.epsilon, 0.05);
    assert.equal(result.seed.ignoreIndex, 1);
    assert.equal(result.seed.weightText, '');
    assert.deepEqual(result.source.notes, [
      'label_smoothing = 0.05, read from `tuned.label_smoothing`',
      'ignore_index = 1, read from `tuned.ignore_index`',
    ]);
    const expected = printedTuned.get(0)!;
    const s = await snapshotWhen(
      (x) => x.lossValue !== null && close(x.lossValue, expected),
      `the loss ${expected}`,
    );
    report(0, expected, s.lossValue);
  });

  it('sends one value in a chosen role; widens float16 and says so', async () => {
    const result = sent(await send({ expression: 'half', role: 'logits' }));
    assert.match(result.source.notes.join('\n'), /`half` is float16: widened exactly to float64/);
    assert.equal(result.seed.logitsText?.split('],[').length, 4);
  });

  it('refuses a value that is not a tensor, and one the frame cannot evaluate, sending nothing', async () => {
    const before = await snapshotWhen(() => true, 'a snapshot');
    assert.deepEqual(await send({ expression: 'config', role: 'logits' }), {
      refused: '`config` is a builtins.dict, not a tensor, NumPy array or list of numbers.',
    });
    const missing = await send({ expression: 'no_such_name', role: 'targets' });
    assert.match(missing && 'refused' in missing ? missing.refused : '', /`no_such_name`: .*NameError/);
    const after = await snapshotWhen(() => true, 'a snapshot');
    assert.equal(after.state.logitsText, before.state.logitsText);
  });

  it('sends only the first N rows of a tensor above the limit, and says so', async () => {
    const result = sent(await send({ expression: 'big', role: 'logits', rows: 10 }));
    assert.ok(result.source.notes.includes('`big`: first 10 of 300000 rows'), result.source.notes.join('\n'));
    assert.equal(result.seed.logitsText?.split('],[').length, 10);
  });

  it('asks how many rows when a tensor is above the limit; the default, the most that fit, goes through', async () => {
    const maxRows = Math.floor(MAX_SENT_ELEMENTS / 4);
    const pending = send({ expression: 'big', role: 'logits' });
    // The input box offers the most rows that fit; accept it as a person pressing Enter would.
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = sent(await pending);
    assert.ok(
      result.source.notes.includes(`\`big\`: first ${maxRows} of 300000 rows`),
      result.source.notes.join('\n'),
    );
    const s = await snapshotWhen((x) => x.state.logitsText.length > 1_000_000, 'the big logits');
    assert.equal(s.state.logitsText.split('],[').length, maxRows);
  });

  it('refreshes the same expressions at the next breakpoint: the loss of the next step', async () => {
    await cursorOnTheLossCall();
    sent(await send());
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    await waitFor('the second stop', () => (stops >= 2 && printed.has(1) ? true : undefined), 60_000);
    await focusSettled();
    const expected = printed.get(1)!;
    assert.ok(!close(expected, printed.get(0)!), 'the two steps should print different losses');
    const refreshed = sent(
      await vscode.commands.executeCommand<Result | undefined>('lossLens.refreshPlaygroundFromDebugger'),
    );
    assert.match(refreshed.source.label, /, paused$/);
    const s = await snapshotWhen(
      (x) => x.lossValue !== null && close(x.lossValue, expected),
      `the loss ${expected}`,
    );
    report(1, expected, s.lossValue);
  });
});
