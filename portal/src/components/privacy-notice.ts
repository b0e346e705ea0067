import { h } from '../dom';
import { t } from '../i18n';
import { municipality } from '../site';

/** The privacy notice (art. 13 GDPR) a citizen reads before sending a report. */
export function privacyNotice(headingLevel: 'h2' | 'h3'): HTMLElement {
  const heading = (text: string) => h(headingLevel, { class: 'h6 mt-3' }, text);
  return h(
    'div',
    { class: 'privacy-notice' },
    heading(t('privacy.controllerTitle')),
    h('p', {}, t('privacy.controller', { municipality })),
    heading(t('privacy.dataTitle')),
    h('p', {}, t('privacy.data')),
    heading(t('privacy.publicTitle')),
    h('p', {}, t('privacy.public')),
    heading(t('privacy.retentionTitle')),
    h('p', {}, t('privacy.retention')),
    heading(t('privacy.rightsTitle')),
    h('p', { class: 'mb-0' }, t('privacy.rights')),
  );
}
