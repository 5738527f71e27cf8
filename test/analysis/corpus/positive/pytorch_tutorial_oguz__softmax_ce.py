# source: modelled on oguzhangencer/pytorch_tutorial/softmax_and_crossentorpy.py@dc230fe1f11ba8a3a5974ca39d9681c21dd3ffbb (written for round b18b from the maths, not a copy)
import numpy as np
import torch
import torch.nn as nn


def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), axis=0)


def ce_smooth_manual(logits, y, eps=0.2):
    # logsumexp form of log-softmax, target built with scatter_add_
    logp = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    K = logits.shape[1]
    target = torch.full_like(logp, eps / K)
    target.scatter_add_(1, y[:, None], torch.full((len(y), 1), 1 - eps, dtype=logp.dtype))
    return -(target * logp).sum(dim=1).mean()


loss = nn.CrossEntropyLoss(label_smoothing=0.2)

x = np.array([2.0, 1.0, 0.1])
print('softmax numpy:', softmax(x))

Y = torch.tensor([2, 0, 1])
Y_pred = torch.tensor([[0.1, 1.0, 2.1], [2.0, 1.0, 0.1], [0.1, 3.0, 0.1]])
print('torch', loss(Y_pred, Y).item(), 'by hand', ce_smooth_manual(Y_pred, Y).item())
