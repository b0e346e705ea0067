import type { PublicReport } from './visibility';

/**
 * The archive as GeoJSON (RFC 7946), for maps and GIS: one Feature per published report, its public
 * point as the geometry ([longitude, latitude], WGS 84) and its other public fields as properties —
 * the same fields the archive serves, nothing more. A report published without a place has a null
 * geometry (RFC 7946 §3.2), so a page keeps the archive's order and counts.
 */

export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

export interface ReportFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] } | null;
  readonly properties: Omit<PublicReport, 'latitude' | 'longitude' | 'documentId'>;
}

export function reportFeature({ latitude, longitude, documentId, ...properties }: PublicReport): ReportFeature {
  return {
    type: 'Feature',
    id: documentId,
    geometry: latitude === null || longitude === null ? null : { type: 'Point', coordinates: [longitude, latitude] },
    properties,
  };
}

/** A page of the archive as a FeatureCollection; its pagination and cursor ride along as foreign members (RFC 7946 §6.1). */
export function featureCollection<M extends object>(reports: readonly PublicReport[], members: M) {
  return { type: 'FeatureCollection' as const, features: reports.map(reportFeature), ...members };
}
