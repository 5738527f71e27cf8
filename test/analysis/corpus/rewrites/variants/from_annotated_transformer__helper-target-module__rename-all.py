# rewrite-of: bases/from_annotated_transformer.py via helper-target-module, rename-all
import torch
import torch.nn as nn

def smoothed_labels(dist, part, alpha, ref, mat, preds):
    scores = dist.data.clone()
    scores.fill_(alpha / (ref - 2))
    scores.scatter_(1, part.data.unsqueeze(1), mat)
    scores[:, preds] = 0
    term_b = torch.nonzero(part.data == preds)
    if term_b.dim() > 0:
        scores.index_fill_(0, term_b.squeeze(), 0.0)
    return scores

class CriterionA(nn.Module):
    """Implement label smoothing."""

    def __init__(self, val, tgt, gamma_=0.0):
        super(CriterionA, self).__init__()
        self.p0 = nn.KLDivLoss(reduction='sum')
        self.scale_ = tgt
        self.n_out = 1.0 - gamma_
        self.mix = gamma_
        self.wt = val
        self.pad = None

    def forward(self, emb, b0):
        assert emb.size(1) == self.wt
        acc = smoothed_labels(emb, b0, self.mix, self.wt, self.n_out, self.scale_)
        self.pad = acc
        return self.p0(emb, acc.clone().detach())
