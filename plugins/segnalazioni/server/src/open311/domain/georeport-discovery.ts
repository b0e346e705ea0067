import type { Open311Object } from './georeport-document';

/** When this endpoint last changed in a way its clients must know (GeoReport's `changeset`). */
export const ENDPOINT_CHANGESET = '2026-12-03T00:00:00+01:00';

export const GEOREPORT_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The discovery document: where the one production endpoint is, in which formats, and whom to ask. */
export const discoveryOf = ({ url, contact, keyService }: { url: string; contact: string; keyService: string }): Open311Object => ({
  changeset: ENDPOINT_CHANGESET,
  contact,
  key_service: keyService,
  endpoints: [
    {
      specification: GEOREPORT_SPECIFICATION,
      url,
      changeset: ENDPOINT_CHANGESET,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    },
  ],
});
