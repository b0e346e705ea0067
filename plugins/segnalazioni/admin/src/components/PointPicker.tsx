import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type * as L from 'leaflet';
import * as React from 'react';
import { isWithin } from '../../../server/src/places/domain/territory';
import type { MapPoint, MapSettings } from '../../../server/src/places/domain/map-settings';
import { useT } from '../useT';
import { dot, tiledMap } from './leaflet';

interface Props {
  readonly settings: MapSettings;
  readonly value: MapPoint | null;
  readonly onChange: (point: MapPoint | null) => void;
}

const rounded = (latlng: L.LatLng): MapPoint => ({ latitude: Number(latlng.lat.toFixed(6)), longitude: Number(latlng.lng.toFixed(6)) });

/**
 * The point of a report filed at the desk, as citizens give it in the portal: a click on the map, or
 * Enter to put it at the map's centre; the address field beside it is enough on its own.
 */
export const PointPicker = ({ settings, value, onChange }: Props) => {
  const { t } = useT();
  const container = React.useRef<HTMLDivElement>(null);
  const map = React.useRef<L.Map | null>(null);
  const marker = React.useRef<L.CircleMarker | null>(null);
  const [outside, setOutside] = React.useState(false);
  const choose = React.useRef(onChange);
  choose.current = onChange;

  const { tiles, bounds } = settings;
  React.useEffect(() => {
    if (!container.current || !tiles) return;
    const created = tiledMap(container.current, tiles, settings.center, settings.zoom);
    const pick = (latlng: L.LatLng) => {
      const point = rounded(latlng);
      const within = !bounds || isWithin(bounds, point.latitude, point.longitude);
      setOutside(!within);
      if (within) choose.current(point);
    };
    created.on('click', (event: L.LeafletMouseEvent) => pick(event.latlng));
    const element = container.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.target !== element || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      pick(created.getCenter());
    };
    element.addEventListener('keydown', onKey);
    map.current = created;
    return () => {
      element.removeEventListener('keydown', onKey);
      created.remove();
      map.current = null;
      marker.current = null;
    };
  }, [tiles?.url]); // eslint-disable-line react-hooks/exhaustive-deps

  React.useEffect(() => {
    marker.current?.remove();
    marker.current = null;
    if (map.current && value) {
      marker.current = dot(value, '#c02', 9).addTo(map.current);
    }
  }, [value?.latitude, value?.longitude]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!tiles) return null;
  return (
    <Box>
      <Typography variant="pi" fontWeight="bold" tag="p">
        {t('desk.point', 'Punto sulla mappa (facoltativo)')}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p" id="desk-point-help">
        {t('desk.point.hint', 'Clicca sul punto del problema, oppure sposta la mappa con le frecce e premi Invio per metterlo al centro.')}
      </Typography>
      <div
        ref={container}
        role="application"
        aria-label={t('desk.point.map', 'Mappa per indicare il punto')}
        aria-describedby="desk-point-help"
        style={{ height: 260, marginTop: 8, borderRadius: 4, border: '1px solid #dcdce4' }}
      />
      <Flex gap={2} paddingTop={2} wrap="wrap" aria-live="polite">
        <Typography variant="pi" textColor={outside ? 'danger600' : 'neutral800'} data-desk-point="">
          {outside
            ? t('desk.point.outside', 'Il punto è fuori dal territorio comunale.')
            : value
              ? t('desk.point.chosen', 'Punto: {latitude}, {longitude}', { latitude: value.latitude, longitude: value.longitude })
              : t('desk.point.none', 'Nessun punto.')}
        </Typography>
        {value && (
          <Button variant="tertiary" size="S" onClick={() => onChange(null)}>
            {t('desk.point.clear', 'Togli il punto')}
          </Button>
        )}
      </Flex>
    </Box>
  );
};
