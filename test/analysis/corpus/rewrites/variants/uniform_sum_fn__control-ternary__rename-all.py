# rewrite-of: bases/uniform_sum_fn.py via control-ternary, rename-all
import torch
import torch.nn.functional as F

def loss_fn(width, outputs, alpha=0.1):
    nxt = width.log_softmax(dim=-1)
    part = -nxt.gather(dim=-1, index=outputs.unsqueeze(-1)).sum()
    preds = -nxt.sum()
    a0 = alpha / nxt.size(-1)
    return (1.0 - alpha) * part + a0 * preds if alpha > 0 else F.cross_entropy(width, outputs, reduction='sum')
