import { parser } from '@lezer/python';
import { buildModule, type Definition, findDefinition, type ModuleContext } from './module';

/**
 * Loss helpers of well-known libraries, known the way torch's own losses are: when a file imports one of these
 * names from a matching module and does not define it, the call runs the catalogue's definition. Each is our own
 * minimal Python with the library's signature and the maths it computes (checked against the libraries'
 * conventions in the corpus), not a copy of theirs.
 */
interface LibraryLoss {
  name: string;
  /** Other names the same definition is exported under. */
  aliases?: string[];
  /** The dotted import path (after alias resolution) it must come from; relative imports keep their dots. */
  from: RegExp;
  source: string;
}

const CATALOGUE: LibraryLoss[] = [
  {
    // fairseq (criterions/label_smoothed_cross_entropy.py): ε/(K−1) on the other classes, summed.
    name: 'label_smoothed_nll_loss',
    from: /(^|\.)fairseq\.|(^|\.)label_smoothed_cross_entropy\.label_smoothed_nll_loss$/,
    source: `
def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduce=True):
    nll = -lprobs.gather(dim=-1, index=target)
    smooth = -lprobs.sum(dim=-1, keepdim=True)
    eps_i = epsilon / (lprobs.size(-1) - 1)
    loss = ((1.0 - epsilon - eps_i) * nll + eps_i * smooth).sum()
    return loss, nll.sum()
`,
  },
  {
    // pytorch-toolbelt / segmentation_models_pytorch (losses/functional.py): ε/K over all classes.
    name: 'label_smoothed_nll_loss',
    from: /pytorch_toolbelt|segmentation_models_pytorch|(^|\.)_?functional\.label_smoothed_nll_loss$/,
    source: `
def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None, reduction="mean", dim=-1):
    nll = -lprobs.gather(dim=dim, index=target.unsqueeze(dim))
    smooth = -lprobs.sum(dim=dim, keepdim=True)
    eps_i = epsilon / lprobs.size(dim)
    return ((1.0 - epsilon) * nll + eps_i * smooth).mean()
`,
  },
  {
    // YOLOv5 / ultralytics (utils/loss.py, utils/metrics.py): positive and negative BCE targets.
    name: 'smooth_BCE',
    aliases: ['smooth_bce'],
    from: /(^|\.)smooth_(BCE|bce)$/,
    source: `
def smooth_BCE(eps=0.1):
    return 1.0 - 0.5 * eps, 0.5 * eps
`,
  },
  {
    // timm (loss/cross_entropy.py)
    name: 'LabelSmoothingCrossEntropy',
    from: /(^|\.)timm\./,
    source: `
class LabelSmoothingCrossEntropy(nn.Module):
    def __init__(self, smoothing=0.1):
        self.smoothing = smoothing

    def forward(self, x, target):
        logprobs = F.log_softmax(x, dim=-1)
        nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth = -logprobs.mean(dim=-1)
        return ((1.0 - self.smoothing) * nll + self.smoothing * smooth).mean()
`,
  },
  {
    name: 'SoftTargetCrossEntropy',
    from: /(^|\.)timm\./,
    source: `
class SoftTargetCrossEntropy(nn.Module):
    def forward(self, x, target):
        return torch.sum(-target * F.log_softmax(x, dim=-1), dim=-1).mean()
`,
  },
];

const PRELUDE = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

let parsed: Map<LibraryLoss, { mod: ModuleContext; def: Definition }> | null = null;

/** The catalogue parsed once: it is constant, so this is a table, not a cache of anything that changes. */
function catalogue(): Map<LibraryLoss, { mod: ModuleContext; def: Definition }> {
  if (parsed) return parsed;
  parsed = new Map();
  for (const entry of CATALOGUE) {
    const text = PRELUDE + entry.source;
    const mod = buildModule(parser.parse(text), text);
    const def = findDefinition(mod, entry.name, text.length);
    if (def) parsed.set(entry, { mod, def });
  }
  return parsed;
}

/** The catalogue definition a call to an imported `name` (resolved to `qualified`) stands for, if any. */
export function libraryDefinition(qualified: string): { mod: ModuleContext; def: Definition } | null {
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  for (const [entry, found] of catalogue()) {
    const named = entry.name === name || entry.aliases?.includes(name);
    if (named && entry.from.test(qualified)) return found;
  }
  return null;
}
