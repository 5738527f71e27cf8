# source: Mikky574/WaterRemoteSensingSemanticSegmentation/utils/loss.py@1ac77c818d90f2e2af76977bf1206926e8ec7360
# 损失函数 - Dice Loss
def dice_loss(pred, target,smooth=1.0):
    pred_flat = pred.view(-1)
    target_flat = target.view(-1)
    intersection = (pred_flat * target_flat).sum()
    return 1 - ((2.0 * intersection + smooth) / (pred_flat.sum() + target_flat.sum() + smooth))
