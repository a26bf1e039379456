import { describe, expect, it } from 'vitest';
import { isActivation, stepCell } from './gridKeys';

describe('stepCell', () => {
  it('starts at the top-left cell on the first arrow press', () => {
    expect(stepCell(null, 'ArrowRight', 4, 100)).toEqual({ row: 0, col: 0 });
  });
  it('moves one cell, or ten with Shift, and stays inside the grid', () => {
    expect(stepCell({ row: 1, col: 5 }, 'ArrowRight', 4, 100)).toEqual({ row: 1, col: 6 });
    expect(stepCell({ row: 1, col: 5 }, 'ArrowLeft', 4, 100, true)).toEqual({ row: 1, col: 0 });
    expect(stepCell({ row: 3, col: 5 }, 'ArrowDown', 4, 100)).toEqual({ row: 3, col: 5 });
    expect(stepCell({ row: 0, col: 95 }, 'ArrowRight', 4, 100, true)).toEqual({ row: 0, col: 99 });
    expect(stepCell({ row: 2, col: 5 }, 'ArrowUp', 4, 100)).toEqual({ row: 1, col: 5 });
  });
  it('jumps to the row ends with Home and End', () => {
    expect(stepCell({ row: 2, col: 50 }, 'End', 4, 100)).toEqual({ row: 2, col: 99 });
    expect(stepCell({ row: 2, col: 50 }, 'Home', 4, 100)).toEqual({ row: 2, col: 0 });
  });
  it('leaves other keys (Tab, letters) to the browser, and treats Enter and Space as a click', () => {
    expect(stepCell({ row: 0, col: 0 }, 'Tab', 4, 100)).toBeNull();
    expect(stepCell(null, 'ArrowRight', 0, 0)).toBeNull();
    expect(isActivation('Enter') && isActivation(' ') && !isActivation('a')).toBe(true);
  });
});
