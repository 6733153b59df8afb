import { describe, expect, it } from 'vitest';
import { moveOne, renumbered, type Direction } from './order.ts';

const list = (...ids: string[]) => ids.map((id) => ({ id }));

describe('moveOne', () => {
  it.each<{ name: string; ids: string[]; id: string; direction: Direction; expected: string[] | undefined }>([
    { name: 'moves the last item up', ids: ['a', 'b', 'c'], id: 'c', direction: 'up', expected: ['a', 'c', 'b'] },
    { name: 'moves the first item down', ids: ['a', 'b', 'c'], id: 'a', direction: 'down', expected: ['b', 'a', 'c'] },
    { name: 'moves a middle item up', ids: ['a', 'b', 'c'], id: 'b', direction: 'up', expected: ['b', 'a', 'c'] },
    { name: 'moves a middle item down', ids: ['a', 'b', 'c'], id: 'b', direction: 'down', expected: ['a', 'c', 'b'] },
    { name: 'cannot move the first item up', ids: ['a', 'b'], id: 'a', direction: 'up', expected: undefined },
    { name: 'cannot move the last item down', ids: ['a', 'b'], id: 'b', direction: 'down', expected: undefined },
    { name: 'cannot move an item not in the list', ids: ['a', 'b'], id: 'x', direction: 'up', expected: undefined },
    { name: 'cannot move the only item', ids: ['a'], id: 'a', direction: 'down', expected: undefined },
  ])('$name', ({ ids, id, direction, expected }) => {
    expect(moveOne(list(...ids), id, direction)?.map((item) => item.id)).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const items = list('a', 'b');
    moveOne(items, 'b', 'up');
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('renumbered', () => {
  it.each<{ name: string; positions: [string, number][]; expected: { id: string; position: number }[] }>([
    {
      name: 'writes nothing for a clean sequence',
      positions: [
        ['a', 1],
        ['b', 2],
      ],
      expected: [],
    },
    {
      name: 'writes the two swapped items',
      positions: [
        ['b', 2],
        ['a', 1],
      ],
      expected: [
        { id: 'b', position: 1 },
        { id: 'a', position: 2 },
      ],
    },
    {
      name: 'closes a gap left by a removal',
      positions: [
        ['a', 1],
        ['c', 3],
      ],
      expected: [{ id: 'c', position: 2 }],
    },
    {
      name: 'separates a tie',
      positions: [
        ['a', 1],
        ['b', 1],
      ],
      expected: [{ id: 'b', position: 2 }],
    },
    { name: 'writes nothing for an empty list', positions: [], expected: [] },
  ])('$name', ({ positions, expected }) => {
    expect(renumbered(positions.map(([id, position]) => ({ id, position })))).toEqual(expected);
  });
});
