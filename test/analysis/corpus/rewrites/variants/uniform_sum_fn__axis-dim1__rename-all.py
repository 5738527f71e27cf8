# rewrite-of: bases/uniform_sum_fn.py via axis-dim1, rename-all
import torch
import torch.nn.functional as F

def objective(z, labels, amount=0.1):
    scores = z.log_softmax(dim=1)
    mat = -scores.gather(dim=1, index=labels.unsqueeze(1)).sum()
    val = -scores.sum()
    c0 = amount / scores.size(1)
    return (1.0 - amount) * mat + c0 * val
