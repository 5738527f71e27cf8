# source: huangyingw/fastai_fastbook/exercise/binary_cross_entropy.py@8ecec63666689de114efd0abb07911597ef71d13
from fastai.vision.all import *
from fastbook import *
import fastbook
fastbook.setup_book()


def binary_cross_entropy(inputs, targets):
    inputs = inputs.sigmoid()
    return -torch.where(targets == 1, inputs, 1 - inputs).log().mean()
