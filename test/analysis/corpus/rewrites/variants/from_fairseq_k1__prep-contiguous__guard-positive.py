# rewrite-of: bases/from_fairseq_k1.py via prep-contiguous, guard-positive
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduce=True):
    if epsilon > 0:
        lprobs = lprobs.contiguous()
        if target.dim() == lprobs.dim() - 1:
            target = target.unsqueeze(-1)
        nll_loss = -lprobs.gather(dim=-1, index=target)
        smooth_loss = -lprobs.sum(dim=-1, keepdim=True)
        if ignore_index is not None:
            pad_mask = target.eq(ignore_index)
            nll_loss.masked_fill_(pad_mask, 0.0)
            smooth_loss.masked_fill_(pad_mask, 0.0)
        else:
            nll_loss = nll_loss.squeeze(-1)
            smooth_loss = smooth_loss.squeeze(-1)
        if reduce:
            nll_loss = nll_loss.sum()
            smooth_loss = smooth_loss.sum()
        eps_i = epsilon / (lprobs.size(-1) - 1)
        loss = (1.0 - epsilon - eps_i) * nll_loss + eps_i * smooth_loss
        return (loss, nll_loss)
    else:
        return (F.nll_loss(lprobs, target, reduction='sum'), F.nll_loss(lprobs, target, reduction='sum'))
