# source: eth-easl/fmengine/fmengine/optimizers/loss_func.py@337bd8e550dafee4ae962953b15b560e9ad7ba32
import torch.nn.functional as F

def loss_fn(outputs, labels):
    # unpack
    logits, = outputs
    # all labels are `ignore_index` will cause nan
    return F.cross_entropy(
        logits.view(-1, logits.shape[-1]),
        labels.view(-1),
    )
