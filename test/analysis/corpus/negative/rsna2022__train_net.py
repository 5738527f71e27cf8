# source: kanazashi-s/rsna_2022_v1/src/single/two_view_concat/model/train_net.py@53d31bc6022daaf46670a584e5801482ec2de756
import pytorch_lightning as pl


class TrainNetMixin(pl.LightningModule):
    def training_step(self, batch, batch_idx):
        inputs, labels = batch
        outputs = self.forward(inputs)
        loss = self.loss(outputs, labels)
        self.log('train_loss', loss, on_step=True, on_epoch=True, prog_bar=True, logger=True)
        return loss
