import * as L from 'leaflet';
import { isWithin } from '../../../plugins/segnalazioni/server/src/places/domain/territory';
import type { MapPoint } from '../../../plugins/segnalazioni/server/src/places/domain/map-settings';
import { api, type Place } from '../api';
import { h, icon, replaceChildren, uniqueId } from '../dom';
import { formatCoordinates } from '../format';
import { t } from '../i18n';
import { mapSettings } from '../site';
import { inputField } from './forms';
import { baseMap, hasTiles, latLng, pinIcon } from './leaflet-map';

/**
 * Where the problem is: an address, a point, or both. The map is an aid and never a wall: the
 * address alone is enough, keyboard users place the pin at the map's centre with Enter, and with no
 * tiles configured (or none loading) the address field, the search and "use my position" still work.
 * The pin fills the address through our server's reverse geocoding, a chosen address moves the pin.
 */

export interface PickedPlace {
  readonly address: string;
  readonly point: MapPoint | null;
}

export interface PlacePicker {
  readonly element: HTMLElement;
  /** Draws the map; call once the element is in the page (Leaflet measures its container). */
  mount(): void;
  /** Removes the map's listeners when the step is left. */
  dispose(): void;
  place(): PickedPlace;
  /** Offers a photo's GPS position as the report's place, unless the citizen already chose one. */
  proposePhotoPosition(point: MapPoint, photoName: string): void;
}

const SEARCH_DELAY_MS = 400;

