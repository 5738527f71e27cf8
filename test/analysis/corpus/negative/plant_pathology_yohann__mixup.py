# source: yohann84L/plant_pathology_2020/losses/mixup.py@8c0150c8d4331c7811b200c77035dbf4bda9ead5
class MixupCriterion(object):
    def __call__(self, criterion, pred, y_a, y_b, lam):
        return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)
