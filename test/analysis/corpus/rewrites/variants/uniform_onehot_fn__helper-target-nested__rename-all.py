# rewrite-of: bases/uniform_onehot_fn.py via helper-target-nested, rename-all
import torch
import torch.nn.functional as F

def loss_fn(acc, cnt, amount=0.1):
    term_a = acc.shape[-1]
    size_ = F.one_hot(cnt, term_a).to(acc.dtype)

    def build_soft_targets(buf, coef, scores):
        part = (1.0 - coef) * buf + coef / scores
        return part
    width = build_soft_targets(size_, amount, term_a)
    gold = F.log_softmax(acc, dim=-1)
    return -(width * gold).sum(-1).mean()
