import { describe, expect, it } from 'vitest';

import { Swappable } from './swappable.js';

describe('Swappable', () => {
  it('disposes a replaced value only after its last borrower releases it', () => {
    const disposed: string[] = [];
    const holder = new Swappable<string>((value) => disposed.push(value));
    holder.swap('v1');
    const first = holder.acquire()!;
    const second = holder.acquire()!;
    holder.swap('v2');
    expect(holder.current).toBe('v2');
    expect(first.value).toBe('v1');
    first.release();
    first.release(); // a second release changes nothing
    expect(disposed).toEqual([]);
    second.release();
    expect(disposed).toEqual(['v1']);
    holder.swap('v3'); // v2 had no borrower: disposed at once
    expect(disposed).toEqual(['v1', 'v2']);
  });

  it('keeps the value borrowed for the whole of use(), and refuses when none is loaded', async () => {
    const disposed: number[] = [];
    const holder = new Swappable<number>((value) => disposed.push(value));
    await expect(
      holder.use(
        () => new Error('none'),
        (v) => v,
      ),
    ).rejects.toThrow('none');
    holder.swap(1);
    const result = holder.use(
      () => new Error('none'),
      async (value) => {
        holder.swap(2); // swapped while in use
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(disposed).toEqual([]);
        return value;
      },
    );
    expect(await result).toBe(1);
    expect(disposed).toEqual([1]);
    holder.close();
    expect(disposed).toEqual([1, 2]);
    expect(holder.acquire()).toBeUndefined();
  });
});
