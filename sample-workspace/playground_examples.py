"""Select a tensor below and run "Loss Lens: Send Selection to Playground"."""
import torch
import torch.nn.functional as F

logits = torch.tensor([[0.0, 0.2, 0.7, 0.1, 0.0],
                       [0.0, 0.9, 0.2, 0.2, 1.0],
                       [1.0, 0.2, 0.7, 0.9, 1.0]])
targets = torch.tensor([2, 1, 0])

print(F.cross_entropy(logits, targets, label_smoothing=0.5))  # tensor(1.4670)
