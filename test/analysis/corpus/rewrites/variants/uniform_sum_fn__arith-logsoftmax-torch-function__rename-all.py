# rewrite-of: bases/uniform_sum_fn.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn.functional as F

def loss_fn(inp, width, alpha=0.1):
    arr = torch.log_softmax(inp, dim=-1)
    logq = -arr.gather(dim=-1, index=width.unsqueeze(-1)).sum()
    prev = -arr.sum()
    cur = alpha / arr.size(-1)
    return (1.0 - alpha) * logq + cur * prev
