import { LRUCache } from 'lru-cache';

export interface CacheBounds {
  maxEntries: number;
  /** Approximate, as `approximateBytes` counts them (keys included). */
  maxBytes: number;
}

/**
 * About how many bytes a value holds in memory: UTF-16 strings, 8 bytes a number or reference.
 * Enough to bound a cache; each object counts once, so shared or cyclic references do not loop.
 */
export function approximateBytes(value: unknown): number {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  let bytes = 0;
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') bytes += 2 * item.length;
    else if (typeof item === 'number' || typeof item === 'bigint' || typeof item === 'boolean') bytes += 8;
    else if (typeof item === 'object' && item !== null && !seen.has(item)) {
      seen.add(item);
      if (item instanceof Date) bytes += 8;
      else if (item instanceof Map) {
        for (const [key, entry] of item) {
          bytes += 16;
          pending.push(key, entry);
        }
      } else if (Array.isArray(item)) {
        for (const entry of item) {
          bytes += 8;
          pending.push(entry);
        }
      } else {
        for (const [key, entry] of Object.entries(item)) {
          bytes += 8 + 2 * key.length;
          pending.push(entry);
        }
      }
    }
  }
  return bytes;
}

/**
 * Computed values kept for one version of their source, least recently used dropped first once
 * there are `maxEntries` of them or they weigh `maxBytes`. A new version empties it; a value
 * computed for an older one is not kept; a computation that fails is not remembered; concurrent
 * requests for the same key share one computation.
 */
export function versionedCache({ maxEntries, maxBytes }: CacheBounds) {
  let version: string | null = null;
  const values = new LRUCache<string, { value: unknown }>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => Math.max(1, approximateBytes(entry.value) + 2 * key.length),
  });
  const computing = new Map<string, Promise<unknown>>();

  return {
    async remember<T>(currentVersion: string, key: string, compute: () => Promise<T>): Promise<T> {
      if (currentVersion !== version) {
        version = currentVersion;
        values.clear();
        computing.clear();
      }
      const known = values.get(key);
      if (known) return known.value as T;
      const running = computing.get(key) as Promise<T> | undefined;
      if (running) return running;
      const computed = compute();
      computing.set(key, computed);
      try {
        const value = await computed;
        if (version === currentVersion) values.set(key, { value });
        return value;
      } finally {
        if (computing.get(key) === computed) computing.delete(key);
      }
    },

    /** What it holds now: entries, and their weight as counted against `maxBytes`. */
    usage: () => ({ entries: values.size, bytes: values.calculatedSize }),
  };
}
