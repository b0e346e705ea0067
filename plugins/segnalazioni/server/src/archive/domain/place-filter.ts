import { z } from 'zod';
import type { BoundingBox } from '../../places/domain/territory';

/**
 * Where published reports are looked for: a box (`bbox=minLng,minLat,maxLng,maxLat`, the order of
 * GeoJSON and OGC), or a circle around a point (`near=lat,lng`, `radius` in metres). A circle is
 * read as the box around it — what an index can seek — and then the exact circle, measured on an
 * equirectangular projection at the centre's latitude: within a municipality (tens of kilometres)
 * its error is far below the 50 m grid public places are rounded to.
 */

export const DEFAULT_RADIUS_M = 100;
export const MAX_RADIUS_M = 10_000;
/** Metres in a degree of latitude (mean Earth radius 6,371,008.8 m). */
export const METRES_PER_DEGREE = 111_195;

export interface Circle {
  readonly latitude: number;
  readonly longitude: number;
  readonly radiusM: number;
}

export interface PlaceFilter {
  readonly box: BoundingBox;
  readonly circle?: Circle;
}

const numbers = (label: string, count: number, example: string) =>
  z
    .string({ error: `${label}: ${example}.` })
    .max(120, { error: `${label}: ${example}.` })
    .transform((text, context) => {
      const parts = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
      if (parts.length !== count || parts.some((part) => !Number.isFinite(part))) {
        context.addIssue({ code: 'custom', message: `${label}: ${example}.` });
        return z.NEVER;
      }
      return parts;
    });

const isLatitude = (value: number) => value >= -90 && value <= 90;
const isLongitude = (value: number) => value >= -180 && value <= 180;

export const bboxParam = numbers('bbox', 4, 'quattro numeri "lngMin,latMin,lngMax,latMax", ad esempio 8.00,45.50,8.10,45.60')
  .refine(([minLng, minLat, maxLng, maxLat]) => isLongitude(minLng) && isLongitude(maxLng) && isLatitude(minLat) && isLatitude(maxLat), {
    error: 'bbox: longitudini tra -180 e 180, latitudini tra -90 e 90.',
  })
  .refine(([minLng, minLat, maxLng, maxLat]) => minLng <= maxLng && minLat <= maxLat, { error: 'bbox: prima gli angoli minimi, poi i massimi.' })
  .transform(([minLongitude, minLatitude, maxLongitude, maxLatitude]): BoundingBox => ({ minLatitude, minLongitude, maxLatitude, maxLongitude }));

export const nearParam = numbers('near', 2, 'due numeri "lat,lng", ad esempio 45.56,8.05').refine(
  ([latitude, longitude]) => isLatitude(latitude) && isLongitude(longitude),
  { error: 'near: latitudine tra -90 e 90, longitudine tra -180 e 180.' },
);

export const radiusParam = z.coerce
  .number({ error: 'radius: un numero di metri.' })
  .int({ error: 'radius: un numero intero di metri.' })
  .min(1, { error: 'radius: almeno 1 metro.' })
  .max(MAX_RADIUS_M, { error: `radius: al massimo ${MAX_RADIUS_M.toLocaleString('it-IT')} metri.` });

/** The box around a circle: every point within `radiusM` of the centre is inside it. */
export function boxAround({ latitude, longitude, radiusM }: Circle): BoundingBox {
  const latitudeDelta = radiusM / METRES_PER_DEGREE;
  const cosine = Math.max(Math.cos((latitude * Math.PI) / 180), 1e-6);
  const longitudeDelta = Math.min(radiusM / (METRES_PER_DEGREE * cosine), 180);
  return {
    minLatitude: Math.max(latitude - latitudeDelta, -90),
    maxLatitude: Math.min(latitude + latitudeDelta, 90),
    minLongitude: Math.max(longitude - longitudeDelta, -180),
    maxLongitude: Math.min(longitude + longitudeDelta, 180),
  };
}

/** Metres per degree of longitude and of latitude at the circle's centre: what the exact test multiplies by. */
export function scalesAt(circle: Circle): { x: number; y: number } {
  return { x: METRES_PER_DEGREE * Math.cos((circle.latitude * Math.PI) / 180), y: METRES_PER_DEGREE };
}

/** The distance the filter measures, in metres (the same formula the database computes). */
export function planarDistanceM(circle: Circle, point: { latitude: number; longitude: number }): number {
  const { x, y } = scalesAt(circle);
  return Math.hypot((point.longitude - circle.longitude) * x, (point.latitude - circle.latitude) * y);
}

/** The place filter of a query's `bbox`, `near` and `radius` (parsed), or none; `near` and `bbox` together narrow each other. */
export function placeFilterOf({ bbox, near, radius }: { bbox?: BoundingBox; near?: number[]; radius?: number }): PlaceFilter | undefined {
  if (!near) return bbox ? { box: bbox } : undefined;
  const circle: Circle = { latitude: near[0], longitude: near[1], radiusM: radius ?? DEFAULT_RADIUS_M };
  const around = boxAround(circle);
  const box = bbox
    ? {
        minLatitude: Math.max(around.minLatitude, bbox.minLatitude),
        maxLatitude: Math.min(around.maxLatitude, bbox.maxLatitude),
        minLongitude: Math.max(around.minLongitude, bbox.minLongitude),
        maxLongitude: Math.min(around.maxLongitude, bbox.maxLongitude),
      }
    : around;
  return { box, circle };
}

export const RADIUS_WITHOUT_NEAR = { error: 'radius va con near: il raggio è attorno al punto indicato.', path: ['radius'] };
export const radiusNeedsNear = (query: { near?: unknown; radius?: unknown }) => query.radius === undefined || query.near !== undefined;
