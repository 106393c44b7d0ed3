import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/id';

describe('newId', () => {
  it('gives a different non-empty id each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(8);
  });
});
