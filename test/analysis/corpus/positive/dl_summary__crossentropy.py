# source: modelled on nguyenbui45/Deep-learning-summary/codes/crossentropy.py@6978d55bb08149a4339277a7e67c60c44e2c676c (written for round b18b from the maths, not a copy)
# Summary notes: cross-entropy three ways (by hand, with smoothing, with bootstrapping)
import torch
import torch.nn.functional as F


def manual_cross_entropy(predicts, labels):
    # softmax, pick the true class probability, -log, mean
    output_probs = F.softmax(predicts, dim=1)
    true_class_probs = output_probs.gather(1, labels.view(-1, 1))
    return torch.mean(-torch.log(true_class_probs))


def smoothed_ce(predicts, labels, eps=0.1):
    # log-softmax written out: x - log(sum(exp(x)))
    logp = predicts - predicts.exp().sum(dim=1, keepdim=True).log()
    nll = -logp[torch.arange(len(labels)), labels]
    uniform_term = -logp.mean(dim=1)
    return ((1 - eps) * nll + eps * uniform_term).mean()


def bootstrap_soft_ce(predicts, labels, beta=0.95):
    # Reed et al.: the target is a mix of the label and the model's own (detached) prediction
    probs = F.softmax(predicts, dim=1)
    onehot = torch.zeros_like(probs).scatter_(1, labels.unsqueeze(1), 1.0)
    target = beta * onehot + (1.0 - beta) * probs.detach()
    return -(target * torch.log(probs)).sum(dim=1).mean()


if __name__ == "__main__":
    g_cpu = torch.Generator()
    g_cpu.manual_seed(12)
    predicts = torch.randn(4, 10, generator=g_cpu)
    labels = torch.LongTensor([2, 3, 0, 1])
    print(manual_cross_entropy(predicts, labels), F.cross_entropy(predicts, labels))
    print(smoothed_ce(predicts, labels), F.cross_entropy(predicts, labels, label_smoothing=0.1))
    print(bootstrap_soft_ce(predicts, labels))
