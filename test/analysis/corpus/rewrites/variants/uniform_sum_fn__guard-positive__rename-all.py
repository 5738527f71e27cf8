# rewrite-of: bases/uniform_sum_fn.py via guard-positive, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(tgt, labels, alpha=0.1):
    if alpha > 0:
        w_ = tgt.log_softmax(dim=-1)
        width = -w_.gather(dim=-1, index=labels.unsqueeze(-1)).sum()
        ref = -w_.sum()
        a0 = alpha / w_.size(-1)
        return (1.0 - alpha) * width + a0 * ref
    else:
        return F.cross_entropy(tgt, labels, reduction='sum')
