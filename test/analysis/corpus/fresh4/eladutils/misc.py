# source: eladhoffer/utils.pytorch/misc.py@7a2bbdb80835af0cc29c79653ee544f8301caa2b
import random
import numpy as np
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential
from contextlib import contextmanager
from torch.nn.modules.batchnorm import _BatchNorm

torch_dtypes = {
    'float': torch.float,
    'float32': torch.float32,
    'float64': torch.float64,
    'double': torch.double,
    'float16': torch.float16,
    'half': torch.half,
    'uint8': torch.uint8,
    'int8': torch.int8,
    'int16': torch.int16,
    'short': torch.short,
    'int32': torch.int32,
    'int': torch.int,
    'int64': torch.int64,
    'long': torch.long
}


def onehot(indexes, N=None, ignore_index=None):
    """
    Creates a one-representation of indexes with N possible entries
    if N is not specified, it will suit the maximum index appearing.
    indexes is a long-tensor of indexes
    ignore_index will be zero in onehot representation
    """
    if N is None:
        N = indexes.max() + 1
    sz = list(indexes.size())
    output = indexes.new().byte().resize_(*sz, N).zero_()
    output.scatter_(-1, indexes.unsqueeze(-1), 1)
    if ignore_index is not None and ignore_index >= 0:
        output.masked_fill_(indexes.eq(ignore_index).unsqueeze(-1), 0)
    return output


@contextmanager
def no_bn_update(model):
    prev_momentum = {}
    for name, module in model.named_modules():
        if isinstance(module, nn.BatchNorm2d):
            prev_momentum[name] = module.momentum
            module.momentum = 0
    try:
        yield model
    finally:
        for name, module in model.named_modules():
            if isinstance(module, nn.BatchNorm2d):
                module.momentum = prev_momentum[name]


@contextmanager
def calibrate_bn(model):
    prev_attributes = {}
    for name, module in model.named_modules():
        if isinstance(module, _BatchNorm):
            prev_attributes[name] = prev_attributes.get(name, {})
            prev_attributes[name]['momentum'] = module.momentum
            prev_attributes[name]['track_running_stats'] = module.track_running_stats
            prev_attributes[name]['training'] = module.training
            module.momentum = None
            module.track_running_stats = True
            module.reset_running_stats()
            module.train()
    try:
        yield model
    finally:
        for name, module in model.named_modules():
            if isinstance(module, _BatchNorm):
                module.momentum = prev_attributes[name]['momentum']
                module.track_running_stats = prev_attributes[name]['track_running_stats']
                module.train(prev_attributes[name]['training'])
                


def set_global_seeds(i):
    try:
        import torch
    except ImportError:
        pass
    else:
        torch.manual_seed(i)
        if torch.cuda.is_available():
            torch.cuda.manual_seed_all(i)
    np.random.seed(i)
    random.seed(i)


class CheckpointModule(nn.Module):
    def __init__(self, module, num_segments=1):
        super(CheckpointModule, self).__init__()
        assert num_segments == 1 or isinstance(module, nn.Sequential)
        self.module = module
        self.num_segments = num_segments

    def forward(self, x):
        if self.num_segments > 1:
            return checkpoint_sequential(self.module, self.num_segments, x)
        else:
            return checkpoint(self.module, x)
