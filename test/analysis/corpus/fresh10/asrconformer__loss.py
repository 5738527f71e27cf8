# source: Torfinhell/ASR_Conformer/src/loss/loss.py@967d9d7b8154dc6b032c1cfb10a3127a49dd77e8
import torch
class CTCLossWrapper(torch.nn.CTCLoss):
    def forward(
        self, log_probs, log_probs_length, text_encoded, text_encoded_lengths, **batch
    )->torch.Tensor:
        log_probs_t=torch.transpose(log_probs, 0,1)
        loss=super().forward(
            log_probs=log_probs_t,
            targets=text_encoded,
            input_lengths=log_probs_length,
            target_lengths=text_encoded_lengths
        )
        return {"loss":loss}