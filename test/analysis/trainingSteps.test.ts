// A training step that updates the model with a loss it computes is told with what it trains, smoothing or not;
// one whose loss it cannot see whole (a criterion it is given, a term or path from a call it cannot read) is not.
import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'from mylosses import SmoothLoss',
  '',
];

const step = (name: string, params: string, loss: string[], update = ['optimizer.step()']): string[] => [
  `def ${name}(model, loader, optimizer${params}):`,
  '    for x, y in loader:',
  '        out = model(x)',
  ...loss.map((l) => `        ${l}`),
  '        optimizer.zero_grad()',
  '        loss.backward()',
  ...update.map((l) => `        ${l}`),
];

const finding = (source: string[], symbol: string): Finding | undefined => definitionIn(HEAD, source, symbol);

describe('analysis: training steps', () => {
  it('a step training with a hard-label loss it computes says so', () => {
    const nll = finding(step('train', '', ['loss = F.nll_loss(out, y)']), 'train');
    assert.equal(nll?.convention, 'none');
    assert.match(nll?.message ?? '', /^Training step that trains with no label smoothing/);
    // It takes batches and a model: the loss it trains with is the closest call, never an exact "≡".
    assert.equal(nll?.torchEquivalent, null);
    assert.match(nll?.message ?? '', /closest: `nn\.NLLLoss\(\)`/);
    const ce = [
      'criterion = nn.CrossEntropyLoss()',
      ...step('train_epoch', '', ['loss = criterion(out, y)']),
    ];
    assert.equal(finding(ce, 'train_epoch')?.convention, 'none');
  });

  it('a step given its criterion, or adding or switching to a loss it cannot read, gets no finding', () => {
    const given = step('train', ', criterion', ['loss = criterion(out, y)']);
    const added = [
      'crit = SmoothLoss(0.1)',
      ...step('train', '', ['loss = crit(out, y) + F.cross_entropy(out, y)']),
    ];
    const switched = [
      'crit = SmoothLoss(0.1)',
      ...step('train', ', flag', ['loss = F.cross_entropy(out, y)', 'if flag:', '    loss = crit(out, y)']),
    ];
    for (const source of [given, added, switched]) assert.equal(finding(source, 'train'), undefined);
  });

  it('a gradient without an update, or a program running a step, is no training step of its own', () => {
    const gradient = step('train', '', ['loss = F.cross_entropy(out, y)'], []);
    assert.equal(finding(gradient, 'train'), undefined);
    const main = step('main', '', ['loss = F.cross_entropy(out, y)']);
    assert.equal(finding(main, 'main'), undefined);
  });

  it('calling a training step is no loss call', () => {
    const source = [...step('train', '', ['loss = F.nll_loss(out, y)']), '', 'train(net, data, opt)'];
    const calls = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.line === HEAD.length + 10);
    assert.deepEqual(calls, []);
  });
});
