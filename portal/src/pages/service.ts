import { pageLayout } from '../components/layout';
import { ratingCard } from '../components/rating';
import { h } from '../dom';
import { t, type MessageKey } from '../i18n';
import { BASE, type PageRenderer } from '../router';
import { municipality } from '../site';

/**
 * The service as the Designers Italia "Modello Comuni" describes one, with the data-elements the
 * AGID validator reads: the services index (`service-link`) and the service page (title, status,
 * description, the index of its sections in the model's order, the office responsible, its topic
 * and its metadata as JSON-LD).
 */

export const SERVICES = `${BASE}/servizi`;
export const SERVICE = `${BASE}/servizio`;

/** The model's sections of a service page, in its order; the validator checks their labels and order in the index. */
const SECTIONS: readonly { readonly id: string; readonly title: MessageKey; readonly body: readonly MessageKey[] }[] = [
  { id: 'a-chi-si-rivolge', title: 'service.audience', body: ['service.audienceText'] },
  { id: 'come-fare', title: 'service.how', body: ['service.howText1', 'service.howText2', 'service.howText3'] },
  { id: 'cosa-serve', title: 'service.needs', body: ['service.needsText'] },
  { id: 'cosa-si-ottiene', title: 'service.outcome', body: ['service.outcomeText'] },
  { id: 'tempi-e-scadenze', title: 'service.times', body: ['service.timesText1', 'service.timesText2'] },
  { id: 'accedi-al-servizio', title: 'service.access', body: ['service.accessText'] },
  { id: 'condizioni-di-servizio', title: 'service.conditions', body: ['service.conditionsText'] },
  { id: 'contatti', title: 'service.contacts', body: ['service.contactsText'] },
];

/** "Servizi": the services this site offers, one card each. */
export const servicesPage: PageRenderer = () => ({
  title: t('services.title'),
  content: pageLayout(
    { title: t('services.title'), lead: t('services.lead') },
    h(
      'div',
      { class: 'row' },
      h(
        'div',
        { class: 'col-md-6' },
        h(
          'div',
          { class: 'card card-teaser shadow rounded p-4' },
          h('div', { class: 'card-body' }, [
            h('h2', { class: 'card-title h5' }, h('a', { href: SERVICE, 'data-element': 'service-link' }, t('service.title'))),
            h('p', { class: 'card-text' }, t('service.description')),
          ]),
        ),
      ),
    ),
  ),
});

/** The service's metadata, as the model's JSON-LD. */
function metadata(): HTMLScriptElement {
  const script = h('script', { type: 'application/ld+json', 'data-element': 'metatag' });
  script.textContent = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: t('service.title'),
    description: t('service.description'),
    serviceType: t('service.topic'),
    serviceOperator: { name: municipality },
    areaServed: { name: municipality },
    audience: { name: t('service.audienceShort') },
    availableChannel: { serviceUrl: `${location.origin}${BASE}/segnala`, serviceLocation: { name: t('service.urp') } },
  });
  return script;
}

/** The service page: what it is, for whom, how, what it needs and gives, its times, access, conditions and contacts. */
export const servicePage: PageRenderer = () => {
  const content = pageLayout(
    { title: t('service.title'), trail: [{ label: t('services.title'), href: SERVICES }] },
    h('p', { class: 'lead', 'data-element': 'service-description' }, t('service.description')),
    h('p', {}, h('span', { class: 'badge bg-success', 'data-element': 'service-status' }, t('service.status'))),
    h('p', {}, `${t('service.topicLabel')}: `, h('a', { href: `${BASE}/segnalazioni`, 'data-element': 'service-topic' }, t('service.topic'))),
    h(
      'nav',
      { 'aria-labelledby': 'indice-pagina' },
      h('h2', { class: 'h5', id: 'indice-pagina' }, t('service.index')),
      h(
        'ul',
        { 'data-element': 'page-index', class: 'link-list' },
        SECTIONS.map(({ id, title }) => h('li', {}, h('a', { href: `#${id}` }, h('span', {}, t(title))))),
      ),
    ),
    SECTIONS.map(({ id, title, body }) =>
      h('section', { class: 'mt-4', 'aria-labelledby': id }, [
        h('h2', { class: 'h4', id }, t(title)),
        body.map((key) => h('p', {}, t(key))),
        id === 'accedi-al-servizio' ? h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnala` }, t('nav.submit'))) : null,
        id === 'contatti'
          ? h('p', {}, `${t('service.areaLabel')}: `, h('a', { href: `${SERVICE}#contatti`, 'data-element': 'service-area' }, t('service.urp')))
          : null,
      ]),
    ),
    metadata(),
    ratingCard('service'),
  );
  content.querySelector('h1')?.setAttribute('data-element', 'service-title');
  return { title: t('service.title'), content };
};

/** "Note legali": the terms of the site's contents and data. */
export const legalNotesPage: PageRenderer = () => ({
  title: t('legal.title'),
  content: pageLayout(
    { title: t('legal.title') },
    (['legal.contents', 'legal.data', 'legal.software', 'legal.links'] as const).map((key) => h('p', {}, t(key, { municipality }))),
  ),
});

/** The accessibility statement, when the municipality links none of its own on AGID's form (`ACCESSIBILITY_STATEMENT_URL`). */
export const accessibilityPage: PageRenderer = () => ({
  title: t('accessibility.title'),
  content: pageLayout(
    { title: t('accessibility.title') },
    (['accessibility.conformance', 'accessibility.how', 'accessibility.feedback'] as const).map((key) => h('p', {}, t(key, { municipality }))),
    h('p', {}, h('a', { href: 'https://form.agid.gov.it/', rel: 'noopener' }, t('accessibility.agid'))),
  ),
});
