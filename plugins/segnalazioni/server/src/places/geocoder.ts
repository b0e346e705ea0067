import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { concurrencyLimit, Saturated } from '../common/concurrency-limit';
import { unavailable } from '../common/errors';
import { settingOf } from '../common/settings';
import { parseBoundingBox } from './domain/territory';
import { placesOf, reversePlaceOf, reverseUrl, searchUrl, type Place } from './domain/nominatim';

/** Answers kept, and for how long: an address does not move, and the service's usage policy asks to cache. */
const CACHED_ANSWERS = 5000;
const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** Lookups waiting for their turn; beyond, a 503 rather than a queue a flood would make endless. */
const MAX_WAITING = 20;
const TIMEOUT_MS = 5000;
const RETRY_AFTER_SECONDS = 5;

const NOT_NOW = 'La ricerca degli indirizzi non risponde in questo momento: riprovare tra poco, oppure scrivere l’indirizzo.';

type Kept = { readonly places: Place[] } | { readonly place: Place | null };

/**
 * The geocoder (GEOCODER_URL, a Nominatim-compatible service): one lookup at a time per server
 * process, each begun at least GEOCODER_MIN_INTERVAL_MS after the last ended (OpenStreetMap's policy: at most one a second),
 * named as our application, answers cached; the citizen's address never reaches the service.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new LRUCache<string, Kept>({ max: CACHED_ANSWERS, ttl: CACHE_TTL_MS });
  // One lookup at a time, the next no sooner than the interval after the last ended.
  const oneAtATime = concurrencyLimit({ concurrency: 1, queue: MAX_WAITING });
  let nextAt = 0;

  const settings = () => settingOf(strapi, 'geocoder');
  const territory = () => parseBoundingBox(settingOf(strapi, 'territory'));

  /** The geocoder's answer to `url`, read whole before the next lookup begins; a status that is no answer: its number. */
  async function fetchSpaced(url: string): Promise<{ body: unknown } | { status: number }> {
    const wait = nextAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const publicUrl = settingOf(strapi, 'publicUrl');
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': `SportelloSegnalazioni/1.0 (+${publicUrl})`, Referer: publicUrl, Accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) return { status: response.status };
      return { body: await response.json().catch(() => undefined) };
    } finally {
      // Counted from this lookup's end, which is after the service received it: however late a request
      // travels, the service never gets two closer than the interval.
      nextAt = Date.now() + settings().minIntervalMs;
    }
  }

  async function ask(url: string): Promise<unknown> {
    let answer: { body: unknown } | { status: number };
    try {
      answer = await oneAtATime.run(() => fetchSpaced(url));
    } catch (error) {
      if (!(error instanceof Saturated)) strapi.log.warn(`[segnalazioni] geocoder unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw unavailable(NOT_NOW, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    }
    if ('status' in answer) {
      strapi.log.warn(`[segnalazioni] geocoder answered ${answer.status}`);
      throw unavailable(NOT_NOW, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    }
    return answer.body;
  }

  return {
    enabled: () => settings().url !== '',

    /** Places of the territory matching `q`, best first. */
    async search(q: string): Promise<Place[]> {
      const url = searchUrl(settings().url, q.toLowerCase(), territory());
      const kept = cache.get(url);
      if (kept && 'places' in kept) return kept.places;
      const places = placesOf(await ask(url), territory());
      if (places === null) throw unavailable(NOT_NOW, { retryAfterSeconds: RETRY_AFTER_SECONDS });
      cache.set(url, { places });
      return places;
    },

    /** The address at a point (to about a metre), or null where the service knows none. */
    async reverse(latitude: number, longitude: number): Promise<Place | null> {
      const url = reverseUrl(settings().url, latitude, longitude);
      const kept = cache.get(url);
      if (kept && 'place' in kept) return kept.place;
      const place = reversePlaceOf(await ask(url));
      if (place === undefined) throw unavailable(NOT_NOW, { retryAfterSeconds: RETRY_AFTER_SECONDS });
      cache.set(url, { place });
      return place;
    },
  };
};
