import * as assert from 'node:assert/strict';
import { codeBlock, commandLink, escapeMarkdown, formatNumber, inlineCode } from '../../src/core/explain';

describe('explain/markdown', () => {
  it('escapes links, HTML, autolinks and theme icons in user text', () => {
    const escaped = escapeMarkdown(
      '[run](command:workbench.action.terminal.new) <img src=x> https://x $(alert)',
    );
    assert.doesNotMatch(escaped, /(^|[^\\])[[\]()<>:$]/);
  });

  it('turns line breaks into spaces so user text cannot open a block', () => {
    assert.equal(escapeMarkdown('a\n# b'), 'a \\# b');
  });

  it('fences code with more backticks than it contains', () => {
    const block = codeBlock('x = "```"\ny', 'python');
    assert.ok(block.startsWith('````python\n'));
    assert.ok(block.endsWith('\n````'));
  });

  it('keeps inline code with backticks intact', () => {
    assert.equal(inlineCode('a`b'), '`` a`b ``');
  });

  it('encodes command arguments as URI-escaped JSON', () => {
    const link = commandLink('Go', 'lossLens.openPlayground', [{ epsilon: 0.1, loss: 'a b' }]);
    const query = link.slice(link.indexOf('?') + 1, -1);
    assert.deepEqual(JSON.parse(decodeURIComponent(query)), [{ epsilon: 0.1, loss: 'a b' }]);
    assert.doesNotMatch(query, /[ ()"]/);
  });

  it('formats numbers the way the seeds print them', () => {
    assert.deepEqual([0.0125, 0.95, 3.33220451, 0, 1 / 30].map(formatNumber), [
      '0.0125',
      '0.95',
      '3.3322',
      '0',
      '0.03333',
    ]);
  });
});
