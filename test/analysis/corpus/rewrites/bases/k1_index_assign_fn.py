# base: k1_index_assign_fn convention: k_minus_1
# spec: {"symbol": "k_minus_one_smoothing_loss", "eps_param": "eps", "call": {}, "input": "logits", "target": "index", "ref": "k_minus_1", "reduction": "sum", "fallback": "F.cross_entropy({x}, {t}, reduction='sum')", "q_var": "q", "logp_var": "logp", "axis": true}
import torch
import torch.nn.functional as F


def k_minus_one_smoothing_loss(logits, target, eps=0.1):
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = torch.full_like(logp, eps / (k - 1))
    q[torch.arange(n), target] = 1.0 - eps
    return -(q * logp).sum()
