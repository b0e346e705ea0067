import type { MapPoint } from './map-settings';

/**
 * Before a citizen sends a report, the portal shows the published reports of the same category
 * around the same place, as FixMyStreet does: if one is the same problem, the citizen follows it
 * instead of sending a copy the office would have to merge.
 */
export const NEARBY = { radiusMetres: 100, days: 90, limit: 5 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The archive query for them: published reports of `category` within its radius (100 m unless its editors chose), submitted in the last days. */
export function nearbyQuery(point: MapPoint, category: { readonly slug: string; readonly nearbyMetres?: number }, now: Date) {
  return {
    near: `${point.latitude.toFixed(6)},${point.longitude.toFixed(6)}`,
    radius: category.nearbyMetres ?? NEARBY.radiusMetres,
    category: category.slug,
    from: new Date(now.getTime() - NEARBY.days * DAY_MS).toISOString().slice(0, 10),
    pageSize: NEARBY.limit,
  };
}
