import type { Finding } from '../../../src/core/analysis/results';

/** A loss finding with sensible defaults; tests override what they exercise. */
export function lossFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    kind: 'loss',
    line: 3,
    column: 1,
    endLine: 20,
    endColumn: 1,
    symbol: 'LabelSmoothingLoss',
    convention: 'uniform',
    epsilon: 0.1,
    epsilonParam: 'smoothing',
    torchEquivalent: 'nn.CrossEntropyLoss(label_smoothing=0.1)',
    rule: null,
    message: 'mixes nll with the mean of -log p',
    details: { lossKind: 'custom', classes: 3 },
    ...overrides,
  };
}

export function pitfallFinding(overrides: Partial<Finding> = {}): Finding {
  return lossFinding({
    kind: 'pitfall',
    symbol: null,
    convention: null,
    epsilon: null,
    epsilonParam: null,
    torchEquivalent: null,
    rule: 'softmax-into-cross-entropy',
    message: 'cross_entropy applies log_softmax itself',
    details: undefined,
    ...overrides,
  });
}
