/**
 * The value buffer is sized from the start of the text: texts whose later values are shorter or longer than
 * the first ones still parse whole, and a result never holds more than 1/8 unused capacity.
 */
import { strict as assert } from 'node:assert';
import { parseTensor } from '../../src/core/parse';

const SAMPLED = 1 << 16;

function parsedValues(text: string): Float64Array {
  const result = parseTensor(text);
  assert.ok(result.ok);
  return result.tensor.data;
}

function assertLittleSlack(data: Float64Array): void {
  assert.ok(data.buffer.byteLength - data.byteLength <= data.buffer.byteLength / 8);
}

describe('value buffer', () => {
  it('grows when values after the sampled start are shorter', () => {
    const long = Array.from({ length: SAMPLED / 10 }, () => '0.123456789');
    const short = Array.from({ length: SAMPLED }, (_, i) => String(i % 10));
    const data = parsedValues(`[${[...long, ...short].join(',')}]`);
    assert.equal(data.length, long.length + short.length);
    assert.equal(data[0], 0.123456789);
    assert.equal(data.at(-1), (SAMPLED - 1) % 10);
    assertLittleSlack(data);
  });

  it('copies to the exact length when values after the sampled start are longer', () => {
    const short = Array.from({ length: SAMPLED / 2 }, () => '1');
    const long = Array.from({ length: SAMPLED }, (_, i) => `${i}.25e-3`);
    const data = parsedValues(`[${[...short, ...long].join(', ')}]`);
    assert.equal(data.length, short.length + long.length);
    assert.equal(data.at(-1), Number(`${SAMPLED - 1}.25e-3`));
    assert.equal(data.buffer.byteLength, data.byteLength);
  });

  it('keeps a view on the buffer when the guess is close', () => {
    const data = parsedValues(`[${Array.from({ length: 5000 }, (_, i) => (i / 7).toFixed(6)).join(', ')}]`);
    assert.equal(data.length, 5000);
    assertLittleSlack(data);
  });
});
