/** Which way an item moves in a list the person orders by hand. */
export type Direction = 'up' | 'down';

/**
 * A list with the item of `id` moved one place up or down, or undefined when it cannot move
 * (not in the list, or already at that end). Items keep their relative order otherwise.
 *
 * @example moveOne([{ id: 'a' }, { id: 'b' }], 'b', 'up') // [{ id: 'b' }, { id: 'a' }]
 */
export function moveOne<T extends { id: string }>(items: readonly T[], id: string, direction: Direction): T[] | undefined {
  const at = items.findIndex((item) => item.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= items.length) return undefined;
  const moved = [...items];
  [moved[at], moved[to]] = [moved[to]!, moved[at]!];
  return moved;
}

/**
 * The positions (1, 2, 3, …) to write so that the stored order is `items`' order, for only the
 * items whose stored position differs: repairs gaps and ties as well as making the move.
 */
export function renumbered<T extends { id: string; position: number }>(items: readonly T[]): { id: string; position: number }[] {
  return items.flatMap((item, n) => (item.position === n + 1 ? [] : [{ id: item.id, position: n + 1 }]));
}
