// Keyboard cursor for heatmaps drawn on a canvas: arrow keys move one cell (Shift: ten), Home/End jump to
// the ends of the row. The read-out under each heatmap announces the cell, as the pointer's does.

export interface GridCell {
  row: number;
  col: number;
}

/** The next cell for `key`, or null when the key is not a navigation key (let the browser handle it). */
export function stepCell(
  cell: GridCell | null,
  key: string,
  rows: number,
  cols: number,
  shift = false,
): GridCell | null {
  if (rows < 1 || cols < 1) return null;
  const at = cell ?? { row: 0, col: 0 };
  const step = shift ? 10 : 1;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  switch (key) {
    case 'ArrowLeft':
      return cell ? { row: at.row, col: clamp(at.col - step, cols) } : at;
    case 'ArrowRight':
      return cell ? { row: at.row, col: clamp(at.col + step, cols) } : at;
    case 'ArrowUp':
      return cell ? { row: clamp(at.row - step, rows), col: at.col } : at;
    case 'ArrowDown':
      return cell ? { row: clamp(at.row + step, rows), col: at.col } : at;
    case 'Home':
      return { row: clamp(at.row, rows), col: 0 };
    case 'End':
      return { row: clamp(at.row, rows), col: cols - 1 };
    default:
      return null;
  }
}

/** Activation keys (Enter, Space) do what a click on the cell does. */
export const isActivation = (key: string): boolean => key === 'Enter' || key === ' ';
