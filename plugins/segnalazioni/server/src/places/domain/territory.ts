/**
 * The municipality's territory as a box (`MUNICIPALITY_BBOX`): every door that takes a place — the
 * portal's pin, the citizen API, Open311, the desk, WhatsApp, the address search — refuses a point
 * outside it with the same words. No dependency: the portal's bundle carries it as it is.
 */

/** The municipality's territory as a box: reports placed outside it are refused. */
export interface BoundingBox {
  readonly minLatitude: number;
  readonly minLongitude: number;
  readonly maxLatitude: number;
  readonly maxLongitude: number;
}

export const OUTSIDE_TERRITORY = 'Posizione: il punto indicato è fuori dal territorio comunale.';

/** Whether a point is in the box, edges included. */
export const isWithin = (box: BoundingBox, latitude: number, longitude: number): boolean =>
  latitude >= box.minLatitude && latitude <= box.maxLatitude && longitude >= box.minLongitude && longitude <= box.maxLongitude;

/** Reads `minLon,minLat,maxLon,maxLat` (the usual bbox order); `null` when unset. */
export function parseBoundingBox(value: string | undefined | null): BoundingBox | null {
  if (!value || !value.trim()) return null;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
    throw new Error(`MUNICIPALITY_BBOX must be "minLon,minLat,maxLon,maxLat", not "${value}"`);
  }
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = parts;
  if (minLongitude >= maxLongitude || minLatitude >= maxLatitude) {
    throw new Error(`MUNICIPALITY_BBOX has its corners the wrong way round: "${value}"`);
  }
  return { minLatitude, minLongitude, maxLatitude, maxLongitude };
}
