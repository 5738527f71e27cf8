const MIN_CAPACITY = 16;
/** Text characters per value assumed for the first allocation; the buffer doubles when short. */
const CHARS_PER_VALUE_GUESS = 8;

/** A Float64Array that grows by doubling up to `limit` values. */
export class ValueBuffer {
  data: Float64Array;
  length = 0;

  constructor(
    readonly limit: number,
    textLength: number,
  ) {
    this.data = new Float64Array(Math.min(limit, Math.max(MIN_CAPACITY, textLength / CHARS_PER_VALUE_GUESS)));
  }

  /** Appends `value`; false (and nothing stored) once `limit` values are held. */
  push(value: number): boolean {
    if (this.length === this.data.length && !this.grow()) return false;
    this.data[this.length++] = value;
    return true;
  }

  toArray(): Float64Array {
    return this.length === this.data.length ? this.data : this.data.slice(0, this.length);
  }

  private grow(): boolean {
    if (this.data.length >= this.limit) return false;
    const bigger = new Float64Array(Math.min(this.limit, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
    return true;
  }
}
