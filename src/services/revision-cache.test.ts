import { describe, expect, it } from 'vitest';
import { RevisionCache } from './revision-cache.ts';

describe('RevisionCache', () => {
  it('computes once per key and again when the revision in the key moves', async () => {
    const cache = new RevisionCache<number>(4);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get(['p', 1], compute)).toBe(1);
    expect(await cache.get(['p', 1], compute)).toBe(1);
    expect(await cache.get(['p', 2], compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it('shares one computation between concurrent requests', async () => {
    const cache = new RevisionCache<string>(4);
    let calls = 0;
    const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`v${++calls}`), 5));
    const values = await Promise.all([cache.get(['k'], compute), cache.get(['k'], compute), cache.get(['k'], compute)]);
    expect(values).toEqual(['v1', 'v1', 'v1']);
    expect(calls).toBe(1);
  });

  it('forgets a failed computation so the next request tries again', async () => {
    const cache = new RevisionCache<number>(4);
    await expect(cache.get(['k'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get(['k'], async () => 7)).toBe(7);
  });

  it('drops the least recently used key when full', async () => {
    const cache = new RevisionCache<string>(2);
    await cache.get(['a'], async () => 'a1');
    await cache.get(['b'], async () => 'b1');
    await cache.get(['a'], async () => 'a2'); // a is now the most recent
    await cache.get(['c'], async () => 'c1'); // so b goes
    expect(cache.size).toBe(2);
    expect(await cache.get(['a'], async () => 'a3')).toBe('a1');
    expect(await cache.get(['b'], async () => 'b2')).toBe('b2');
  });

  it('keeps what it is given frozen, so no reader can change it for the next', async () => {
    const cache = new RevisionCache<{ rows: { value: number }[] }>(2);
    const kept = await cache.get(['k'], async () => ({ rows: [{ value: 1 }] }));
    expect(() => {
      kept.rows[0]!.value = 2;
    }).toThrow(TypeError);
    expect(() => kept.rows.push({ value: 3 })).toThrow(TypeError);
  });
});
