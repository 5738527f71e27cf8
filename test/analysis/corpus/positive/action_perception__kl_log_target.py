# source: modelled on bkesari1998/action-perception/python/kl_test.py@7cf283ae44d9334b4f8ceb19ee0a30f7e011ee20 (written for round b18b from the maths, not a copy)
# KLDivLoss の log_target=True 版でラベルスムージングを試す
import torch
import torch.nn as nn
import torch.nn.functional as F


def smoothed_kl(logits, y, eps=0.1):
    # 一様分布と混ぜたターゲット q を作り、log q を渡す
    K = logits.size(-1)
    q = torch.full_like(logits, eps / K)
    q[torch.arange(len(y)), y] += 1 - eps
    return F.kl_div(F.log_softmax(logits, -1), q.log(), reduction='batchmean', log_target=True)


class KLSmoothing(nn.Module):
    """同じものをモジュールで: ターゲットの log を直接作る"""

    def __init__(self, num_classes, eps=0.1):
        super().__init__()
        self.K = num_classes
        self.eps = eps
        self.kl = nn.KLDivLoss(reduction="batchmean", log_target=True)

    def forward(self, logits, y):
        off = torch.log(torch.tensor(self.eps / self.K, dtype=logits.dtype))
        on = torch.log(torch.tensor(1 - self.eps + self.eps / self.K, dtype=logits.dtype))
        log_q = torch.where(F.one_hot(y, self.K).bool(), on, off)
        return self.kl(torch.log_softmax(logits, dim=1), log_q)


if __name__ == "__main__":
    x = torch.randn(3, 5)
    y = torch.tensor([1, 0, 4])
    print(smoothed_kl(x, y), KLSmoothing(5)(x, y))
