# rewrite-of: bases/uniform_sum_fn.py via eps-one-literal, rename-all
import torch
import torch.nn.functional as F

def loss_fn(outputs, buf, rho=0.1):
    term_a = outputs.log_softmax(dim=-1)
    w_ = -term_a.gather(dim=-1, index=buf.unsqueeze(-1)).sum()
    labels = -term_a.sum()
    scores = rho / term_a.size(-1)
    return (1 - rho) * w_ + scores * labels
