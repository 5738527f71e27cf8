// Issue 8, item 5: Hugging Face training configurations that turn label smoothing on without loss code
// (`TrainingArguments(label_smoothing_factor=0.1)`) are uniform smoothing; a factor of 0, none given, another class
// with a similar keyword, or a trainer subclass that never applies it, claim nothing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { explainFinding } from '../../src/core/explain';
import { pythonWith } from '../support/torchPython';

function settings(lines: string[]): Finding[] {
  return analyzePython(lines.join('\n')).filter(
    (f) => f.kind === 'loss' && f.epsilonParam === 'label_smoothing_factor',
  );
}

function only(lines: string[]): Finding {
  const found = settings(lines);
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => [f.line, f.symbol, f.convention])));
  return found[0]!;
}

describe('analysis: Hugging Face training arguments that smooth (issue 8, item 5)', () => {
  it('TrainingArguments with a literal factor is uniform smoothing with that ε, its closest torch call ignoring -100', () => {
    const f = only([
      'from transformers import TrainingArguments',
      'args = TrainingArguments(output_dir="out", label_smoothing_factor=0.1, num_train_epochs=3)',
    ]);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilon, 0.1);
    assert.equal(f.torchEquivalent, null);
    assert.equal(
      f.details?.closestTorch?.call,
      'nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=-100)',
    );
    assert.match(f.message, /LabelSmoother instead of the model's own loss/);
    assert.match(f.details?.closestTorch?.why ?? '', /averaging over the tokens not labelled -100/);
  });

  it('every import spelling of TrainingArguments and Seq2SeqTrainingArguments, also inside a function', () => {
    const spellings: [string, string][] = [
      ['from transformers import Seq2SeqTrainingArguments', 'Seq2SeqTrainingArguments'],
      ['from transformers import TrainingArguments as TA', 'TA'],
      ['import transformers', 'transformers.TrainingArguments'],
      ['import transformers as hf', 'hf.Seq2SeqTrainingArguments'],
      ['from transformers.training_args_seq2seq import Seq2SeqTrainingArguments', 'Seq2SeqTrainingArguments'],
    ];
    for (const [imp, ctor] of spellings) {
      const f = only([
        imp,
        'def main():',
        `    args = ${ctor}(output_dir="o", label_smoothing_factor=0.2)`,
        '    return args',
      ]);
      assert.equal(f.convention, 'uniform', imp);
      assert.equal(f.epsilon, 0.2, imp);
      assert.equal(f.line, 3, imp);
    }
  });

  it('a factor from argparse or a config is uniform with ε unknown, the closest call written with it', () => {
    const f = only([
      'import argparse',
      'from transformers import Seq2SeqTrainingArguments',
      'p = argparse.ArgumentParser()',
      'p.add_argument("--label_smoothing", type=float, default=0.1)',
      'args = p.parse_args()',
      'ta = Seq2SeqTrainingArguments(output_dir="o", label_smoothing_factor=args.label_smoothing)',
    ]);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilon, null);
    assert.equal(
      f.details?.closestTorch?.call,
      'nn.CrossEntropyLoss(label_smoothing=args.label_smoothing, ignore_index=-100)',
    );
  });

  it('a module constant is read as its number', () => {
    const f = only([
      'from transformers import TrainingArguments',
      'LS = 0.15',
      'args = TrainingArguments(output_dir="o", label_smoothing_factor=LS)',
    ]);
    assert.equal(f.epsilon, 0.15);
  });

  it('no factor, None or **kwargs claim nothing; a literal 0 says there is no smoothing, without a convention', () => {
    for (const call of [
      'TrainingArguments(output_dir="o", learning_rate=3e-5)',
      'TrainingArguments(output_dir="o", label_smoothing_factor=None)',
      'TrainingArguments(output_dir="o", **cfg)',
    ]) {
      assert.deepEqual(settings(['from transformers import TrainingArguments', `args = ${call}`]), [], call);
    }
    for (const zero of ['0', '0.0', '0.', '0e0']) {
      const f = only([
        'from transformers import TrainingArguments',
        `a = TrainingArguments(label_smoothing_factor=${zero})`,
      ]);
      assert.equal(f.convention, null, zero);
      assert.match(f.message, /= 0: no label smoothing/, zero);
    }
  });

  it('the keyword on other classes and functions claims nothing', () => {
    const tempting = [
      ['from trl import DPOConfig', 'c = DPOConfig(output_dir="o", label_smoothing=0.1)'],
      [
        'from my_project.config import TrainingArguments',
        'a = TrainingArguments(label_smoothing_factor=0.1)',
      ],
      ['from gan import train', 'train(epochs=3, label_smoothing_factor=0.1)'],
      [
        'from dataclasses import dataclass',
        '@dataclass\nclass TrainingArguments:\n    label_smoothing_factor: float = 0.0\na = TrainingArguments(label_smoothing_factor=0.1)',
      ],
    ];
    for (const lines of tempting) {
      const claims = analyzePython(lines.join('\n')).filter(
        (f) => f.kind === 'loss' && f.convention !== null && f.convention !== 'none',
      );
      assert.deepEqual(claims, [], lines.join(' / '));
    }
  });

  it('a trainer subclass overriding compute_loss without self.label_smoother drops the factor; one reading it keeps it', () => {
    const script = (body: string) => [
      'from transformers import Trainer, TrainingArguments',
      'import torch.nn.functional as F',
      'class MyTrainer(Trainer):',
      '    def compute_loss(self, model, inputs, return_outputs=False):',
      body,
      'def main(model, ds):',
      '    args = TrainingArguments(output_dir="o", label_smoothing_factor=0.1)',
      '    trainer = MyTrainer(model=model, args=args, train_dataset=ds)',
      '    trainer.train()',
    ];
    const dropped = only(script('        return F.cross_entropy(model(**inputs).logits, inputs["labels"])'));
    assert.equal(dropped.convention, null);
    assert.match(dropped.message, /`MyTrainer` overrides `compute_loss` without `self\.label_smoother`/);
    const kept = only(script('        return self.label_smoother(model(**inputs), inputs.pop("labels"))'));
    assert.equal(kept.convention, 'uniform');
    assert.equal(kept.epsilon, 0.1);
  });

  it('the hover shows the closest torch call, what differs, the target and the ignored -100 tokens', () => {
    const f = only([
      'from transformers import TrainingArguments',
      'a = TrainingArguments(label_smoothing_factor=0.1)',
    ]);
    const hover = explainFinding(f, { detail: 'full', defaultEpsilon: 0.1 });
    assert.match(
      hover,
      /\*\*Closest torch call:\*\*\n\n```python\nnn\.CrossEntropyLoss\(label_smoothing=0\.1, ignore_index=-100\)\n```/,
    );
    assert.match(hover, /Not exact: the trainer calls it on every token/);
    assert.match(hover, /\| 0\.92 \| 0\.02 \|/);
    assert.match(hover, /`ignore_index` \(\\-100\) are excluded from the loss, the smoothing term/);
  });

  it("transformers' LabelSmoother re-written in torch equals uniform ε/K and the closest call on flattened logits", function () {
    const python = pythonWith(['torch']);
    if (!python) this.skip(); // skipped: no Python with torch here
    const script = join(__dirname, '..', '..', 'scripts', 'corpus', 'verify_hf_label_smoother.py');
    const run = spawnSync(python!, [script], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /vs nn\.CrossEntropyLoss\(ignore_index=-100\): max \|difference\| \(value, gradient\) = /,
    );
  });
});
