import { describe, expect, it } from 'vitest';
import { moveInGrid } from './gridKeyboard.ts';

const key = (name: string, ctrlKey = false) => ({ key: name, ctrlKey, metaKey: false });

describe('HIST8 moving in the grid with the keyboard', () => {
  it('arrows move one cell and stop at the edges', () => {
    expect(moveInGrid(key('ArrowRight'), [2, 3], 30, 11)).toEqual([2, 4]);
    expect(moveInGrid(key('ArrowLeft'), [2, 0], 30, 11)).toEqual([2, 0]);
    expect(moveInGrid(key('ArrowDown'), [29, 3], 30, 11)).toEqual([29, 3]);
    expect(moveInGrid(key('ArrowUp'), [2, 3], 30, 11)).toEqual([1, 3]);
  });

  it('pages move ten rows, Home and End go to the row’s ends, or with Ctrl to the grid’s', () => {
    expect(moveInGrid(key('PageDown'), [25, 1], 30, 11)).toEqual([29, 1]);
    expect(moveInGrid(key('PageUp'), [12, 1], 30, 11)).toEqual([2, 1]);
    expect(moveInGrid(key('Home'), [5, 7], 30, 11)).toEqual([5, 0]);
    expect(moveInGrid(key('End'), [5, 7], 30, 11)).toEqual([5, 10]);
    expect(moveInGrid(key('Home', true), [5, 7], 30, 11)).toEqual([0, 0]);
    expect(moveInGrid(key('End', true), [5, 7], 30, 11)).toEqual([29, 10]);
  });

  it('other keys are not grid moves', () => {
    expect(moveInGrid(key('Enter'), [0, 0], 30, 11)).toBeNull();
    expect(moveInGrid(key('a'), [0, 0], 30, 11)).toBeNull();
  });
});
