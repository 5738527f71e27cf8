# rewrite-of: bases/binary_logsigmoid_fn.py via eps-default-module-constant, rename-all
import torch
import torch.nn.functional as F
LABEL_SMOOTHING = 0.1

def loss_fn(tmp, aux, tau=LABEL_SMOOTHING):
    width = aux * (1 - tau) + 0.5 * tau
    b0 = width * F.logsigmoid(tmp)
    y_true = (1 - width) * F.logsigmoid(-tmp)
    return -(b0 + y_true).sum()
