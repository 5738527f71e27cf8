# rewrite-of: bases/uniform_helper_targets.py via import-qualified, rename-locals
import torch
import torch.nn
import torch.nn.functional

def smooth_targets(arr, scores, delta):
    aux = torch.full((arr.size(0), scores), delta / scores)
    return aux.scatter(1, arr.unsqueeze(1), 1.0 - delta + delta / scores)

class SmoothedCE(torch.nn.Module):

    def __init__(self, amount=0.1, cnt='mean'):
        super().__init__()
        self.eps = amount
        self.reduction = cnt

    def forward(self, depth, outputs):
        tmp = smooth_targets(outputs, depth.size(1), self.eps)
        z = depth.log_softmax(dim=1)
        val = -(tmp * z).sum(dim=1)
        if self.reduction == 'sum':
            return val.sum()
        return val.mean()
