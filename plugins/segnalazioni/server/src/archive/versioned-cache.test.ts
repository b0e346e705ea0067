import { approximateBytes, versionedCache } from './versioned-cache';

const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));

describe('versionedCache', () => {
  it('computes once per key and version', async () => {
    const cache = versionedCache({ maxEntries: 10, maxBytes: 10_000 });
    const compute = jest.fn(() => later(42));
    expect(await Promise.all([cache.remember('1', 'k', compute), cache.remember('1', 'k', compute)])).toEqual([42, 42]);
    expect(await cache.remember('1', 'k', compute)).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await cache.remember('2', 'k', () => later(43))).toBe(43);
  });

  it('keeps null (a report not found) like any value', async () => {
    const cache = versionedCache({ maxEntries: 10, maxBytes: 10_000 });
    const compute = jest.fn(() => later(null));
    await cache.remember('1', 'one:x', compute);
    expect(await cache.remember('1', 'one:x', compute)).toBeNull();
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const cache = versionedCache({ maxEntries: 100, maxBytes: 1_000_000 });
    await cache.remember('1', 'kept', () => later('kept'));
    for (let i = 0; i < 1000; i += 1) {
      await cache.remember('1', `key-${i}`, () => later(i));
      await cache.remember('1', 'kept', () => later('recomputed'));
    }
    expect(cache.usage().entries).toBe(100);
    expect(await cache.remember('1', 'kept', () => later('recomputed'))).toBe('kept');
    expect(await cache.remember('1', 'key-0', () => later(-1))).toBe(-1);
  });

  it('holds at most maxBytes, counting the keys too, and never keeps a value bigger than all of it', async () => {
    const cache = versionedCache({ maxEntries: 10_000, maxBytes: 100_000 });
    for (let i = 0; i < 200; i += 1) await cache.remember('1', `page-${i}`, () => later({ data: [{ title: 'x'.repeat(1000) }] }));
    expect(cache.usage().bytes).toBeLessThanOrEqual(100_000);
    expect(cache.usage().entries).toBeLessThan(60);
    for (let i = 0; i < 200; i += 1) await cache.remember('1', `one:${'k'.repeat(2000)}${i}`, () => later(null));
    expect(cache.usage().bytes).toBeLessThanOrEqual(100_000);
    expect(await cache.remember('1', 'huge', () => later('x'.repeat(100_000)))).toHaveLength(100_000);
    expect(cache.usage().bytes).toBeLessThanOrEqual(100_000);
  });

  it('does not keep a failure, nor a value computed for an older version', async () => {
    const cache = versionedCache({ maxEntries: 10, maxBytes: 10_000 });
    await expect(cache.remember('1', 'k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.remember('1', 'k', () => later('fine'))).toBe('fine');

    let finish: (value: string) => void = () => undefined;
    const slow = cache.remember('2', 'slow', () => new Promise<string>((resolve) => (finish = resolve)));
    expect(await cache.remember('3', 'other', () => later('v3'))).toBe('v3');
    finish('computed at version 2');
    expect(await slow).toBe('computed at version 2');
    expect(await cache.remember('3', 'slow', () => later('computed at version 3'))).toBe('computed at version 3');
  });
});

describe('approximateBytes', () => {
  it('counts strings, numbers, arrays, objects and maps, once per object', () => {
    expect(approximateBytes('abcd')).toBe(8);
    expect(approximateBytes(7)).toBe(8);
    expect(approximateBytes(null)).toBe(0);
    expect(approximateBytes([1, 2])).toBe(32);
    expect(approximateBytes({ ab: 'cd' })).toBe(8 + 4 + 4);
    expect(approximateBytes(new Map([['ab', 1]]))).toBe(16 + 4 + 8);
    const shared = { text: 'x'.repeat(100) };
    expect(approximateBytes([shared, shared])).toBe(approximateBytes([shared]) + 8);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(approximateBytes(cyclic)).toBe(8 + 8);
  });
});