export function placePicker(initial: PickedPlace, onChange: (place: PickedPlace) => void): PlacePicker {
  const settings = mapSettings;
  let point = initial.point;
  /** The address the picker wrote itself: replaced when the pin moves, never what the citizen typed. */
  let filledAddress: string | null = null;
  let map: L.Map | null = null;
  let marker: L.Marker | null = null;
  let lookups = 0;

  const address = inputField({
    name: 'address',
    label: t('field.address'),
    value: initial.address,
    autocomplete: 'street-address',
    hint: t('submit.addressHint'),
  });
  const suggestions = h('div', { class: 'place-suggestions', 'aria-live': 'polite' });
  const status = h('p', { class: 'small mb-2', 'aria-live': 'polite', 'data-place-status': '' });
  const proposal = h('div', { 'aria-live': 'polite' });
  const instructionsId = uniqueId('istruzioni-mappa');
  const mapBox = hasTiles(settings)
    ? h('div', {
        class: 'place-map',
        role: 'application',
        'aria-label': t('place.mapLabel'),
        'aria-describedby': instructionsId,
        'data-place-map': '',
      })
    : null;
  const clear = h('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', hidden: true, onClick: () => setPoint(null) }, t('place.clear'));
  const locate =
    'geolocation' in navigator
      ? h(
          'button',
          { type: 'button', class: 'btn btn-outline-primary btn-sm', onClick: () => useMyPosition() },
          icon('it-map-marker-circle', { className: 'icon-primary icon-sm me-1' }),
          t('place.locate'),
        )
      : null;

  const current = (): PickedPlace => ({ address: address.control.value.trim(), point });

  function showStatus(message: string, problem = false): void {
    status.textContent = message;
    status.classList.toggle('text-danger', problem);
  }

  function describePoint(): void {
    clear.hidden = point === null;
    showStatus(point ? t('place.pointChosen', { point: formatCoordinates(point) }) : mapBox ? t('place.noPoint') : '');
  }

  /** Sets (or removes) the pin; `fill` asks the geocoder for the address, unless the citizen wrote their own. */
  function setPoint(next: MapPoint | null, { fill = false } = {}): void {
    if (next && settings?.bounds && !isWithin(settings.bounds, next.latitude, next.longitude)) {
      showStatus(t('place.outside'), true);
      return;
    }
    point = next ? { latitude: Number(next.latitude.toFixed(6)), longitude: Number(next.longitude.toFixed(6)) } : null;
    replaceChildren(proposal);
    drawPin();
    describePoint();
    onChange(current());
    if (point && fill && settings?.addressSearch) void fillAddress(point);
  }

  async function fillAddress(at: MapPoint): Promise<void> {
    const typed = address.control.value.trim();
    if (typed && typed !== filledAddress) return;
    const lookup = ++lookups;
    const found = await api.placeAt(at.latitude, at.longitude).catch(() => null);
    // Only the latest pin's answer counts, and never over what the citizen typed meanwhile.
    if (lookup !== lookups || !found || (address.control.value.trim() && address.control.value.trim() !== filledAddress)) return;
    address.control.value = found.address;
    filledAddress = found.address;
    onChange(current());
  }

  function drawPin(): void {
    if (!map) return;
    if (!point) {
      marker?.remove();
      marker = null;
      return;
    }
    if (!marker) {
      marker = L.marker(latLng(point), { icon: pinIcon(), draggable: true, keyboard: false, title: t('place.pin') }).addTo(map);
      marker.on('dragend', () => {
        const moved = marker?.getLatLng();
        if (moved) setPoint({ latitude: moved.lat, longitude: moved.lng }, { fill: true });
      });
    } else {
      marker.setLatLng(latLng(point));
    }
    if (!map.getBounds().contains(latLng(point))) map.panTo(latLng(point));
  }

  function useMyPosition(): void {
    showStatus(t('place.locating'));
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const here = { latitude: coords.latitude, longitude: coords.longitude };
        map?.setView(latLng(here), Math.max(map.getZoom(), 17));
        setPoint(here, { fill: true });
      },
      (error) => showStatus(error.code === error.PERMISSION_DENIED ? t('place.locateDenied') : t('place.locateFailed'), true),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function choose(place: Place): void {
    address.control.value = place.address;
    filledAddress = place.address;
    replaceChildren(suggestions);
    map?.setView(latLng(place), Math.max(map.getZoom(), 17));
    setPoint(place);
    address.control.focus();
  }

  function showSuggestions(places: readonly Place[]): void {
    if (places.length === 0) return replaceChildren(suggestions, h('p', { class: 'small text-muted' }, t('place.noneFound')));
    replaceChildren(
      suggestions,
      h('p', { class: 'small mb-1', id: uniqueId('indirizzi-trovati') }, t('place.found')),
      h(
        'ul',
        { class: 'list-unstyled mb-2' },
        places.map((place) =>
          h('li', {}, h('button', { type: 'button', class: 'btn btn-link btn-sm p-0 text-start', onClick: () => choose(place) }, place.label)),
        ),
      ),
    );
  }

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  if (settings?.addressSearch) {
    address.control.addEventListener('input', () => {
      clearTimeout(searchTimer);
      const q = address.control.value.trim();
      if (q.length < 3 || q === filledAddress) return replaceChildren(suggestions);
      searchTimer = setTimeout(async () => {
        const lookup = ++lookups;
        const places = await api.searchPlaces(q).catch(() => null);
        if (lookup !== lookups || address.control.value.trim() !== q) return;
        if (places) showSuggestions(places);
        else replaceChildren(suggestions, h('p', { class: 'small text-muted' }, t('place.searchUnavailable')));
      }, SEARCH_DELAY_MS);
    });
  }
  address.control.addEventListener('change', () => onChange(current()));

  const element = h(
    'div',
    { class: 'place-picker' },
    address.group,
    suggestions,
    mapBox
      ? [
          h('p', { id: instructionsId, class: 'small' }, t('place.instructions')),
          h('div', { class: 'place-map-frame mb-2' }, mapBox, h('span', { class: 'place-map-crosshair', 'aria-hidden': 'true' })),
        ]
      : null,
    status,
    h('div', { class: 'd-flex flex-wrap gap-2 mb-3' }, locate, clear),
    proposal,
  );
  describePoint();

  return {
    element,
    mount() {
      if (!mapBox || !hasTiles(settings) || map) return;
      map = baseMap(mapBox, settings);
      if (point) map.setView(latLng(point), Math.max(settings.zoom, 17));
      map.on('click', (event: L.LeafletMouseEvent) => setPoint({ latitude: event.latlng.lat, longitude: event.latlng.lng }, { fill: true }));
      mapBox.addEventListener('keydown', (event) => {
        if (event.target !== mapBox || (event.key !== 'Enter' && event.key !== ' ') || !map) return;
        event.preventDefault();
        const centre = map.getCenter();
        setPoint({ latitude: centre.lat, longitude: centre.lng }, { fill: true });
      });
      drawPin();
    },
    dispose() {
      clearTimeout(searchTimer);
      map?.remove();
      map = null;
      marker = null;
    },
    place: current,
    proposePhotoPosition(photoPoint, photoName) {
      if (point || (settings?.bounds && !isWithin(settings.bounds, photoPoint.latitude, photoPoint.longitude))) return;
      const accept = h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary btn-sm',
          onClick: () => {
            map?.setView(latLng(photoPoint), Math.max(map.getZoom(), 17));
            setPoint(photoPoint, { fill: true });
          },
        },
        t('place.photoAccept'),
      );
      replaceChildren(
        proposal,
        h(
          'div',
          { class: 'alert alert-info', role: 'group', 'aria-label': t('place.photoProposal') },
          h('p', { class: 'mb-2' }, t('place.photoTaken', { name: photoName })),
          h(
            'div',
            { class: 'd-flex flex-wrap gap-2' },
            accept,
            h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', onClick: () => replaceChildren(proposal) }, t('place.photoDecline')),
          ),
        ),
      );
    },
  };
}
