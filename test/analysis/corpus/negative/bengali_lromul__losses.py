# source: lRomul/argus-bengali-ai/src/losses.py@071fbf5ffb8d9b2cc86ed5c687f6650e0edec935
from torch import nn


class BengaliAiCrossEntropy(nn.Module):
    def __init__(self,
                 grapheme_weight=2.0,
                 vowel_weight=1.0,
                 consonant_weight=1.0,
                 binary=True):
        super(BengaliAiCrossEntropy, self).__init__()

        self.grapheme_weight = grapheme_weight
        self.vowel_weight = vowel_weight
        self.consonant_weight = consonant_weight
        self.binary = binary

        loss = nn.BCEWithLogitsLoss if binary else nn.CrossEntropyLoss

        self.grapheme_ce = loss()
        self.vowel_ce = loss()
        self.consonant_ce = loss()

    def __call__(self, pred, target):
        grapheme_pred, vowel_pred, consonant_pred = pred
        grapheme_target, vowel_target, consonant_target = target

        loss = 0
        if self.grapheme_weight:
            loss += self.grapheme_weight \
                    * self.grapheme_ce(grapheme_pred, grapheme_target)

        if self.vowel_weight:
            loss += self.vowel_weight \
                    * self.vowel_ce(vowel_pred, vowel_target)

        if self.consonant_weight:
            loss += self.consonant_weight \
                    * self.consonant_ce(consonant_pred, consonant_target)

        return loss
