/**
 * Arrow-key moves in the article × step grid (the ARIA grid pattern): the grid is one tab stop, whatever its size
 * (a 100 × 15 bill would otherwise be 1,500 of them), and arrows, Home/End and Page Up/Down move inside it.
 */

/** A cell's position: row (article) and column (step), from 0. */
export type CellPosition = readonly [row: number, column: number];

/** Rows a Page Up / Page Down moves. */
const PAGE_ROWS = 10;

/** Where a key moves from `at` in a `rows` × `columns` grid; null when the key is not a grid move. */
export function moveInGrid(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>, at: CellPosition, rows: number, columns: number): CellPosition | null {
  const [row, column] = at;
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  const whole = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowRight':
      return [row, clamp(column + 1, columns)];
    case 'ArrowLeft':
      return [row, clamp(column - 1, columns)];
    case 'ArrowDown':
      return [clamp(row + 1, rows), column];
    case 'ArrowUp':
      return [clamp(row - 1, rows), column];
    case 'PageDown':
      return [clamp(row + PAGE_ROWS, rows), column];
    case 'PageUp':
      return [clamp(row - PAGE_ROWS, rows), column];
    case 'Home':
      return whole ? [0, 0] : [row, 0];
    case 'End':
      return whole ? [rows - 1, columns - 1] : [row, columns - 1];
    default:
      return null;
  }
}

/** The attribute naming a cell's focus target, so that a move can find it. */
export const cellKey = (row: number, column: number) => `${row}:${column}`;
