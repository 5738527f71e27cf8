import * as assert from 'node:assert/strict';
import { installFakeVscode } from './support/fakeVscode';

installFakeVscode();
const {
  chooseInterpreter,
  describeInterpreter,
}: typeof import('../../src/extension/verify/interpreter') = require('../../src/extension/verify/interpreter');

describe('verify: which Python runs', () => {
  const venv = async () => '/work/.venv/bin/python';
  const none = async () => undefined;
  const broken = async (): Promise<string> => {
    throw new Error('the Python extension failed to activate');
  };

  it("takes the Python extension's selected interpreter over the setting", async () => {
    const python = await chooseInterpreter({ pythonPath: '/opt/py/bin/python3' }, undefined, venv);
    assert.deepEqual(python, { path: '/work/.venv/bin/python', source: 'python-extension' });
    assert.match(
      describeInterpreter(python),
      /"\/work\/\.venv\/bin\/python", the Python extension's selected/,
    );
  });

  it('falls back to lossLens.python.path, then python3, and says so', async () => {
    const fromSetting = await chooseInterpreter({ pythonPath: '/opt/py/bin/python3' }, undefined, broken);
    assert.deepEqual(fromSetting, { path: '/opt/py/bin/python3', source: 'setting' });
    assert.match(describeInterpreter(fromSetting), /"\/opt\/py\/bin\/python3", from lossLens\.python\.path/);
    const fallback = await chooseInterpreter({ pythonPath: '' }, undefined, none);
    assert.equal(fallback.source, 'default');
    assert.match(fallback.path, /^python3?$/);
    assert.match(
      describeInterpreter(fallback),
      /lossLens\.python\.path is empty .*Remote or Workspace settings/,
    );
  });
});
