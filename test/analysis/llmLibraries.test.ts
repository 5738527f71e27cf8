// Cross-entropy kernels of LLM training libraries (flash-attention, Liger Kernel) known from the catalogue, and the
// ways LLM code reaches them: a module-level alias set in a `try:`, an autograd Function's `.apply` with
// positional arguments annotated by comments, a tuple unpacked from a call. Also a criterion given to the
// constructor and handed a smoothed target. Snippets written for this test; conventions derived by hand.
import { strict as assert } from 'node:assert';
import type { Convention } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F'];

function conventionOf(source: string[], symbol: string): Convention | null | 'nothing' {
  const found = definitionIn(HEAD, source, symbol);
  return found ? found.convention : 'nothing';
}

describe('LLM training libraries', () => {
  it("flash-attention's CrossEntropyLoss and cross_entropy_loss smooth as torch does (ε/K)", () => {
    const source = [
      'from flash_attn.losses.cross_entropy import CrossEntropyLoss',
      'from flash_attn.ops.triton.cross_entropy import cross_entropy_loss',
      'class Head(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.ce = CrossEntropyLoss(label_smoothing=0.1)',
      '    def forward(self, logits, labels):',
      '        return self.ce(logits, labels)',
      'def per_token(logits, labels):',
      '    return cross_entropy_loss(logits, labels, label_smoothing=0.05).sum()',
      'def plain(logits, labels):',
      '    return cross_entropy_loss(logits, labels).sum()',
    ];
    assert.equal(conventionOf(source, 'Head'), 'uniform');
    assert.equal(conventionOf(source, 'per_token'), 'uniform');
    assert.equal(conventionOf(source, 'plain'), 'none');
  });

  it('a module-level alias of an imported library function, set in a try, and a tuple unpacked from it', () => {
    const source = [
      'from typing import Callable, Optional',
      '_kernel: Optional[Callable] = None',
      'try:',
      '    import flash_attn.ops.triton.cross_entropy as fa_ce',
      '    _kernel = fa_ce.cross_entropy_loss',
      'except ImportError:',
      '    pass',
      'def fused(logits, labels, smoothing=0.1):',
      '    loss, z_loss = _kernel(logits, labels, label_smoothing=smoothing)',
      '    return loss.sum() / (labels != -100).sum()',
    ];
    assert.equal(conventionOf(source, 'fused'), 'uniform');
  });

  it("Liger's fused linear cross-entropy Function: positional arguments after comments bind where they stand", () => {
    const call = (smoothing: string) => [
      'import liger_kernel.ops.fused_linear_cross_entropy',
      'def fused_linear(hidden, weight, targets):',
      '    loss, _ = liger_kernel.ops.fused_linear_cross_entropy.LigerFusedLinearCrossEntropyFunction.apply(',
      '        hidden,',
      '        weight,',
      '        targets,',
      '        None,  # bias',
      '        None,  # ce_weight',
      '        -100,  # ignore_index',
      '        0.0,  # lse_square_scale',
      `        ${smoothing},  # label_smoothing`,
      '        "sum",  # reduction',
      '    )',
      '    return loss',
    ];
    assert.equal(conventionOf(call('0.0'), 'fused_linear'), 'none');
    assert.equal(conventionOf(call('0.1'), 'fused_linear'), 'uniform');
  });

  it('a criterion given to the constructor and handed a smoothed one-hot takes the target’s convention', () => {
    const source = [
      'class MarginHead(nn.Module):',
      '    def __init__(self, classes, criterion, eps=0.1):',
      '        super().__init__()',
      '        self.classes = classes',
      '        self.criterion = criterion',
      '        self.eps = eps',
      '    def forward(self, logits, labels):',
      '        one_hot = torch.zeros_like(logits).scatter_(1, labels.view(-1, 1), 1)',
      '        one_hot = (1 - self.eps) * one_hot + self.eps / self.classes',
      '        return self.criterion(logits, one_hot)',
      'def pseudo(student, teacher, criterion):',
      '    return criterion(student, teacher.max(dim=1)[1])',
    ];
    assert.equal(conventionOf(source, 'MarginHead'), 'uniform');
    assert.notEqual(conventionOf(source, 'pseudo'), 'soft_target');
  });
});
