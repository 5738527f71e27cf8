# base: soft_target_fn convention: soft_target
# spec: {"symbol": "soft_target_cross_entropy", "eps_param": null, "call": {}, "input": "logits", "target": "soft", "ref": "soft_target", "reduction": "mean", "q_var": "target", "logp_var": "log_probs", "axis": false}
import torch
import torch.nn.functional as F


def soft_target_cross_entropy(logits, target):
    log_probs = F.log_softmax(logits, dim=-1)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
