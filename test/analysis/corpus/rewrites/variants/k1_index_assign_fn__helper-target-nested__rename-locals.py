# rewrite-of: bases/k1_index_assign_fn.py via helper-target-nested, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(nxt, aux, tau=0.1):
    width, size_ = nxt.shape
    buf = F.log_softmax(nxt, dim=-1)

    def _smooth_targets(arr, alpha, lp, vec, tgt):
        labels = torch.full_like(arr, alpha / (lp - 1))
        labels[torch.arange(tgt), vec] = 1.0 - alpha
        return labels
    cnt = _smooth_targets(buf, tau, size_, aux, width)
    return -(cnt * buf).sum()
