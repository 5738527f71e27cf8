# source: modelled on behnamasadi/PyTorchTutorial/loss_functions/index.py@88e3dc6d2ed3ebcc04a11f216a119a26cb4d1d19 (written for round b18b from the maths, not a copy)
import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIG = {
    "lr": 1e-3,
    "epochs": 3,
    "label_smoothing": 0.1,
}

# training criterion, smoothing read from the global config
criterion = nn.CrossEntropyLoss(label_smoothing=CONFIG["label_smoothing"], reduction="mean")
# a quick lambda for the fine-tuning stage
loss_fn = lambda out, y: F.cross_entropy(out, y, label_smoothing=0.05)
# evaluation uses the plain loss
eval_criterion = nn.CrossEntropyLoss()

# Batch of size 2, 3 classes -> logits
outputs = torch.tensor([[0.1, 0.3, 0.2], [0.4, 0.1, 0.2]])
# True class index (not one-hot!)
label = torch.tensor([2, 0])

print("train loss", criterion(outputs, label).item())
print("finetune loss", loss_fn(outputs, label).item())
print("eval loss", eval_criterion(outputs, label).item())
