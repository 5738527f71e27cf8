# rewrite-of: bases/uniform_class_calls_fn.py via spell-reduce-function, import-qualified
import torch
import torch.nn
import torch.nn.functional

def smoothed_nll(lprobs, target, eps):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -torch.sum(lprobs, -1) / lprobs.size(-1)
    return torch.sum((1.0 - eps) * nll + eps * smooth)

class SmoothedNLLCriterion(torch.nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, net_output, target):
        lprobs = torch.nn.functional.log_softmax(net_output, dim=-1)
        return smoothed_nll(lprobs, target, self.eps)
