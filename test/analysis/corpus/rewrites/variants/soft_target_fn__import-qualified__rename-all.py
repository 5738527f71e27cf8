# rewrite-of: bases/soft_target_fn.py via import-qualified, rename-all
import torch
import torch.nn.functional

def train_objective(term_a, dist):
    preds = torch.nn.functional.log_softmax(term_a, dim=-1)
    lp = torch.sum(-dist * preds, dim=-1)
    return lp.mean()
