# source: tpnam0901/GPT2/src/models/losses.py@2b6a2df5780f84b186f5b677ebf980771d8bfb97
import torch.nn as nn


class GPTLoss(nn.Module):
    def __init__(self):
        super(GPTLoss, self).__init__()
        self.ccl = nn.CrossEntropyLoss()

    def forward(self, inputs, targets):
        return self.ccl(inputs, targets)
