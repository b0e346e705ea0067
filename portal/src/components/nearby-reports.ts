import { nearbyQuery } from '../../../plugins/segnalazioni/server/src/places/domain/nearby';
import type { MapPoint } from '../../../plugins/segnalazioni/server/src/places/domain/map-settings';
import { api, type PublicCategory } from '../api';
import { h, replaceChildren } from '../dom';
import { formatDate } from '../format';
import { t } from '../i18n';
import { BASE } from '../router';
import { statusLine } from './report-parts';

let shown = 0;

/**
 * Published reports of the chosen category around the chosen point (within the category's radius), before the citizen sends one:
 * "è la stessa?" opens it in a new tab, so the draft stays where it is. Nothing when there are none,
 * or when the archive cannot be read (sending still works).
 */
export async function nearbyReports(slot: HTMLElement, point: MapPoint | null, category: PublicCategory | null): Promise<void> {
  const asked = ++shown;
  if (!point || !category) return replaceChildren(slot);
  const found = await api.reports(nearbyQuery(point, category, new Date())).catch(() => null);
  // A later choice of place or category has its own answer.
  if (asked !== shown) return;
  if (!found || found.data.length === 0) return replaceChildren(slot);
  replaceChildren(
    slot,
    h(
      'section',
      { class: 'callout callout-highlight note mt-2', 'aria-labelledby': 'segnalazioni-vicine', 'data-nearby': '' },
      h('h3', { id: 'segnalazioni-vicine', class: 'h6 callout-title' }, t('place.nearbyTitle')),
      h('p', { class: 'small' }, t('place.nearbyLead')),
      h(
        'ul',
        { class: 'list-unstyled mb-0' },
        found.data.map((report) =>
          h(
            'li',
            { class: 'mb-2' },
            statusLine(report, h('time', { class: 'text-muted small', datetime: report.submittedAt }, formatDate(report.submittedAt))),
            h(
              'a',
              { href: `${BASE}/segnalazioni/${encodeURIComponent(report.documentId)}`, target: '_blank', rel: 'noopener' },
              t('place.nearbySame', { title: report.title }),
              h('span', { class: 'visually-hidden' }, ` ${t('place.newTab')}`),
            ),
          ),
        ),
      ),
    ),
  );
}
