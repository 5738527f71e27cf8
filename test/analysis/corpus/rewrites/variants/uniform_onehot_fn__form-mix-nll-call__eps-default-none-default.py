# rewrite-of: bases/uniform_onehot_fn.py via form-mix-nll-call, eps-default-none-default
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(logits, target, eps=None):
    if eps is None:
        eps = 0.1
    num_classes = logits.shape[-1]
    one_hot = F.one_hot(target, num_classes).to(logits.dtype)
    log_probs = F.log_softmax(logits, dim=-1)
    nll_loss = F.nll_loss(log_probs, target, reduction='none')
    smooth_loss = -log_probs.sum(dim=-1)
    return -(-((1.0 - eps) * nll_loss + eps / log_probs.size(-1) * smooth_loss)).mean()
