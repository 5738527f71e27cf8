# rewrite-of: bases/k1_fill_scatter.py via helper-logsoftmax-static, rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):

    def __init__(self, preds, lam=0.1):
        super().__init__()
        self.scale_ = 1.0 - lam
        self.mix = lam
        self.red = preds

    @staticmethod
    def normalize_logits(labels):
        return labels.log_softmax(dim=-1)

    def forward(self, outputs, cur):
        outputs = self.normalize_logits(outputs)
        with torch.no_grad():
            emb = torch.zeros_like(outputs)
            emb.fill_(self.mix / (self.red - 1))
            emb.scatter_(1, cur.unsqueeze(1), self.scale_)
        return torch.mean(torch.sum(-emb * outputs, dim=-1))
