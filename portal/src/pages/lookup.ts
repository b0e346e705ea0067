import { api, ApiError, type ReportStatusView } from '../api';
import { isReference } from '../../../plugins/segnalazioni/server/src/intake/domain/reference';
import { inputField, showFormError, showProblems, whileBusy } from '../components/forms';
import { detailsList, pageLayout } from '../components/layout';
import { replyStep, statusBadge, timeline } from '../components/report-parts';
import { h, replaceChildren } from '../dom';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { BASE, type PageRenderer } from '../router';

/** Where a report stands, as the lookup tells anyone with its reference. */
function statusView(found: ReportStatusView): HTMLElement {
  return h(
    'section',
    { class: 'mt-4', 'aria-labelledby': 'stato-trovato', tabindex: '-1' },
    h('h2', { class: 'h4', id: 'stato-trovato' }, t('lookup.found', { reference: found.reference }), ' ', statusBadge(found.status)),
    detailsList([
      [t('fact.protocol'), found.protocolNumber ?? t('fact.protocolPending')],
      [t('field.category'), found.category],
      [t('fact.submittedAt'), formatDateTime(found.submittedAt)],
      [t('fact.takenInChargeAt'), found.takenInChargeAt ? formatDateTime(found.takenInChargeAt) : t('fact.notYet')],
      [t('fact.closedAt'), found.closedAt ? formatDateTime(found.closedAt) : null],
    ]),
    found.published
      ? h(
          'p',
          {},
          h('a', { href: `${BASE}/segnalazioni/${encodeURIComponent(found.published.documentId)}` }, t('lookup.publicPage', { title: found.published.title })),
        )
      : h('p', {}, t('lookup.notPublished')),
    found.replies.length > 0 ? [h('h3', { class: 'h5' }, t('lookup.replies')), timeline(found.replies.map((reply) => replyStep(reply)))] : null,
  );
}

/**
 * "Stato di una segnalazione": anyone with a reference sees where the report stands, its dates,
 * protocol number and public replies; the address (`?riferimento=`) can be bookmarked or shared.
 */
export const lookupPage: PageRenderer = ({ query }) => {
  const reference = inputField({ name: 'reference', label: t('lookup.reference'), hint: t('lookup.referenceHint'), required: true, autocomplete: 'off' });
  reference.control.value = query.get('riferimento') ?? '';
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('lookup.submit'));
  const form = h('form', { novalidate: true, class: 'mt-4', role: 'search' }, errors, reference.group, submit);
  const result = h('div', { 'aria-live': 'polite' });

  const look = async () => {
    const asked = reference.control.value.trim().toUpperCase();
    if (!isReference(asked)) return showProblems(form, errors, [{ field: 'reference', message: t('lookup.badReference') }]);
    replaceChildren(errors);
    try {
      const found = await whileBusy(submit, t('forms.searching'), () => api.lookup(asked));
      history.replaceState(null, '', `${BASE}/stato?riferimento=${encodeURIComponent(asked)}`);
      const view = statusView(found);
      replaceChildren(result, view);
      view.focus();
    } catch (error) {
      replaceChildren(result);
      if (error instanceof ApiError && error.status === 404) showProblems(form, errors, [{ field: 'reference', message: t('lookup.notFound') }]);
      else showFormError(form, errors, error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void look();
  });

  return {
    title: t('lookup.title'),
    content: pageLayout(
      { title: t('lookup.title'), lead: t('lookup.lead') },
      h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, form)),
      result,
    ),
    mounted: () => {
      if (reference.control.value) void look();
    },
  };
};
