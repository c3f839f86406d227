import { describe, expect, it } from 'vitest';
import { isNearEnd } from './useStickToEnd.ts';

describe('isNearEnd', () => {
  it('is true at the bottom and within the slack, false when scrolled up', () => {
    expect(isNearEnd(600, 400, 1000)).toBe(true);
    expect(isNearEnd(580, 400, 1000)).toBe(true);
    expect(isNearEnd(500, 400, 1000)).toBe(false);
    expect(isNearEnd(0, 400, 300)).toBe(true); // content shorter than the box
  });
});
