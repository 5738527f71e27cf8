# source: felixglush/kaggle-cassava-disease-classification/loss_functions.py@38f2fb1c21f58b3f2c82ca38bd39c8877544bafd
import torch

"""
Ideas:
- https://ai.googleblog.com/2019/08/bi-tempered-logistic-loss-for-training.html
- https://github.com/mlpanda/bi-tempered-loss-pytorch/blob/master/bi_tempered_loss.py
- https://www.kaggle.com/c/siim-isic-melanoma-classification/discussion/173733
"""


# https://github.com/pytorch/pytorch/issues/7455#issuecomment-513062631
class LabelSmoothingLoss(torch.nn.Module):
    def __init__(self, num_classes, smoothing=0.0, dim=-1):
        super(LabelSmoothingLoss, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.num_classes = num_classes
        self.dim = dim

    def forward(self, pred, labels):
        x = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            weight = torch.zeros_like(x)
            weight.fill_(self.smoothing / (self.num_classes - 1))
            # randomly scatter self.confidence at indexes across first (col) dimension
            weight.scatter_(1, labels.data.unsqueeze(1), self.confidence)
        dist_lsm_input = -weight * x
        return torch.mean(torch.sum(dist_lsm_input, dim=self.dim))


# ----------------------------------------------------------------
# BI TEMPERED LOSS
# https://ai.googleblog.com/2019/08/bi-tempered-logistic-loss-for-training.html
# https://github.com/mlpanda/bi-tempered-loss-pytorch/blob/master/bi_tempered_loss.py
# ----------------------------------------------------------------

def log_t(u, t):
    """Compute log_t for `u`."""

    if t == 1.0:
        return torch.log(u)
    else:
        return (u ** (1.0 - t) - 1.0) / (1.0 - t)


def exp_t(u, t):
    """Compute exp_t for `u`."""

    if t == 1.0:
        return torch.exp(u)
    else:
        return torch.relu(1.0 + (1.0 - t) * u) ** (1.0 / (1.0 - t))


def compute_normalization_fixed_point(activations, t, num_iters=5):
    """Returns the normalization value for each example (t > 1.0).
    Args:
    activations: A multi-dimensional tensor with last dimension `num_classes`.
    t: Temperature 2 (> 1.0 for tail heaviness).
    num_iters: Number of iterations to run the method.
    Return: A tensor of same rank as activation with the last dimension being 1.
    """

    mu = torch.max(activations, dim=-1).values.view(-1, 1)
    normalized_activations_step_0 = activations - mu

    normalized_activations = normalized_activations_step_0
    i = 0
    while i < num_iters:
        i += 1
        logt_partition = torch.sum(exp_t(normalized_activations, t), dim=-1).view(-1, 1)
        normalized_activations = normalized_activations_step_0 * (logt_partition ** (1.0 - t))

    logt_partition = torch.sum(exp_t(normalized_activations, t), dim=-1).view(-1, 1)
    return -log_t(1.0 / logt_partition, t) + mu


def compute_normalization(activations, t, num_iters=5):
    """Returns the normalization value for each example.
    Args:
    activations: A multi-dimensional tensor with last dimension `num_classes`.
    t: Temperature 2 (< 1.0 for finite support, > 1.0 for tail heaviness).
    num_iters: Number of iterations to run the method.
    Return: A tensor of same rank as activation with the last dimension being 1.
    """

    if t < 1.0:
        return None  # not implemented as these values do not occur in the authors experiments...
    else:
        point = compute_normalization_fixed_point(activations, t, num_iters)
        return point


def tempered_softmax(activations, t, num_iters=5):
    """Tempered softmax function.
    Args:
    activations: A multi-dimensional tensor with last dimension `num_classes`.
    t: Temperature tensor > 0.0.
    num_iters: Number of iterations to run the method.
    Returns:
    A probabilities tensor.
    """

    if t == 1.0:
        normalization_constants = torch.log(torch.sum(torch.exp(activations), dim=-1)).unsqueeze(1)
    else:
        normalization_constants = compute_normalization(activations, t, num_iters)
    return exp_t(activations - normalization_constants, t)


def bi_tempered_logistic_loss(activations, labels, t1, t2, label_smoothing=0.0, num_iters=5):
    """Bi-Tempered Logistic Loss with custom gradient.
    Args:
    activations: A multi-dimensional tensor with last dimension `num_classes`.
    labels: A tensor with shape and dtype as activations.
    t1: Temperature 1 (< 1.0 for boundedness).
    t2: Temperature 2 (> 1.0 for tail heaviness, < 1.0 for finite support).
    label_smoothing: Label smoothing parameter between [0, 1).
    num_iters: Number of iterations to run the method.
    Returns:
    A loss tensor.
    """

    #if label_smoothing > 0.0:
        #num_classes = labels.shape[-1]
        #labels = (1 - num_classes / (num_classes - 1) * label_smoothing) * labels + label_smoothing / (num_classes - 1)

    probabilities = tempered_softmax(activations, t2, num_iters)

    temp1 = (log_t(labels + 1e-10, t1) - log_t(probabilities, t1)) * labels
    temp2 = (1 / (2 - t1)) * (torch.pow(labels, 2 - t1) - torch.pow(probabilities, 2 - t1))
    loss_values = temp1 - temp2
    loss = torch.sum(loss_values, dim=-1)
    return loss


class BiTemperedLoss(torch.nn.Module):
    def __init__(self, t1, t2, num_classes, smoothing=0.0, reduction='mean', dim=-1):
        super(BiTemperedLoss, self).__init__()
        self.dim = dim
        self.smoothing = smoothing
        self.num_classes = num_classes
        self.t1 = t1
        self.t2 = t2
        self.reduction = reduction

    def forward(self, pred, labels):
        # generate smoothed label tensor of shape [samples, classes]
        with torch.no_grad():
            weighted_labels = torch.zeros_like(pred)
            weighted_labels.fill_(self.smoothing / (self.num_classes - 1))
            # randomly scatter self.confidence at indexes across first (col) dimension
            weighted_labels.scatter_(1, labels.data.unsqueeze(1), 1 - self.smoothing)
        loss = bi_tempered_logistic_loss(pred, weighted_labels, self.t1, self.t2, label_smoothing=0.05)
        if self.reduction == 'mean':
            return torch.mean(loss, dim=self.dim)
        if self.reduction == 'sum':
            return torch.sum(loss, dim=self.dim)

