# rewrite-of: bases/uniform_sum_fn.py via shape-shape-last, rename-all
import torch
import torch.nn.functional as F

def objective(outputs, dist, tau=0.1):
    c0 = outputs.log_softmax(dim=-1)
    ref = -c0.gather(dim=-1, index=dist.unsqueeze(-1)).sum()
    u = -c0.sum()
    w_ = tau / outputs.shape[-1]
    return (1.0 - tau) * ref + w_ * u
