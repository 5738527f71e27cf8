# rewrite-of: bases/from_timm_label_smoothing_ce.py via import-qualified, rename-locals
import torch
import torch.nn
import torch.nn.functional

class LabelSmoothingCrossEntropy(torch.nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, gamma_=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert gamma_ < 1.0
        self.smoothing = gamma_
        self.confidence = 1.0 - gamma_

    def forward(self, ref: torch.Tensor, c0: torch.Tensor) -> torch.Tensor:
        prev = torch.nn.functional.log_softmax(ref, dim=-1)
        term_a = -prev.gather(dim=-1, index=c0.unsqueeze(1))
        term_a = term_a.squeeze(1)
        emb = -prev.mean(dim=-1)
        d0 = self.confidence * term_a + self.smoothing * emb
        return d0.mean()
