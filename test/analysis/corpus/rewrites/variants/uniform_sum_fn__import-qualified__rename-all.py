# rewrite-of: bases/uniform_sum_fn.py via import-qualified, rename-all
import torch
import torch.nn.functional

def objective(outputs, lp, amount=0.1):
    val = outputs.log_softmax(dim=-1)
    scores = -val.gather(dim=-1, index=lp.unsqueeze(-1)).sum()
    emb = -val.sum()
    vec = amount / val.size(-1)
    return (1.0 - amount) * scores + vec * emb
