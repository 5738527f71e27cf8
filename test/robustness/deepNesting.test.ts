import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { AnalysisSession, type Finding } from '../../src/core/analysis';

const LOSS_CLASS = `import torch.nn.functional as F

class SmoothCE(torch.nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, x, y):
        logp = F.log_softmax(x, dim=-1)
        nll = -logp.gather(-1, y.unsqueeze(-1)).squeeze(-1)
        return ((1 - self.eps) * nll - self.eps * logp.mean(dim=-1)).mean()
`;

/**
 * Each nests deeper than the recursive passes' stack allows (the issue's repros: 2,000 / 1,200 / 3,000 levels).
 * Caching sessions key every constant of a chain by the whole chain (quadratic): that case runs uncached only.
 */
const DEEP: Record<string, { text: string; caching: boolean[] }> = {
  'nested list literals': { text: `deep = ${'['.repeat(5000)}${']'.repeat(5000)}\n`, caching: [false, true] },
  'nested calls': {
    text: `deep = ${'F.softmax('.repeat(1500)}${')'.repeat(1500)}\n`,
    caching: [false, true],
  },
  'chained module constants': {
    text: `${Array.from({ length: 4000 }, (_, i) => (i ? `c${i} = c${i - 1} + 1` : 'c0 = 0.1')).join('\n')}\nbad = F.cross_entropy(a, b, label_smoothing=c3999)\n`,
    caching: [false],
  },
};

const summary = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.symbol} ${f.convention ?? ''}`);

describe('robustness: deep nesting degrades per statement (issue 9 item 10)', () => {
  const expected = summary(new AnalysisSession({ cache: false }).analyzePython(LOSS_CLASS));

  it('the loss class alone is found (the comparison below is not vacuous)', () => {
    assert.ok(expected.includes('loss SmoothCE uniform'), expected.join('\n'));
  });

  for (const [what, { text: deep, caching }] of Object.entries(DEEP)) {
    describe(what, () => {
      for (const [where, text] of [
        ['after the class', LOSS_CLASS + deep],
        ['before the class', deep + LOSS_CLASS],
      ] as const) {
        it(`keeps the loss class's findings ${where}`, () => {
          for (const cache of caching) {
            const session = new AnalysisSession({ cache });
            const found = summary(session.analyzePython(text));
            for (const f of expected) assert.ok(found.includes(f), `${f} missing (cache ${cache}): ${found}`);
          }
        });
      }

      it('a hover on the class finds it, one on the deep statement finds nothing and does not throw', () => {
        const session = new AnalysisSession({ cache: caching.at(-1) });
        const text = LOSS_CLASS + deep;
        const parse = session.parsePython(text);
        const atClass = session.analyzeAt(parse, text.indexOf('SmoothCE'));
        assert.ok(summary(atClass).includes('loss SmoothCE uniform'));
        assert.doesNotThrow(() => session.analyzeAt(parse, text.length - 3));
      });
    });
  }

  it('the CLI reports the rest of the file (exit 0), not "Maximum call stack size exceeded"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-deep-'));
    try {
      const deep = DEEP['nested list literals']!.text + DEEP['nested calls']!.text;
      const files = [LOSS_CLASS + deep, LOSS_CLASS.replace(/^import .*\n/, '') + deep].map((text, i) => {
        const file = join(dir, `deep${i}.py`);
        writeFileSync(file, text);
        return file;
      });
      let out = '';
      let err = '';
      const code = run(
        ['explain', ...files],
        (s) => (out += s),
        (s) => (err += s),
      );
      assert.equal(err, '');
      assert.equal(code, 0);
      assert.equal(out.match(/loss {5}SmoothCE {2}uniform/g)?.length, 2, out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
