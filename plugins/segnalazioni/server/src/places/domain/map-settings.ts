import { parseBoundingBox, type BoundingBox } from './territory';

/**
 * What the portal's and the panel's maps are drawn with: the tile service and its attribution, where
 * the map opens, the territory a pin must stay in, and whether addresses can be searched. All of it
 * is configuration; the server writes it into the portal's page, so the maps need no request of their own.
 */

export interface MapPoint {
  readonly latitude: number;
  readonly longitude: number;
}

export interface MapConfig {
  /** An XYZ tile address with `{z}`, `{x}`, `{y}` (and optionally `{s}`, `{r}`); empty: no map, the address alone. */
  readonly tileUrl: string;
  /** The attribution the tile service's licence requires, as HTML (a link to its copyright page). */
  readonly attribution: string;
  /** Where the map opens, `lat,lng`; empty: the middle of the territory. */
  readonly center: string;
  readonly zoom: number;
}

export interface MapSettings {
  readonly tiles: { readonly url: string; readonly attribution: string } | null;
  readonly center: MapPoint;
  readonly zoom: number;
  readonly bounds: BoundingBox | null;
  readonly addressSearch: boolean;
}

/** The first zoom and the most a tile service gives (OpenStreetMap's standard tiles stop at 19). */
export const MAX_ZOOM = 19;

/** Reads `lat,lng`; `null` when unset. */
export function parseCenter(value: string): MapPoint | null {
  if (!value.trim()) return null;
  const parts = value.split(',').map((part) => Number(part.trim()));
  const [latitude, longitude] = parts;
  if (parts.length !== 2 || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new Error(`MUNICIPALITY_CENTER must be "lat,lng" (e.g. 45.5629,8.0583), not "${value}"`);
  }
  return { latitude, longitude };
}

/** Throws, for the configuration's validator, on a tile address a map cannot use. */
export function checkTileUrl(value: string): void {
  if (!value) return;
  let url: URL;
  try {
    url = new URL(value.replaceAll(/\{[a-z]\}/g, 'a'));
  } catch {
    throw new Error(`MAP_TILE_URL is not an address: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`MAP_TILE_URL must be http or https: "${value}"`);
  if (!['{z}', '{x}', '{y}'].every((part) => value.includes(part))) throw new Error(`MAP_TILE_URL must hold {z}, {x} and {y}: "${value}"`);
}

/**
 * The origin the browsers fetch tiles from, as a Content-Security-Policy source: `{s}` subdomains
 * become a wildcard. `null` without tiles.
 */
export function tileSource(tileUrl: string): string | null {
  if (!tileUrl) return null;
  const [scheme, rest] = tileUrl.split('://');
  const host = rest.split('/')[0].replace('{s}', '*');
  return `${scheme}://${host}`;
}

const middleOf = (box: BoundingBox): MapPoint => ({
  latitude: (box.minLatitude + box.maxLatitude) / 2,
  longitude: (box.minLongitude + box.maxLongitude) / 2,
});

export function mapSettingsOf(map: MapConfig, territory: string, geocoderUrl: string): MapSettings {
  const bounds = parseBoundingBox(territory);
  const center = parseCenter(map.center) ?? (bounds ? middleOf(bounds) : null);
  if (!center) throw new Error('MUNICIPALITY_CENTER or MUNICIPALITY_BBOX must say where the map opens');
  return {
    tiles: map.tileUrl ? { url: map.tileUrl, attribution: map.attribution } : null,
    center,
    zoom: map.zoom,
    bounds,
    addressSearch: Boolean(geocoderUrl),
  };
}

export function checkMapConfig(map: MapConfig, territory: string): void {
  checkTileUrl(map.tileUrl);
  if (!Number.isInteger(map.zoom) || map.zoom < 1 || map.zoom > MAX_ZOOM) throw new Error(`MAP_ZOOM must be a whole number from 1 to ${MAX_ZOOM}`);
  mapSettingsOf(map, territory, '');
}
