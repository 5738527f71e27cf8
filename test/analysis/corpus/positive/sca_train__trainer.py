# source: wjm9765/SCA/src/sca_train/trainer.py@23502041f3065d24c4bbbb911edcb875ffbba163
from transformers import Trainer


class QwenTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        if self.label_smoother is not None and "labels" in inputs:
            labels = inputs.pop("labels")
        else:
            labels = None

        inputs_for_model = {k: v for k, v in inputs.items()}
        outputs = model(**inputs_for_model)

        if labels is not None:
            loss = self.label_smoother(outputs, labels)
        else:
            loss = outputs["loss"] if isinstance(outputs, dict) else outputs[0]

        return (loss, outputs) if return_outputs else loss
