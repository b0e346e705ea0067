import { api } from '../api';
import { inputField, showFormError, showProblems, whileBusy } from '../components/forms';
import { alertBox, pageLayout } from '../components/layout';
import { h, replaceChildren } from '../dom';
import { BASE, type PageRenderer } from '../router';
import { t } from '../i18n';

/**
 * Asks for a link to choose a new password. The answer is the same whether the address has an
 * account or not: the server says nothing about it, and neither does this page.
 */
export const forgotPasswordPage: PageRenderer = () => {
  const email = inputField({ name: 'email', label: t('field.email'), type: 'email', autocomplete: 'email', required: true });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('forgot.submit'));
  const form = h('form', { novalidate: true, class: 'mt-4' }, errors, email.group, submit);
  const area = h('div', { class: 'col-md-8 col-lg-6' }, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = email.control.value.trim();
    if (!address || !email.control.checkValidity()) {
      showProblems(form, errors, [{ field: 'email', message: t('auth.invalidEmail') }]);
      return;
    }
    try {
      await whileBusy(submit, t('forms.sending'), () => api.forgotPassword(address));
      const done = h(
        'div',
        { tabindex: '-1' },
        alertBox('success', h('p', { class: 'fw-semibold mb-1' }, t('forgot.sent')), h('p', { class: 'mb-0' }, t('forgot.sentText', { email: address }))),
      );
      replaceChildren(area, done);
      done.focus();
    } catch (error) {
      showFormError(form, errors, error, t('forms.sendFailed'));
    }
  });

  return {
    title: t('forgot.title'),
    content: pageLayout(
      { title: t('forgot.title'), lead: t('forgot.lead') },
      h('div', { class: 'row' }, area),
      h('p', { class: 'mt-4' }, h('a', { href: `${BASE}/accesso` }, t('forgot.backToLogin'))),
    ),
  };
};
