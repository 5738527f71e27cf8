# base: uniform_onehot_fn convention: uniform
# spec: {"symbol": "smoothed_cross_entropy", "eps_param": "eps", "call": {}, "input": "logits", "target": "index", "ref": "uniform", "reduction": "mean", "fallback": "F.cross_entropy({x}, {t})", "q_var": "soft_target", "logp_var": "log_probs", "axis": true}
import torch
import torch.nn.functional as F


def smoothed_cross_entropy(logits, target, eps=0.1):
    num_classes = logits.shape[-1]
    one_hot = F.one_hot(target, num_classes).to(logits.dtype)
    soft_target = (1.0 - eps) * one_hot + eps / num_classes
    log_probs = F.log_softmax(logits, dim=-1)
    return -(soft_target * log_probs).sum(-1).mean()
