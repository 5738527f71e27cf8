import * as assert from 'node:assert/strict';
import pkg from '../../package.json';
import { SECTION, SETTINGS } from '../../src/extension/settings';
import { installFakeVscode } from './support/fakeVscode';

const contributed = pkg.contributes.commands.map((c) => c.command);
const properties: Record<string, { default?: unknown }> = pkg.contributes.configuration.properties;

describe('package.json contributes', () => {
  it('declares exactly the command table, each in the "Loss Lens" category', () => {
    installFakeVscode();
    const {
      COMMANDS,
    }: typeof import('../../src/extension/commands') = require('../../src/extension/commands');
    assert.deepEqual(
      [...contributed].sort(),
      Object.keys(COMMANDS)
        .map((name) => `lossLens.${name}`)
        .sort(),
    );
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Loss Lens', c.command);
  });

  it('has every setting with the default config.ts falls back to, and no others', () => {
    const keys = Object.values(SETTINGS).map((s) => `${SECTION}.${s.key}`);
    assert.deepEqual(Object.keys(properties).sort(), [...keys].sort());
    for (const s of Object.values(SETTINGS))
      assert.deepEqual(properties[`${SECTION}.${s.key}`]?.default, s.default, s.key);
  });

  it('only lists commands that exist in menus', () => {
    const menus: Record<string, { command: string }[]> = pkg.contributes.menus;
    for (const item of Object.values(menus).flat())
      assert.ok(contributed.includes(item.command), item.command);
  });

  it('has a Node entry and a web-extension entry built from the same main.ts', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
  });

  it('activates on Python files, notebooks and the playground panel, never on "*"', () => {
    assert.deepEqual(pkg.activationEvents, [
      'onLanguage:python',
      'onNotebook:jupyter-notebook',
      'onWebviewPanel:lossLens.playground',
    ]);
  });

  it('offers the debugger commands only while a debug session is paused', () => {
    const menus: Record<string, { command: string; when?: string }[]> = pkg.contributes.menus;
    const debugItems = Object.values(menus)
      .flat()
      .filter((m) => /FromDebugger|DebugValue/.test(m.command));
    assert.equal(debugItems.length, 4);
    for (const item of debugItems) assert.match(item.when ?? '', /^inDebugMode && debugState == 'stopped'/);
    assert.ok(
      menus['debug/variables/context']?.some((m) => m.command === 'lossLens.sendDebugValueToPlayground'),
    );
  });

  it('offers verify only in trusted workspaces and restricts the interpreter setting there', () => {
    const verify = pkg.contributes.menus.commandPalette.find(
      (m) => m.command === 'lossLens.verifyWithPython',
    );
    assert.match(verify?.when ?? '', /isWorkspaceTrusted/);
    assert.match(verify?.when ?? '', /lossLens\.canSpawn/);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['lossLens.python.path']);
  });
});
