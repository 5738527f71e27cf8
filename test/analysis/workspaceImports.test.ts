// Following the workspace's own imports through a shell's `ModuleFiles` (the CLI reads the disk, the extension
// `vscode.workspace.fs`): where a relative import lies, and what is read ahead for a shell that reads
// asynchronously.
import * as assert from 'node:assert/strict';
import {
  AnalysisSession,
  importCandidates,
  importedModules,
  type ModuleFiles,
  relativeFiles,
  relativeModule,
  resolveImports,
} from '../../src/core/analysis';

const helper = (offValue: string, hotValue: string) =>
  [
    'import torch',
    'def smooth_targets(y, k, eps):',
    `    q = torch.full((y.size(0), k), ${offValue})`,
    `    q.scatter_(1, y.unsqueeze(1), ${hotValue})`,
    '    return q',
  ].join('\n');
const K_MINUS_1 = helper('eps / (k - 1)', '1 - eps');
const UNIFORM = helper('eps / k', '1 - eps + eps / k');

const LOSS = [
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'from .utils import smooth_targets',
  'class LS(nn.Module):',
  '    def __init__(self, eps=0.1):',
  '        super().__init__()',
  '        self.eps = eps',
  '    def forward(self, x, y):',
  '        q = smooth_targets(y, x.size(-1), self.eps)',
  '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
].join('\n');

/** Files in memory, read asynchronously; records what was read. */
function memoryFiles(files: Record<string, string>): ModuleFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    candidates: (file, module) => relativeFiles(file, module),
    read: async (path) => {
      reads.push(path);
      return files[path] ?? null;
    },
  };
}

/** Files in memory, found where an editor looks for them: relative imports in the package, absolute ones beside. */
function beside(files: Record<string, string>): ModuleFiles & { reads: string[] } {
  return { ...memoryFiles(files), candidates: importCandidates };
}

const conventionOfLS = (text: string, source: Parameters<AnalysisSession['analyzePython']>[1]) =>
  new AnalysisSession().analyzePython(text, source).find((f) => f.symbol === 'LS')?.convention ?? null;

