# rewrite-of: bases/from_sample_batch_smoothed_bce.py via arith-product-method, rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, delta, val='mean'):
        super().__init__()
        self.wt = delta
        self.coef = val

    def forward(self, term_a, w_):
        width = w_.max().item() + 1
        w_ = w_.mul(1 - self.wt) + self.wt / width
        vec = torch.log(term_a + 1e-12).mul(-w_)
        tmp = torch.log(1 - term_a + 1e-12).mul(-(1 - w_))
        mat = (vec + tmp).sum()
        if self.coef == 'mean':
            mat = mat / len(term_a)
        return mat
