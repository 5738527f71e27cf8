// Smoothed targets built where real projects build them: a collate_fn or a dataset's item returning the sample with
// its target, a JAX / Keras port whose ε is annotated as a float.
import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const HEADER = ['import numpy as np', 'import torch', ''];
const findings = (source: string[]): Finding[] => analyzePython(`${[...HEADER, ...source].join('\n')}\n`);
const at = (source: string[], line: number): unknown[] => {
  const f = definitionAt(findings(source), line);
  return [f.symbol, f.convention, f.epsilonParam];
};

describe('analysis: smoothed targets built outside a loss', () => {
  it('a collate_fn returning the batch with its smoothed targets is a target builder', () => {
    const source = [
      'def collate_smoothed(samples, n_cls=100, ls=0.2):',
      '    images = torch.stack([s[0] for s in samples])',
      '    labels = torch.tensor([s[1] for s in samples])',
      '    soft = torch.full((len(samples), n_cls), ls / (n_cls - 1))',
      '    soft.scatter_(1, labels[:, None], 1.0 - ls)',
      '    return images, soft',
    ];
    assert.deepEqual(at(source, 4), ['collate_smoothed', 'k_minus_1', 'ls']);
  });

  it("a dataset's item filling one sample's target at its label (NumPy) is a target builder", () => {
    const source = [
      'class Smoothed:',
      '    def __init__(self, items, k, alpha=0.05):',
      '        self.items, self.k, self.alpha = items, k, alpha',
      '',
      '    def __getitem__(self, index):',
      '        image, label = self.items[index]',
      '        q = np.full(self.k, self.alpha / self.k)',
      '        q[label] += 1.0 - self.alpha',
      '        return image, q',
    ];
    assert.deepEqual(at(source, 4), ['Smoothed', 'uniform', 'alpha']);
  });

  it('class indices shifted by an offset, returned beside a mask, are no smoothed target', () => {
    const source = [
      'def local_targets(target, start: int, end: int):',
      '    outside = (target < start) | (target >= end)',
      '    local = target.clone() - start',
      '    local[outside] = 0',
      '    return outside, local',
    ];
    assert.deepEqual(
      findings(source).filter((f) => f.convention !== null && f.convention !== 'none'),
      [],
    );
  });

  it('a one-hot set at the label without a fill is no smoothing', () => {
    const source = ['def one_hot(k, label):', '    v = np.zeros(k)', '    v[label] = 1.0', '    return v'];
    assert.deepEqual(
      findings(source).filter((f) => f.convention !== null && f.convention !== 'none'),
      [],
    );
  });

  it('a training loop tells the smoothing or distillation of the loss it calls backward() on, and nothing else', () => {
    const source = [
      'def fit(net, batches, opt, k, eps=0.1):',
      '    for xb, yb in batches:',
      '        out = net(xb)',
      '        q = torch.zeros_like(out).scatter_(1, yb[:, None], 1.0) * (1 - eps) + eps / k',
      '        loss = (-q * torch.log_softmax(out, 1)).sum(1).mean()',
      '        opt.zero_grad()',
      '        loss.backward()',
      '        opt.step()',
      '',
      'def fit_plain(net, batches, opt):',
      '    for xb, yb in batches:',
      '        loss = torch.nn.functional.cross_entropy(net(xb), yb)',
      '        loss.backward()',
      '        opt.step()',
    ];
    assert.deepEqual(at(source, 4), ['fit', 'uniform', 'eps']);
    const fit = findings(source).find((f) => f.symbol === 'fit');
    assert.match(fit?.message ?? '', /^Training step that trains with uniform label smoothing/);
    assert.equal(
      findings(source).some((f) => f.symbol === 'fit_plain'),
      false,
    );
  });

  it('a one-hot moved towards the uniform row by torch.lerp (or .lerp) is uniform smoothing', () => {
    const source = [
      'def lerp_targets(y, k, eps=0.1):',
      '    onehot = torch.nn.functional.one_hot(y, k).float()',
      '    return torch.lerp(onehot, torch.full_like(onehot, 1.0 / k), eps)',
      '',
      'def lerp_method(y, k, eps=0.1):',
      '    onehot = torch.nn.functional.one_hot(y, k).float()',
      '    return onehot.lerp(torch.ones_like(onehot) / k, eps)',
    ];
    assert.deepEqual(at(source, 4), ['lerp_targets', 'uniform', 'eps']);
    assert.deepEqual(at(source, 8), ['lerp_method', 'uniform', 'eps']);
  });

  it('ε annotated as a float (a JAX or Keras port) is a number, not a tensor the labels are mixed with', () => {
    const source = [
      'def smooth_labels(labels: torch.Tensor, alpha: float) -> torch.Tensor:',
      '    num_categories = labels.shape[-1]',
      '    return (1.0 - alpha) * labels + alpha / num_categories',
    ];
    assert.deepEqual(at(source, 4), ['smooth_labels', 'uniform', 'alpha']);
  });

  it('a whole number named for the classes (`self.classes = 3`) is K: a fill of ε/(classes − 1) is the K−1 target', () => {
    const source = [
      'class ThreeWay(torch.nn.Module):',
      '    def __init__(self, eps):',
      '        super().__init__()',
      '        self.smoothing = eps',
      '        self.classes = 3',
      '',
      '    def forward(self, x, y):',
      '        logp = torch.log_softmax(x, dim=-1)',
      '        q = torch.zeros_like(logp)',
      '        q.fill_(self.smoothing / (self.classes - 1))',
      '        q.scatter_(1, y.unsqueeze(1), 1.0 - self.smoothing)',
      '        return -(q * logp).sum(-1).mean()',
    ];
    const f = definitionAt(findings(source), 4);
    assert.deepEqual(
      [f.symbol, f.convention, f.epsilonParam, f.details?.classes],
      ['ThreeWay', 'k_minus_1', 'eps', 3],
    );
  });
});
