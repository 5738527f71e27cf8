# source: CIDARLAB/knoxAI/models/binary_classification/graph_conv.py@6c8badb297b28927fba8b05a11a0ad596470b7ec
import torch.nn.functional as F
from models.base_models import GraphConvBase

class GraphConvNet(GraphConvBase):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def loss(self, pred, label):
        return F.nll_loss(pred, label)
    
