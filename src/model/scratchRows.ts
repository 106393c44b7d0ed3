/**
 * Scratch arrays reused from step to step, keyed by use and size: the sampler's and the attention cell's hot
 * loops fill the same few row blocks every step, and reusing them leaves no garbage behind. One per owner: two
 * owners never share a key's array.
 */
export class ScratchRows {
  private readonly arrays = new Map<string, Float32Array>();

  /** A scratch array of `size` floats for `use`; its old contents are left in place. */
  get(use: string, size: number): Float32Array {
    const key = `${use}:${size}`;
    let found = this.arrays.get(key);
    if (!found) {
      found = new Float32Array(size);
      this.arrays.set(key, found);
    }
    return found;
  }
}
