/** Command names (ids are `lossLens.<name>`); the command table must have exactly these keys. */
export type CommandName =
  | 'openPlayground'
  | 'explainLoss'
  | 'sendSelectionToPlayground'
  | 'compareConventions'
  | 'insertTorchEquivalent'
  | 'verifyWithPython'
  | 'sendDebugValueToPlayground'
  | 'refreshPlaygroundFromDebugger'
  | 'openSampleLoss';

export function commandId(name: CommandName): string {
  return `lossLens.${name}`;
}
