# rewrite-of: bases/uniform_onehot_fn.py via shape-ctor-num-classes, prep-rows-view
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(logits, target, eps=0.1, *, n_classes):
    logits = logits.view(-1, logits.size(-1))
    num_classes = n_classes
    one_hot = F.one_hot(target, num_classes).to(logits.dtype)
    soft_target = (1.0 - eps) * one_hot + eps / num_classes
    log_probs = F.log_softmax(logits, dim=-1)
    return -(soft_target * log_probs).sum(-1).mean()
