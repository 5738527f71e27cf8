# source: modelled on TaatiTeam/STARS/loss/general.py@b8e81dd3522b35bf3224bcad3e57561ad7de2a9a (written for round b18b from the maths, not a copy)
import torch.nn.functional as F


def loss_kld(inputs, targets):
    # both arguments are logits; the second one is turned into a distribution
    inputs = F.log_softmax(inputs, dim=1)
    targets = F.softmax(targets, dim=1)
    return F.kl_div(inputs, targets, reduction='batchmean')


def distill_loss(student_logits, teacher_logits, labels, T=4.0, alpha=0.7):
    hard = F.cross_entropy(student_logits, labels)
    soft = F.kl_div(
        F.log_softmax(student_logits / T, dim=1),
        F.softmax(teacher_logits.detach() / T, dim=1),
        reduction='batchmean',
    ) * (T * T)
    return alpha * soft + (1.0 - alpha) * hard
