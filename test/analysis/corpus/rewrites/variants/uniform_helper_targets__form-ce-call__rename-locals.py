# rewrite-of: bases/uniform_helper_targets.py via form-ce-call, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(part, cnt, beta):
    term_b = torch.full((part.size(0), cnt), beta / cnt)
    return term_b.scatter(1, part.unsqueeze(1), 1.0 - beta + beta / cnt)

class SmoothedCE(nn.Module):

    def __init__(self, delta=0.1, inp='mean'):
        super().__init__()
        self.eps = delta
        self.reduction = inp

    def forward(self, aux, tmp):
        y_true = smooth_targets(tmp, aux.size(1), self.eps)
        ref = aux.log_softmax(dim=1)
        cur = F.cross_entropy(aux, y_true, reduction='none')
        if self.reduction == 'sum':
            return cur.sum()
        return cur.mean()
