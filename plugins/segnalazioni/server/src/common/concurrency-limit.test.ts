import { concurrencyLimit, Saturated } from './concurrency-limit';

describe('a limit on concurrent runs', () => {
  it('runs so many at once, queues so many more in order, refuses the rest at once', async () => {
    const limit = concurrencyLimit({ concurrency: 2, queue: 1 });
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        releases.push(() => resolve(n));
      });
    const runs = [1, 2, 3].map((n) => limit.run(job(n)));
    await expect(limit.run(job(4))).rejects.toBeInstanceOf(Saturated);
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    releases[0]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    releases[1]();
    releases[2]();
    expect(await Promise.all(runs)).toEqual([1, 2, 3]);
    // Every place is free again, and a failing run frees its place too.
    await expect(limit.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await Promise.all([limit.run(async () => 'a'), limit.run(async () => 'b'), limit.run(async () => 'c')])).toEqual(['a', 'b', 'c']);
  });
});
