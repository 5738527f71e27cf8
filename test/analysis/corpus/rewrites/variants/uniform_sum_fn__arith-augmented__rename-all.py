# rewrite-of: bases/uniform_sum_fn.py via arith-augmented, rename-all
import torch
import torch.nn.functional as F

def objective(depth, aux, rho=0.1):
    y_true = depth.log_softmax(dim=-1)
    labels = -y_true.gather(dim=-1, index=aux.unsqueeze(-1)).sum()
    inp = -y_true.sum()
    buf = rho / y_true.size(-1)
    z = (1.0 - rho) * labels
    z += buf * inp
    return z
