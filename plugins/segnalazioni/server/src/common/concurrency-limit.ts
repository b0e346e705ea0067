/** A run refused because `concurrency` runs are going and `queue` more already wait. */
export class Saturated extends Error {
  constructor() {
    super('Too many runs at once');
  }
}

/**
 * At most `concurrency` runs at once in this process, at most `queue` more waiting their turn, in
 * order; beyond that a run is refused at once (`Saturated`), so that a flood of one kind of heavy
 * request waits in memory, not in the database's connection pool, and cannot starve the others.
 */
export function concurrencyLimit({ concurrency, queue }: { readonly concurrency: number; readonly queue: number }) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < concurrency) running += 1;
      else if (waiting.length < queue) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw new Saturated();
      try {
        return await work();
      } finally {
        // The next in line takes this run's place; with nobody waiting the place is freed.
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}
