const MIN_CAPACITY = 16;
/** Characters read from the start of the text to guess how many values the whole text holds. */
const SAMPLE_CHARS = 1 << 16;
/** Capacity over the guess, so that later rows a little shorter than the sampled ones need no doubling. */
const HEADROOM = 1.0625;
/** A result keeps up to this share of unused capacity rather than be copied to its exact length. */
const MAX_SLACK = 0.125;

/** A Float64Array that grows by doubling up to `limit` values. */
export class ValueBuffer {
  data: Float64Array;
  length = 0;

  constructor(
    readonly limit: number,
    text: string,
  ) {
    this.data = new Float64Array(
      Math.min(limit, Math.max(MIN_CAPACITY, Math.ceil(guessValues(text) * HEADROOM))),
    );
  }

  /** Appends `value`; false (and nothing stored) once `limit` values are held. */
  push(value: number): boolean {
    if (this.length === this.data.length && !this.grow()) return false;
    this.data[this.length++] = value;
    return true;
  }

  /** The values; a view on the buffer when little of it is unused, which saves copying them. */
  toArray(): Float64Array {
    const unused = this.data.length - this.length;
    return unused <= this.data.length * MAX_SLACK
      ? this.data.subarray(0, this.length)
      : this.data.slice(0, this.length);
  }

  private grow(): boolean {
    if (this.data.length >= this.limit) return false;
    const bigger = new Float64Array(Math.min(this.limit, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
    return true;
  }
}

/** How many values `text` holds if all of it is like its start: tokens counted in a sample, scaled. */
function guessValues(text: string): number {
  const sampled = Math.min(text.length, SAMPLE_CHARS);
  let tokens = 0;
  let inToken = false;
  for (let i = 0; i < sampled; i++) {
    const separator = isSeparator(text.charCodeAt(i));
    if (!separator && !inToken) tokens++;
    inToken = !separator;
  }
  return sampled === 0 ? 0 : (tokens * text.length) / sampled;
}

/** Space, tab, line breaks, ',', brackets: what lies between values. */
function isSeparator(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 91 || c === 93 || c === 40 || c === 41
  );
}
