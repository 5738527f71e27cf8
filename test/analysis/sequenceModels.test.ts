// Idioms of NLP and speech code (translation, ASR, text classification heads): padding masks, outputs returned as
// `(loss,) + outputs`, class axes moved before the loss.
import * as assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const PRELUDE = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

const conventionAt = (body: string, line: number) =>
  definitionAt(analyzePython(PRELUDE + body), line).convention;

describe('analysis: sequence-model idioms', () => {
  it('a target times the labels tested against a padding index (a parameter) keeps the target', () => {
    const body = `
class Smoothed(nn.Module):
    def __init__(self, size, padding_idx, eps):
        super().__init__()
        self.size, self.padding_idx, self.eps = size, padding_idx, eps

    def forward(self, logp, target):
        goal = torch.zeros_like(logp).fill_(self.eps / self.size)
        goal = goal.scatter_(-1, index=target.unsqueeze(-1), value=1 - self.eps + self.eps / self.size)
        mask = (target != self.padding_idx).float()
        goal = goal * mask.unsqueeze(-1)
        return -(goal * logp).sum()
`;
    assert.equal(conventionAt(body, 5), 'uniform');
    assert.equal(
      conventionAt(body.replace('target != self.padding_idx', 'self.padding_idx != target'), 5),
      'uniform',
    );
  });

  it('a model returning `(loss,) + outputs` defines that loss', () => {
    const body = `
class Head(nn.Module):
    def __init__(self, num_labels):
        super().__init__()
        self.num_labels = num_labels
        self.fc = nn.Linear(8, num_labels)

    def forward(self, x, labels=None):
        logits = self.fc(x)
        outputs = (logits,)
        if labels is not None:
            loss = nn.CrossEntropyLoss(label_smoothing=0.1)(logits.view(-1, self.num_labels), labels.view(-1))
            outputs = (loss,) + outputs
        return outputs
`;
    assert.equal(conventionAt(body, 5), 'uniform');
    assert.equal(conventionAt(body.replace('label_smoothing=0.1', ''), 5), 'none');
  });

  it('torch.eq and torch.mul are the operators: a one-hot from arange(K) == labels over a moved class axis', () => {
    const body = `
class TokenSmoothing(nn.Module):
    def __init__(self, ignore_index, epsilon=0.1):
        super().__init__()
        self.ignore_idx = ignore_index
        self.epsilon = epsilon

    def forward(self, input, target):
        input = input.transpose(1, 2)
        input = torch.log_softmax(input, dim=2)
        k = input.size(2)
        target_prob = torch.ones_like(input).type_as(input) * self.epsilon * 1 / k
        mask = torch.arange(k).unsqueeze(0).unsqueeze(0).expand(target.size(0), target.size(1), -1).type_as(target)
        mask = torch.eq(mask, target.unsqueeze(-1).expand(-1, -1, k))
        target_prob.masked_fill_(mask, 1 - self.epsilon + (self.epsilon * 1 / k))
        loss = - torch.mul(target_prob, input)
        loss = loss.sum(2)
        keep = (target != self.ignore_idx).type_as(input)
        return (torch.mul(loss, keep).sum() / keep.sum()).mean()
`;
    assert.equal(conventionAt(body, 5), 'uniform');
    assert.equal(conventionAt(body.replace('torch.eq(mask, ', 'mask.eq('), 5), 'uniform');
  });

  it("Python's max / min of numbers is a number: a constant added to a hand-written BCE, a count dividing a loss", () => {
    const scaled = `
def scaled_bce(logits, labels, eps=0.1):
    V = max(logits.size()[-1] - 1, 1)
    loss = (1 - eps) * (-(labels * F.logsigmoid(logits) + (1 - labels) * F.logsigmoid(-logits))) + eps / V
    return loss.mean()
`;
    assert.equal(conventionAt(scaled, 5), 'none');
    const divided = `
def smoothed(logits, y, eps=0.1):
    logp = F.log_softmax(logits, -1)
    loss = (1 - eps) * F.nll_loss(logp, y, reduction='sum') - eps * logp.mean(-1).sum()
    return loss / min(max(y.numel(), 1), 10 ** 6)
`;
    assert.equal(conventionAt(divided, 5), 'uniform');
  });

  it('log σ in its stable pieces (softplus with β = −1, x − softplus(x), −softplus(x)) picked by torch.where', () => {
    const focal = `
def sigmoid_focal(logits, label, alpha=0.25, gamma=2, eps=0.0):
    label = label * (1 - eps) + eps / 2
    probs = torch.sigmoid(logits)
    coeff = torch.abs(label - probs).pow(gamma).neg()
    log_probs = torch.where(logits >= 0, F.softplus(logits, -1, 50), logits - F.softplus(logits, 1, 50))
    log_1_probs = torch.where(logits >= 0, -logits + F.softplus(logits, -1, 50), -F.softplus(logits, 1, 50))
    loss = label * alpha * log_probs + (1. - label) * (1. - alpha) * log_1_probs
    loss = loss * coeff
    return loss.mean()
`;
    assert.equal(conventionAt(focal, 5), 'binary');
    assert.equal(conventionAt(focal.replace('    label = label * (1 - eps) + eps / 2\n', ''), 5), 'none');
  });

  it('t·log σ(z) + (1 − t)·log σ(z) does not depend on the labels: no binary cross-entropy against them', () => {
    const text = `${PRELUDE}
def logits_smoothed(logits, labels, eps=0.1):
    z = (1 - eps) * logits + eps / 3
    loss = -(labels * F.logsigmoid(z) + (1 - labels) * F.logsigmoid(z))
    return loss.sum(dim=1).mean()
`;
    const found = analyzePython(text).filter((f) => f.kind === 'loss' && f.symbol === 'logits_smoothed');
    assert.deepEqual(found, []);
    assert.equal(
      conventionAt(text.slice(PRELUDE.length).replace('F.logsigmoid(z))', 'F.logsigmoid(-z))'), 5),
      'none',
    );
  });

  it('a torch function named at module level (`sigmoid = functional.sigmoid`) is that function', () => {
    const text = `import torch as th
import torch.nn.functional as functional

sigmoid = functional.sigmoid


class BCELoss:
    def __call__(self, score: th.Tensor, label):
        return -(label * th.log(sigmoid(score)) + (1 - label) * th.log(1 - sigmoid(score)))
`;
    const bce = definitionAt(analyzePython(text), 7);
    assert.equal(bce.convention, 'none');
    assert.equal(bce.torchEquivalent, "nn.BCEWithLogitsLoss(reduction='none')(logits, target)");
  });

  it('a soft target computed in the code (a teacher’s softmax at a temperature) gets no exact equivalent', () => {
    const text = `${PRELUDE}
def kd_ce_loss(logits_S, logits_T, temperature=1):
    p_T = F.softmax(logits_T / temperature, dim=-1)
    return -(p_T * F.log_softmax(logits_S / temperature, dim=-1)).sum(dim=-1).mean()


def soft_ce(logits, target_probs):
    return -(target_probs * F.log_softmax(logits, dim=-1)).sum(dim=-1).mean()
`;
    const [kd, given] = [definitionAt(analyzePython(text), 5), definitionAt(analyzePython(text), 10)];
    assert.deepEqual([kd.convention, kd.torchEquivalent], ['soft_target', null]);
    assert.equal(kd.details?.closestTorch?.call, 'nn.CrossEntropyLoss()(logits, target_probs)');
    assert.deepEqual(
      [given.convention, given.torchEquivalent],
      ['soft_target', 'nn.CrossEntropyLoss()(logits, target_probs)'],
    );
  });
});
