import * as assert from 'node:assert/strict';
import { fileClasses } from '../../src/core/explain/source';
import { functionalCall } from '../../src/core/explain/torchCall';

describe('explain: what the hover reads from the file', () => {
  it("finds the file's class-count constant", () => {
    assert.deepEqual(fileClasses('import torch\nNUM_CLASSES = 10\n'), { name: 'NUM_CLASSES', value: 10 });
    assert.deepEqual(fileClasses('n_classes: int = 7  # CIFAR-ish\n'), { name: 'n_classes', value: 7 });
    assert.equal(fileClasses('def f(num_classes=10):\n    pass\n'), undefined);
    assert.equal(fileClasses('NUM_CLASSES = 1\n'), undefined);
  });

  it('writes an nn module call in the functional form a plain function can use', () => {
    assert.equal(
      functionalCall('nn.CrossEntropyLoss(label_smoothing=eps)', ['logits', 'target', 'eps']),
      'F.cross_entropy(logits, target, label_smoothing=eps)',
    );
    assert.equal(
      functionalCall('nn.BCEWithLogitsLoss()(x, t * (1 - a) + a / 2)', ['x', 't']),
      'F.binary_cross_entropy_with_logits(x, t * (1 - a) + a / 2)',
    );
    // Parameters that do not read as (input, target) get torch's own names.
    assert.equal(functionalCall('nn.NLLLoss()', ['model', 'batch']), 'F.nll_loss(input, target)');
    assert.equal(functionalCall('nn.MSELoss()', ['x', 'y']), undefined);
  });
});
