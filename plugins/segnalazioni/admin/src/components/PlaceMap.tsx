import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import { planarDistanceM } from '../../../server/src/archive/domain/place-filter';
import type { MapPoint, MapSettings } from '../../../server/src/places/domain/map-settings';
import { NEARBY } from '../../../server/src/places/domain/nearby';
import { useResource, type ReportSummary } from '../api';
import { dot, tiledMap } from './leaflet';
import { StatusBadge } from './StatusBadge';
import { useT } from '../useT';

/** The citizen's point, the public one (when moderated apart) and the reports around it, on the configured tiles. */
const COLOURS = { citizen: '#c02', public: '#06c', nearby: '#5c6f82' } as const;

interface Props {
  readonly settings: MapSettings;
  readonly documentId: string;
  readonly point: MapPoint;
  readonly publicPoint: MapPoint | null;
}

/**
 * The report's place for the officer: a map (when the site has tiles) and, always, the other reports
 * within the nearby radius — the copies an officer would close as duplicates — each a link to its page.
 */
export const PlaceMap = ({ settings, documentId, point, publicPoint }: Props) => {
  const { t } = useT();
  const navigate = useNavigate();
  const container = React.useRef<HTMLDivElement>(null);
  const around = useResource<{ data: ReportSummary[] }>('/segnalazioni/reports', {
    near: `${point.latitude},${point.longitude}`,
    radius: NEARBY.radiusMetres,
    pageSize: 10,
  });
  const circle = { ...point, radiusM: NEARBY.radiusMetres };
  const nearby = (around.data?.data ?? [])
    .flatMap(({ latitude, longitude, ...report }) =>
      report.documentId !== documentId && latitude !== null && longitude !== null ? [{ report, at: { latitude, longitude } }] : [],
    )
    .map((found) => ({ ...found, metres: Math.round(planarDistanceM(circle, found.at)) }))
    .filter(({ metres }) => metres <= NEARBY.radiusMetres)
    .sort((a, b) => a.metres - b.metres);

  const { tiles } = settings;
  React.useEffect(() => {
    if (!container.current || !tiles) return;
    const map = tiledMap(container.current, tiles, point, 17);
    for (const { report, at } of nearby) dot(at, COLOURS.nearby, 6).bindTooltip(report.title).addTo(map);
    if (publicPoint) dot(publicPoint, COLOURS.public, 7).bindTooltip(t('map.public', 'Posizione pubblica')).addTo(map);
    dot(point, COLOURS.citizen, 9).bindTooltip(t('map.citizen', 'Posizione indicata dal cittadino')).addTo(map);
    return () => {
      map.remove();
    };
    // The nearby reports are drawn once loaded; the rest only changes with the report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tiles?.url, point.latitude, point.longitude, publicPoint?.latitude, publicPoint?.longitude, around.data]);

  return (
    <Box paddingTop={3}>
      {tiles && (
        <div
          ref={container}
          role="region"
          aria-label={t('map.label', 'Mappa del luogo della segnalazione')}
          style={{ height: 280, borderRadius: 4, border: '1px solid #dcdce4' }}
          data-panel-map=""
        />
      )}
      <Box paddingTop={3}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('map.nearby', 'Altre segnalazioni entro {metres} m', { metres: NEARBY.radiusMetres })}
        </Typography>
        {nearby.length === 0 ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {around.loading ? t('loading', 'Caricamento…') : t('map.nearbyNone', 'Nessuna.')}
          </Typography>
        ) : (
          <ul data-nearby="">
            {nearby.map(({ report, metres }) => (
              <li key={report.documentId}>
                <Flex gap={2} paddingTop={1} wrap="wrap">
                  <StatusBadge status={report.status} />
                  <a
                    href={`${report.documentId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`../${report.documentId}`, { relative: 'path' });
                    }}
                  >
                    {report.title}
                  </a>
                  <Typography variant="pi" textColor="neutral600">
                    {`${report.reference} · ${t('map.metres', '{metres} m', { metres })}`}
                  </Typography>
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </Box>
  );
};
