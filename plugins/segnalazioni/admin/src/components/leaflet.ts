import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MAX_ZOOM, type MapPoint, type MapSettings } from '../../../server/src/places/domain/map-settings';

/** The panel's maps on Leaflet: the configured tiles with their attribution, and points drawn as dots (no image files). */

export type Tiles = NonNullable<MapSettings['tiles']>;

export function tiledMap(container: HTMLElement, tiles: Tiles, center: MapPoint, zoom: number): L.Map {
  const map = L.map(container, { center: [center.latitude, center.longitude], zoom, maxZoom: MAX_ZOOM });
  L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: MAX_ZOOM }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  return map;
}

export const dot = (point: MapPoint, colour: string, radius: number): L.CircleMarker =>
  L.circleMarker([point.latitude, point.longitude], { radius, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1 });
