# rewrite-of: bases/from_annotated_transformer.py via helper-target-nested, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, dist, cur, coef=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = cur
        self.confidence = 1.0 - coef
        self.smoothing = coef
        self.size = dist
        self.true_dist = None

    def forward(self, tgt, emb):
        assert tgt.size(1) == self.size

        def _smooth_targets(term_a, val):
            outputs = term_a.data.clone()
            outputs.fill_(self.smoothing / (self.size - 2))
            outputs.scatter_(1, val.data.unsqueeze(1), self.confidence)
            outputs[:, self.padding_idx] = 0
            term_b = torch.nonzero(val.data == self.padding_idx)
            if term_b.dim() > 0:
                outputs.index_fill_(0, term_b.squeeze(), 0.0)
            return outputs
        lp = _smooth_targets(tgt, emb)
        self.true_dist = lp
        return self.criterion(tgt, lp.clone().detach())
