// Values that look like smoothed targets but are not (found by a precision sweep over code never seen), each on a
// snippet written for this test: a false smoothing claim is worse than silence.
import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../src/core/analysis';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function losses(source: string[]): Finding[] {
  return analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
}

function claims(source: string[]): Finding[] {
  return losses(source).filter((f) => f.convention !== 'none' && f.convention !== null);
}

describe('analysis: what is not a smoothed target, or not its ε', () => {
  it('predictions times the other classes’ mask (1 − onehot) are no target, whatever multiplies them', () => {
    const source = [
      'def off_class_mass(probs, labels):',
      '    others = 1 - F.one_hot(labels, probs.size(1))',
      '    return (probs * others).sum(1).mean()',
      '',
      'def off_class_map(probs, labels):',
      '    return probs * (1 - F.one_hot(labels, 5))',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('a mask blend passed alone to a module the analysis cannot see into is no loss (MIM token masking)', () => {
    const source = [
      'class MaskedEncoder(nn.Module):',
      '    def forward(self, x, mask):',
      '        x = self.patch_embed(x)',
      '        B, L, _ = x.shape',
      '        mask_token = self.mask_token.expand(B, L, -1)',
      '        w = mask.flatten(1).unsqueeze(-1).type_as(mask_token)',
      '        x = x * (1 - w) + mask_token * w',
      '        x = torch.cat((self.cls_token.expand(B, -1, -1), x), dim=1)',
      '        return self.pos_drop(x + self.pos_embed)',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('a smoothed target handed with the logits to a criterion the analysis cannot see into is still its loss', () => {
    const source = [
      'def smoothed(logits, y, criterion, eps=0.1):',
      '    t = F.one_hot(y, logits.size(-1)).float() * (1 - eps) + eps / logits.size(-1)',
      '    return criterion(logits, t)',
    ];
    assert.deepEqual(
      claims(source).map((f) => f.convention),
      ['uniform'],
    );
  });

  it("an AC-GAN step's real/fake BCE beside its class cross-entropy is no binary smoothing", () => {
    const source = [
      'class ACGAN:',
      '    def __init__(self, n):',
      '        self.bce = nn.BCELoss()',
      '        self.ce = nn.CrossEntropyLoss()',
      '        self.real, self.fake = torch.ones(n, 1), torch.zeros(n, 1)',
      '',
      '    def train_step(self, x, y, z):',
      '        d_real, c_real = self.D(x)',
      '        d_loss = self.bce(d_real, self.real) + self.ce(c_real, y)',
      '        d_fake, c_fake = self.D(self.G(z, y))',
      '        d_loss = d_loss + self.bce(d_fake, self.fake) + self.ce(c_fake, y)',
      '        d_loss.backward()',
      '        d_fake, c_fake = self.D(self.G(z, y))',
      '        g_loss = self.bce(d_fake, self.real)',
      '        g_loss += self.ce(c_fake, y)',
      '        g_loss.backward()',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('int(…) of an expression in a parameter is a Python number, not a target', () => {
    const source = [
      'def same_padding(kernel, dilation=1):',
      '    return int((kernel * dilation - dilation) / 2)',
    ];
    assert.deepEqual(losses(source), []);
  });

  it('a parameter a loop iterates over is a collection, never the ε of a target', () => {
    const source = [
      'class Generator(nn.Module):',
      '    def forward(self, codes, psi=1, mean_code=None):',
      '        if psi < 1:',
      '            kept = []',
      '            for code in codes:',
      '                kept.append(mean_code + psi * (code - mean_code))',
      '            codes = kept',
      '        return self.synthesis(codes[0])',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('(t + 1) / 2 re-encodes sign labels (±1) as 0 / 1 for a binary loss: no smoothing', () => {
    const source = [
      'class RankingLoss(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.bce = nn.BCELoss()',
      '',
      '    def forward(self, prob, sign):',
      '        return self.bce(prob, (sign + 1.) / 2.)',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('a tensor minus another parameter, given to a call the analysis cannot see into, is no smoothed target', () => {
    const source = [
      'class PairLoss(nn.Module):',
      '    def forward(self, pos, neg):',
      '        pos = pos.unsqueeze(-1)',
      '        return torch.mean(self.criterion(pos - neg, 1))',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('a value the analysis cannot read, passed for ε, is never the default ε', () => {
    const source = [
      'def smooth_targets(eps=0.1):',
      '    return 1.0 - 0.5 * eps, 0.5 * eps',
      '',
      'class DetLoss:',
      '    def __init__(self, hyp):',
      '        self.cp, self.cn = smooth_targets(eps=hyp.get("label_smoothing", 0.0))',
      '        self.bce = nn.BCEWithLogitsLoss()',
      '',
      '    def __call__(self, logits, labels):',
      '        t = torch.full_like(logits, self.cn)',
      '        t[range(labels.shape[0]), labels] = self.cp',
      '        return self.bce(logits, t)',
    ];
    const det = losses(source).find((f) => f.symbol === 'DetLoss' && !f.details?.definedAt);
    assert.equal(det?.convention, 'binary');
    assert.equal(det?.epsilon, null);
    assert.equal(det?.epsilonParam, 'hyp.get("label_smoothing", 0.0)');
  });

  it('a parameter that only divides the whole loss (`/ norm`) is not ε: ε is the target’s number', () => {
    const source = [
      'def smoothed_sum(logits, labels, norm):',
      '    logp = F.log_softmax(logits, dim=-1)',
      '    q = F.one_hot(labels, 10) * 0.9 + 0.01',
      '    return -(q * logp).sum() / norm',
    ];
    const [f] = losses(source);
    assert.equal(f?.convention, 'uniform');
    assert.equal(f?.epsilon, 0.1);
    assert.equal(f?.epsilonParam, null);
  });

  it('a log of a number or of a buffer added to the logits shifts them: no log-probability, no target (logit adjustment)', () => {
    const source = [
      'from .cross_entropy_loss import binary_cross_entropy',
      '',
      'class LogitRegLoss(nn.Module):',
      '    def __init__(self, class_freq, train_num, neg_bias=0.1, neg_scale=5.0):',
      '        super().__init__()',
      '        self.cls_criterion = binary_cross_entropy',
      '        self.neg_scale = neg_scale',
      '        self.neg_bias = -torch.log(train_num / class_freq - 1) * neg_bias / neg_scale',
      '',
      '    def forward(self, cls_score, label):',
      '        logits = cls_score + self.neg_bias',
      '        logits = logits * (1 - label) * self.neg_scale + logits * label',
      '        return self.cls_criterion(logits, label.float())',
      '',
      'class NumberBiasLoss(nn.Module):',
      '    def __init__(self, nb=0.1, neg_scale=5.0):',
      '        super().__init__()',
      '        self.cls_criterion = binary_cross_entropy',
      '        self.neg_scale = neg_scale',
      '        self.neg_bias = -torch.log(nb)',
      '',
      '    def forward(self, cls_score, label):',
      '        logits = cls_score + self.neg_bias',
      '        logits = logits * (1 - label) * self.neg_scale + logits * label',
      '        return self.cls_criterion(logits, label.float())',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('cross-entropies at the labels and at the labels + 1, weighted by the distance to each, are a two-hot soft target', () => {
    const source = [
      'def distribution_focal_loss(pred, label):',
      '    dis_left = label.long()',
      '    dis_right = dis_left + 1',
      '    weight_left = dis_right.float() - label',
      '    weight_right = label - dis_left.float()',
      "    return (F.cross_entropy(pred, dis_left, reduction='none') * weight_left",
      "            + F.cross_entropy(pred, dis_right, reduction='none') * weight_right)",
    ];
    assert.deepEqual(
      claims(source).map((f) => f.convention),
      ['soft_target'],
    );
  });

  it('class weights looked up by the labels are a weight, not a loss: the smoothing CE they weigh keeps its ε', () => {
    const source = [
      'class WeightedFocal(nn.Module):',
      '    def __init__(self, weights=None, label_smoothing=None, gamma=2):',
      '        super().__init__()',
      '        self.weights = weights',
      '        self.label_smoothing = label_smoothing',
      '        self.gamma = gamma',
      '',
      '    def _get_w(self, target):',
      '        if self.weights is not None:',
      '            return self.weights.gather(0, target.view(-1))',
      '        return torch.ones(target.shape[0]).gather(0, target)',
      '',
      '    def forward(self, inputs, target):',
      '        w = self._get_w(target)',
      '        if self.label_smoothing is None:',
      '            ce = nn.CrossEntropyLoss()(inputs, target)',
      '        else:',
      '            ce = nn.CrossEntropyLoss(label_smoothing=self.label_smoothing)(inputs, target)',
      '        pt = torch.exp(-ce)',
      '        return (w * (1 - pt) ** self.gamma * ce).mean()',
    ];
    const found = losses(source).filter(
      (f) => !f.details?.definedAt && f.symbol?.startsWith('WeightedFocal'),
    );
    assert.deepEqual(
      found.map((f) => [f.symbol, f.convention]),
      [['WeightedFocal', 'uniform']],
    );
  });

  it('gathering from arange (positions copied into a buffer) looks indices up: a triplet mining helper is no loss', () => {
    const source = [
      'def hard_example_mining(dist_mat, labels):',
      '    N = dist_mat.size(0)',
      '    is_pos = labels.expand(N, N).eq(labels.expand(N, N).t())',
      '    dist_ap, rel = torch.max(dist_mat[is_pos].contiguous().view(N, -1), 1, keepdim=True)',
      '    ind = labels.new().resize_as_(labels).copy_(torch.arange(0, N).long()).unsqueeze(0).expand(N, N)',
      '    p_inds = torch.gather(ind[is_pos].contiguous().view(N, -1), 1, rel.data)',
      '    return dist_ap.squeeze(1), p_inds.squeeze(1)',
      '',
      'def positions(labels, n):',
      '    return torch.eye(n).gather(1, labels.view(-1, 1))',
    ];
    assert.deepEqual(losses(source), []);
  });

  it('entries left at a nonzero fill and masked out are no target: the set entries are hard labels (anchor targets)', () => {
    const source = [
      'class AnchorWhere(nn.Module):',
      '    def forward(self, p, labels, positive):',
      '        targets = torch.ones(p.shape) * -1',
      '        targets[positive, labels[positive].long()] = 1',
      '        bce = -(targets * torch.log(p) + (1.0 - targets) * torch.log(1.0 - p))',
      '        return torch.where(torch.ne(targets, -1.0), bce, torch.zeros(bce.shape)).sum()',
      '',
      'class AnchorSelect(nn.Module):',
      '    def forward(self, p, labels, positive):',
      '        targets = torch.ones(p.shape) * -1',
      '        targets[positive, labels[positive].long()] = 1',
      '        bce = -(targets * torch.log(p) + (1.0 - targets) * torch.log(1.0 - p))',
      '        return bce[targets != -1].sum()',
    ];
    assert.deepEqual(
      losses(source).map((f) => [f.symbol, f.convention]),
      [
        ['AnchorWhere', 'none'],
        ['AnchorSelect', 'none'],
      ],
    );
  });

  it('a value every branch of an if/else replaces is gone after it: a smoothed target built before is no claim', () => {
    const source = [
      'class Relabelled(nn.Module):',
      '    def forward(self, x, y):',
      '        t = torch.full_like(x, 0.1 / x.size(1))',
      '        t.scatter_(1, y.unsqueeze(1), 0.9 + 0.1 / x.size(1))',
      '        if self.hard:',
      '            t = F.one_hot(y, x.size(1)).float()',
      '        else:',
      '            t = F.one_hot(y, x.size(1)).float() * 1.0',
      '        return -(t * F.log_softmax(x, 1)).sum(1).mean()',
    ];
    assert.deepEqual(claims(source), []);
  });

  it('labels drawn at random (`uniform_(0, 0.1)`) are no hard labels: in expectation a constant fill of their mean', () => {
    const source = [
      'def fake_loss(d_out):',
      '    labels = torch.FloatTensor(d_out.size(0)).uniform_(0, 0.1)',
      '    return nn.BCEWithLogitsLoss()(d_out.squeeze(), labels)',
      '',
      'def real_loss(d_out):',
      '    labels = torch.empty(d_out.size(0)).uniform_(0.9, 1.0)',
      '    return nn.BCEWithLogitsLoss()(d_out.squeeze(), labels)',
    ];
    const found = losses(source).filter((f) => f.symbol === 'fake_loss' || f.symbol === 'real_loss');
    assert.deepEqual(found, []);
  });
});
