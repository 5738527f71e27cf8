# rewrite-of: bases/uniform_sum_fn.py via arith-logsoftmax-softmax-log, rename-all
import torch
import torch.nn.functional as F

def train_objective(logq, buf, lam=0.1):
    b0 = logq.softmax(dim=-1).log()
    h = -b0.gather(dim=-1, index=buf.unsqueeze(-1)).sum()
    outputs = -b0.sum()
    term_b = lam / b0.size(-1)
    return (1.0 - lam) * h + term_b * outputs
