import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MAX_ZOOM, type MapPoint, type MapSettings } from '../../../plugins/segnalazioni/server/src/places/domain/map-settings';
import { icon } from '../dom';

/**
 * The portal's maps, on Leaflet: the configured tiles with their attribution, opening where the
 * municipality says and kept around its territory. Pins are the Bootstrap Italia marker icon, so no
 * image files travel with the bundle.
 */

export type TiledSettings = MapSettings & { readonly tiles: NonNullable<MapSettings['tiles']> };

export const hasTiles = (settings: MapSettings | null): settings is TiledSettings => Boolean(settings?.tiles);

export const latLng = (point: MapPoint): L.LatLngTuple => [point.latitude, point.longitude];

export function baseMap(container: HTMLElement, settings: TiledSettings): L.Map {
  const { bounds } = settings;
  const map = L.map(container, {
    center: latLng(settings.center),
    zoom: settings.zoom,
    maxZoom: MAX_ZOOM,
    // The territory and a margin around it: a citizen can look past the border, not lose the town.
    maxBounds: bounds ? L.latLngBounds([bounds.minLatitude, bounds.minLongitude], [bounds.maxLatitude, bounds.maxLongitude]).pad(0.5) : undefined,
  });
  L.tileLayer(settings.tiles.url, { attribution: settings.tiles.attribution, maxZoom: MAX_ZOOM }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  return map;
}

/** A pin: the marker icon, named for screen readers by `title`. */
export function pinIcon(className = ''): L.DivIcon {
  const html = document.createElement('span');
  html.append(icon('it-map-marker', { className: 'icon-lg icon-primary' }));
  return L.divIcon({ html, className: `map-pin ${className}`.trim(), iconSize: [48, 48], iconAnchor: [24, 44] });
}

/** A map of one point and its pin, to look at. */
export function pointMap(container: HTMLElement, settings: TiledSettings, point: MapPoint, title: string): L.Map {
  const map = baseMap(container, { ...settings, center: point, zoom: Math.max(settings.zoom, 17) });
  L.marker(latLng(point), { icon: pinIcon(), title, keyboard: false }).addTo(map);
  return map;
}
