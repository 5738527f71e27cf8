# rewrite-of: bases/batch_max_ce.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, **kwargs):
        outputs = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.lossfn = outputs

    def forward(self, term_a, c0):
        z = c0.max().item() + 1
        depth = F.log_softmax(term_a, dim=-1)
        inp = torch.full_like(depth, self.lossfn / z)
        inp.scatter_(1, c0.unsqueeze(1), 1.0 - self.lossfn + self.lossfn / z)
        return (-inp * depth).sum(dim=-1).mean()
