import { z } from 'zod';
import { toParsed, type Parsed } from '../../common/domain/input-errors';
import { plainText } from '../../common/domain/plain-text';
import { isWithin, OUTSIDE_TERRITORY, type BoundingBox } from './territory';

/**
 * Address search and reverse geocoding through a Nominatim-compatible service (OpenStreetMap's, or
 * the municipality's own), asked by our server, never by the citizen's browser: what we ask it,
 * restricted to the municipality's territory, and what we make of its answers (format jsonv2).
 */

/** A place as the portal offers it: a label to show, the address to fill in, the point to pin. */
export interface Place {
  readonly label: string;
  readonly address: string;
  readonly latitude: number;
  readonly longitude: number;
}

const MAX_RESULTS = 5;

const searchSchema = z.strictObject({
  q: z
    .string({ error: 'q: l’indirizzo da cercare.' })
    .transform((value) => plainText(value, 'line'))
    .pipe(z.string().min(3, { error: 'q: almeno 3 caratteri.' }).max(200, { error: 'q: al massimo 200 caratteri.' })),
});

const coordinate = (label: string, limit: number) =>
  z.coerce
    .number({ error: `${label}: un numero.` })
    .refine(Number.isFinite, { error: `${label}: un numero.` })
    .refine((value) => Math.abs(value) <= limit, { error: `${label}: tra -${limit} e ${limit}.` });
const reverseSchema = z.strictObject({ lat: coordinate('lat', 90), lng: coordinate('lng', 180) });

export const parsePlaceSearch = (raw: unknown): Parsed<{ q: string }> => toParsed(searchSchema.safeParse(raw ?? {}));

export function parseReverse(raw: unknown, territory: BoundingBox | null): Parsed<{ lat: number; lng: number }> {
  const parsed = toParsed(reverseSchema.safeParse(raw ?? {}));
  if (!parsed.ok || !territory || isWithin(territory, parsed.value.lat, parsed.value.lng)) return parsed;
  return { ok: false, errors: [{ path: 'lat', message: OUTSIDE_TERRITORY }] };
}

/** The search's address on the service: the territory as a bounded view box, Italian names, a few results. */
export function searchUrl(base: string, q: string, territory: BoundingBox | null): string {
  const url = new URL('search', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('q', q);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('limit', String(MAX_RESULTS));
  url.searchParams.set('accept-language', 'it');
  if (territory) {
    url.searchParams.set('viewbox', [territory.minLongitude, territory.maxLatitude, territory.maxLongitude, territory.minLatitude].join(','));
    url.searchParams.set('bounded', '1');
  }
  return url.toString();
}

/** The reverse lookup's address on the service, at the level of a building. */
export function reverseUrl(base: string, latitude: number, longitude: number): string {
  const url = new URL('reverse', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('lat', latitude.toFixed(6));
  url.searchParams.set('lon', longitude.toFixed(6));
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('zoom', '18');
  url.searchParams.set('accept-language', 'it');
  return url.toString();
}

const nominatimPlace = z.object({
  lat: z.coerce.number(),
  lon: z.coerce.number(),
  display_name: z.string(),
  address: z.record(z.string(), z.string()).optional(),
});

/** "Via Italia 14, Biella": the street and number and the town, as a citizen writes an address. */
function shortAddress(place: z.infer<typeof nominatimPlace>): string {
  const address = place.address ?? {};
  const street = address.road ?? address.pedestrian ?? address.square ?? address.footway ?? address.path ?? '';
  const town = address.city ?? address.town ?? address.village ?? address.hamlet ?? '';
  const line = [street && address.house_number ? `${street} ${address.house_number}` : street, town].filter(Boolean).join(', ');
  return plainText(line || place.display_name, 'line').slice(0, 200);
}

const toPlace = (place: z.infer<typeof nominatimPlace>): Place => ({
  label: plainText(place.display_name, 'line').slice(0, 300),
  address: shortAddress(place),
  latitude: place.lat,
  longitude: place.lon,
});

/** A search's answer as places inside the territory (a service may return some outside its view box); unreadable: null. */
export function placesOf(answer: unknown, territory: BoundingBox | null): Place[] | null {
  const parsed = z.array(nominatimPlace).safeParse(answer);
  if (!parsed.success) return null;
  return parsed.data
    .map(toPlace)
    .filter((place) => !territory || isWithin(territory, place.latitude, place.longitude))
    .slice(0, MAX_RESULTS);
}

/** A reverse lookup's answer as a place; nothing there (Nominatim's `{ error }`): null; unreadable: undefined. */
export function reversePlaceOf(answer: unknown): Place | null | undefined {
  if (answer && typeof answer === 'object' && 'error' in answer) return null;
  const parsed = nominatimPlace.safeParse(answer);
  return parsed.success ? toPlace(parsed.data) : undefined;
}
