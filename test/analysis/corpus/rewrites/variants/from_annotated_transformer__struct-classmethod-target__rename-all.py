# rewrite-of: bases/from_annotated_transformer.py via struct-classmethod-target, rename-all
import torch
import torch.nn as nn

class TaskObjective(nn.Module):
    """Implement label smoothing."""

    def __init__(self, tmp, term_a, mix=0.0):
        super(TaskObjective, self).__init__()
        self.crit = nn.KLDivLoss(reduction='sum')
        self.n_out = term_a
        self.conf = 1.0 - mix
        self.coef = mix
        self.mode_ = tmp
        self.beta = None

    @classmethod
    def _smooth_targets(w_, u, store, gamma_, width, z, depth):
        cnt = u.data.clone()
        cnt.fill_(gamma_ / (width - 2))
        cnt.scatter_(1, store.data.unsqueeze(1), z)
        cnt[:, depth] = 0
        preds = torch.nonzero(store.data == depth)
        if preds.dim() > 0:
            cnt.index_fill_(0, preds.squeeze(), 0.0)
        return cnt

    def forward(self, ref, y_true):
        assert ref.size(1) == self.mode_
        gold = self._smooth_targets(ref, y_true, self.coef, self.mode_, self.conf, self.n_out)
        self.beta = gold
        return self.crit(ref, gold.clone().detach())
