# rewrite-of: bases/uniform_class_calls_fn.py via eps-buffer, prep-contiguous
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(lprobs, target, eps):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps=0.1):
        super().__init__()
        self.register_buffer('eps', torch.tensor(eps))

    def forward(self, net_output, target):
        net_output = net_output.contiguous()
        lprobs = F.log_softmax(net_output, dim=-1)
        return smoothed_nll(lprobs, target, self.eps)
