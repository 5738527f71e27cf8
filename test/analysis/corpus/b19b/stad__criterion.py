# source: taikiinoue45/STAD/stad/trainer/criterion.py@6d6aaade5cc8c93e1266eef04f7a0785b5c5b92e
import torch.nn

import stad.typehint as T


class TrainerCriterion:

    cfg: T.DictConfig

    def init_criterion(self) -> T.Loss:

        criterion_attr = getattr(torch.nn, self.cfg.criterion.name)
        args = self.cfg.criterion.args
        if args:
            return criterion_attr(**args)
        else:
            return criterion_attr()
