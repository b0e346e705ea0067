import * as L from 'leaflet';
import { api, type ReportFeature } from '../api';
import { h } from '../dom';
import { formatDate, statusLabel } from '../format';
import { t } from '../i18n';
import { BASE } from '../router';
import { mapSettings } from '../site';
import { alertBox } from './layout';
import { baseMap, hasTiles, pinIcon } from './leaflet-map';

/**
 * The archive as a map: the published reports of the area in view, with the list's filters, as
 * pins grouped when they would overlap. Each move of the map asks the archive for that area's
 * most recent 100 (its bbox filter), so the map stays light at any size of the archive; the count
 * says when there are more. Pins are keyboard buttons that open a popup with the report's link.
 */

const PER_AREA = 100;
const CLUSTER_PX = 56;
const MOVE_DELAY_MS = 250;

type Located = ReportFeature & { readonly geometry: NonNullable<ReportFeature['geometry']> };

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

function popup(feature: Located): HTMLElement {
  const { properties } = feature;
  return h(
    'div',
    {},
    h('p', { class: 'small mb-1' }, `${statusLabel(properties.status)} · ${formatDate(properties.submittedAt)}`),
    h('a', { href: `${BASE}/segnalazioni/${encodeURIComponent(feature.id)}` }, properties.title),
  );
}

/** Pins closer than CLUSTER_PX on screen become one numbered marker, which zooms in on them. */
function groups(map: L.Map, features: readonly Located[]): Located[][] {
  const cells = new Map<string, Located[]>();
  for (const feature of features) {
    const [longitude, latitude] = feature.geometry.coordinates;
    const at = map.project([latitude, longitude]);
    const key = `${Math.floor(at.x / CLUSTER_PX)}:${Math.floor(at.y / CLUSTER_PX)}`;
    cells.set(key, [...(cells.get(key) ?? []), feature]);
  }
  return [...cells.values()];
}

function clusterMarker(map: L.Map, members: readonly Located[]): L.Marker {
  const bounds = L.latLngBounds(
    members.map(
      ({
        geometry: {
          coordinates: [lng, lat],
        },
      }) => [lat, lng],
    ),
  );
  const label = t('archive.cluster', { count: members.length });
  const marker = L.marker(bounds.getCenter(), {
    icon: L.divIcon({ html: String(members.length), className: 'map-cluster', iconSize: [40, 40] }),
    title: label,
    keyboard: true,
  });
  marker.on('click', () => map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom() }));
  return marker;
}

function reportMarker(feature: Located): L.Marker {
  const [longitude, latitude] = feature.geometry.coordinates;
  return L.marker([latitude, longitude], { icon: pinIcon(), title: feature.properties.title, keyboard: true }).bindPopup(() => popup(feature));
}

export function archiveMap(filters: Readonly<Record<string, string | undefined>>): { readonly element: HTMLElement; mount(): void } {
  const settings = mapSettings;
  if (!hasTiles(settings)) return { element: alertBox('info', t('archive.noMap')), mount: () => undefined };
  const box = h('div', { class: 'archive-map', role: 'region', 'aria-label': t('archive.mapLabel'), 'data-archive-map': '' });
  const count = h('p', { class: 'small', 'aria-live': 'polite', 'data-map-count': '' });
  const element = h(
    'section',
    { 'aria-labelledby': 'risultati' },
    h('h2', { id: 'risultati', tabindex: '-1', class: 'visually-hidden' }, t('archive.mapHeading')),
    h('p', { class: 'small' }, t('archive.mapHint')),
    box,
    count,
  );

  return {
    element,
    mount() {
      const map = baseMap(box, settings);
      const layer = L.layerGroup().addTo(map);
      let features: Located[] = [];
      let asked = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const draw = () => {
        layer.clearLayers();
        for (const members of groups(map, features)) layer.addLayer(members.length === 1 ? reportMarker(members[0]) : clusterMarker(map, members));
      };

      const load = async () => {
        const view = map.getBounds();
        const bbox = [clamp(view.getWest(), 180), clamp(view.getSouth(), 90), clamp(view.getEast(), 180), clamp(view.getNorth(), 90)]
          .map((value) => value.toFixed(6))
          .join(',');
        const request = ++asked;
        const answer = await api.reportFeatures({ ...filters, bbox, pageSize: PER_AREA }).catch(() => null);
        if (request !== asked || !answer) return;
        features = answer.features.filter((feature): feature is Located => feature.geometry !== null);
        const { total } = answer.pagination;
        count.textContent =
          total === 0
            ? t('archive.mapNone')
            : total > features.length
              ? t('archive.mapShownMore', { shown: features.length, total })
              : t(features.length === 1 ? 'archive.mapShownOne' : 'archive.mapShown', { shown: features.length });
        draw();
      };

      map.on('moveend', () => {
        clearTimeout(timer);
        timer = setTimeout(load, MOVE_DELAY_MS);
      });
      map.on('zoomend', draw);
      void load();
    },
  };
}