describe('workspace imports', () => {
  it('places relative imports beside the file and in its package', () => {
    assert.deepEqual(relativeFiles('/ws/pkg/loss.py', '.utils'), [
      '/ws/pkg/utils.py',
      '/ws/pkg/utils/__init__.py',
    ]);
    assert.deepEqual(relativeFiles('/ws/pkg/nn/loss.py', '..common.smooth'), [
      '/ws/pkg/common/smooth.py',
      '/ws/pkg/common/smooth/__init__.py',
    ]);
    assert.deepEqual(relativeFiles('C:\\ws\\loss.py', '.utils'), [
      'C:\\ws\\utils.py',
      'C:\\ws\\utils\\__init__.py',
    ]);
    assert.deepEqual(relativeFiles('/ws/loss.py', 'torch.nn'), []);
    // The package itself (`from . import f`, f defined or re-exported by its `__init__.py`).
    assert.deepEqual(relativeFiles('/ws/pkg/loss.py', '.'), ['/ws/pkg/__init__.py']);
    assert.equal(relativeModule('pkg.nn.modules.loss', '..functional'), 'pkg.nn.functional');
    assert.equal(relativeModule('loss', '...x'), null);
  });

  it('places an absolute import beside the file: its folder comes first on the path', () => {
    assert.deepEqual(importCandidates('/ws/train.py', 'utils'), ['/ws/utils.py', '/ws/utils/__init__.py']);
    assert.deepEqual(importCandidates('/ws/train.py', 'pkg.losses'), [
      '/ws/pkg/losses.py',
      '/ws/pkg/losses/__init__.py',
    ]);
    assert.deepEqual(
      importCandidates('/ws/pkg/loss.py', '.utils'),
      relativeFiles('/ws/pkg/loss.py', '.utils'),
    );
  });

  it('lists the modules a file may ask for: each import and its package, torch and NumPy only if asked', () => {
    const text = [
      'import torch',
      'import numpy as np',
      'from .utils import smooth_targets',
      'from . import helpers as h',
      'from common import ls',
      'from .losses import *',
    ].join('\n');
    assert.deepEqual(importedModules(text, true).sort(), [
      '.',
      '.helpers',
      '.losses',
      '.utils',
      '.utils.smooth_targets',
      'common',
      'common.ls',
    ]);
    assert.ok(importedModules(text, false).includes('torch'));
  });

  it('follows a sibling import without a dot, read ahead beside the file', async () => {
    const files = beside({ '/ws/utils.py': K_MINUS_1 });
    const text = LOSS.replace('from .utils import', 'from utils import');
    const resolved = await resolveImports('/ws/loss.py', text, files, true);
    assert.deepEqual([...resolved.files.keys()], ['/ws/utils.py']);
    assert.equal(conventionOfLS(text, resolved.source), 'k_minus_1');
    assert.ok(!files.reads.some((path) => path.includes('torch')), files.reads.join(', '));
  });

  it("follows a name to where a package's __init__.py re-exports it from (star or named import)", async () => {
    for (const init of ['from .helpers import *', 'from .helpers import smooth_targets', '']) {
      const files = beside({
        '/ws/pkg/__init__.py': init,
        '/ws/pkg/helpers.py': init ? K_MINUS_1 : '',
        ...(init ? {} : { '/ws/pkg/__init__.py': K_MINUS_1 }),
      });
      for (const [file, text] of [
        ['/ws/train.py', LOSS.replace('from .utils import', 'from pkg import')],
        ['/ws/pkg/loss.py', LOSS.replace('from .utils import', 'from . import')],
      ]) {
        const resolved = await resolveImports(file, text, files, true);
        assert.equal(conventionOfLS(text, resolved.source), 'k_minus_1', `${init || 'defined'}: ${file}`);
      }
    }
  });

  it('follows a name the file star-imports (`from utils import *`) into the helper it calls', async () => {
    const files = beside({ '/ws/utils.py': K_MINUS_1 });
    const text = LOSS.replace('from .utils import smooth_targets', 'from utils import *');
    const resolved = await resolveImports('/ws/loss.py', text, files, true);
    assert.equal(conventionOfLS(text, resolved.source), 'k_minus_1');
  });

  it('reports where a loss class of another module is constructed, imported by name or by a star', async () => {
    const files = beside({
      '/ws/losses.py': LOSS.replace('from .utils import smooth_targets', '') + '\n' + UNIFORM,
    });
    for (const line of ['from losses import LS', 'from losses import *']) {
      const text = [line, 'def build(cfg):', '    crit = LS(cfg.eps)', '    return crit'].join('\n');
      const resolved = await resolveImports('/ws/train.py', text, files, true);
      const built = new AnalysisSession()
        .analyzePython(text, resolved.source)
        .find((f) => f.symbol === 'LS' && f.line === 3);
      assert.equal(built?.convention, 'uniform', line);
      assert.deepEqual(built?.details?.definedAt, { line: 3, column: 12 }, line);
    }
  });

  it('reads an imported helper ahead, and the analysis follows it to its convention', async () => {
    const files = memoryFiles({ '/ws/pkg/utils.py': K_MINUS_1 });
    const resolved = await resolveImports('/ws/pkg/loss.py', LOSS, files, true);
    assert.deepEqual([...resolved.files.keys()], ['/ws/pkg/utils.py']);
    assert.equal(conventionOfLS(LOSS, resolved.source), 'k_minus_1');
    const changed = await resolveImports(
      '/ws/pkg/loss.py',
      LOSS,
      memoryFiles({ '/ws/pkg/utils.py': UNIFORM }),
      true,
    );
    assert.equal(conventionOfLS(LOSS, changed.source), 'uniform');
    const missing = await resolveImports('/ws/pkg/loss.py', LOSS, memoryFiles({}), true);
    assert.equal(missing.files.size, 0);
    assert.notEqual(conventionOfLS(LOSS, missing.source), 'k_minus_1');
  });

  it('follows imports of imports, each file read once, and stops at a cycle', async () => {
    const files = memoryFiles({
      '/ws/pkg/utils.py': [
        'from .targets import build',
        'from .loss import LS',
        'def smooth_targets(y, k, eps):',
        '    return build(y, k, eps)',
      ].join('\n'),
      '/ws/pkg/targets.py': K_MINUS_1.replace('smooth_targets', 'build'),
      '/ws/pkg/loss.py': LOSS,
    });
    const resolved = await resolveImports('/ws/pkg/loss.py', LOSS, files, true);
    assert.equal(conventionOfLS(LOSS, resolved.source), 'k_minus_1');
    assert.equal(new Set(files.reads).size, files.reads.length, files.reads.join(', '));
    assert.ok(resolved.files.has('/ws/pkg/targets.py'));
  });

  it('a caching session keeps results apart by what the file imports, as a session without caches finds them', async () => {
    const cached = new AnalysisSession();
    const fresh = new AnalysisSession({ cache: false });
    const parse = cached.parsePython(LOSS);
    const at = LOSS.indexOf('class LS') + 6;
    const kMinus1 = await resolveImports(
      '/ws/pkg/loss.py',
      LOSS,
      memoryFiles({ '/ws/pkg/utils.py': K_MINUS_1 }),
      true,
    );
    const uniform = await resolveImports(
      '/ws/pkg/loss.py',
      LOSS,
      memoryFiles({ '/ws/pkg/utils.py': UNIFORM }),
      true,
    );
    assert.notEqual(kMinus1.key, uniform.key);
    const conventionAt = (session: AnalysisSession, imports?: typeof kMinus1) =>
      session.analyzeAt(parse, at, imports).find((f) => f.symbol === 'LS')?.convention ?? null;
    for (const [imports, expected] of [
      [kMinus1, 'k_minus_1'],
      [uniform, 'uniform'],
      [undefined, conventionAt(fresh)],
      [kMinus1, 'k_minus_1'],
    ] as const) {
      assert.equal(conventionAt(cached, imports), expected);
      assert.equal(conventionAt(fresh, imports), expected);
    }
    assert.notEqual(conventionAt(fresh), 'k_minus_1');
  });
});
