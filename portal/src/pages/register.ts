import { isLongEnoughPassword } from '../../../plugins/segnalazioni/server/src/accounts/domain/password';
import { api } from '../api';
import { inputField, showFormError, showProblems, whileBusy } from '../components/forms';
import { alertBox, liveRegion, pageLayout } from '../components/layout';
import { h, replaceChildren } from '../dom';
import { BASE, type PageRenderer } from '../router';
import { locale, t } from '../i18n';

/** Sends the confirmation mail again, for an address typed here or just registered. */
function resendForm(email = ''): HTMLFormElement {
  const address = inputField({ name: 'email', label: t('field.email'), type: 'email', autocomplete: 'email', required: true, value: email });
  const outcome = liveRegion();
  const submit = h('button', { type: 'submit', class: 'btn btn-outline-primary' }, t('register.resend'));
  const form = h('form', { novalidate: true }, outcome, email ? null : address.group, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await whileBusy(submit, t('forms.sending'), () => api.resendConfirmation(address.control.value.trim()));
      replaceChildren(outcome, alertBox('success', t('register.resent', { email: address.control.value.trim() })));
    } catch (error) {
      showFormError(form, outcome, error, t('forms.sendFailed'));
    }
  });
  return form;
}

function checkYourMail(email: string): HTMLElement {
  return h(
    'div',
    // Takes focus in place of the form it replaces.
    { tabindex: '-1' },
    alertBox('success', h('p', { class: 'fw-semibold mb-1' }, t('register.done')), h('p', { class: 'mb-0' }, t('register.doneText', { email }))),
    h('p', {}, t('register.noMail')),
    resendForm(email),
  );
}

export const registerPage: PageRenderer = () => {
  const firstName = inputField({ name: 'firstName', label: t('field.firstName'), autocomplete: 'given-name', required: true });
  const lastName = inputField({ name: 'lastName', label: t('field.lastName'), autocomplete: 'family-name', required: true });
  const email = inputField({ name: 'email', label: t('field.email'), type: 'email', autocomplete: 'email', required: true, hint: t('register.emailHint') });
  const password = inputField({
    name: 'password',
    label: t('field.password'),
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
    hint: t('register.passwordHint'),
  });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('register.title'));
  const form = h(
    'form',
    { novalidate: true, class: 'mt-4' },
    errors,
    h('div', { class: 'row' }, h('div', { class: 'col-md-6' }, firstName.group), h('div', { class: 'col-md-6' }, lastName.group)),
    email.group,
    password.group,
    submit,
  );
  const area = h('div', { class: 'col-md-10 col-lg-8' }, form);
  const resendSection = h(
    'section',
    { 'aria-labelledby': 'titolo-conferma', class: 'mt-5' },
    h('h2', { id: 'titolo-conferma', class: 'h5' }, t('register.notReceived')),
    h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, resendForm())),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      firstName: firstName.control.value.trim(),
      lastName: lastName.control.value.trim(),
      email: email.control.value.trim(),
      password: password.control.value,
      // The language the citizen reads the portal in is the one of their mails.
      language: locale(),
    };
    const missing = [
      !input.firstName && { field: 'firstName', message: t('register.missingFirstName') },
      !input.lastName && { field: 'lastName', message: t('register.missingLastName') },
      !email.control.checkValidity() || !input.email ? { field: 'email', message: t('auth.invalidEmail') } : false,
      !isLongEnoughPassword(input.password) && { field: 'password', message: t('register.shortPassword') },
    ].filter((problem): problem is { field: string; message: string } => Boolean(problem));
    if (missing.length > 0) {
      showProblems(form, errors, missing);
      return;
    }
    try {
      await whileBusy(submit, t('register.busy'), () => api.register(input));
      const done = checkYourMail(input.email);
      replaceChildren(area, done);
      resendSection.remove();
      done.focus();
    } catch (error) {
      showFormError(form, errors, error, t('register.failed'));
    }
  });

  return {
    title: t('register.title'),
    content: pageLayout(
      { title: t('register.title'), lead: t('register.lead') },
      h('div', { class: 'row' }, area),
      h('p', { class: 'mt-4' }, `${t('register.haveAccount')} `, h('a', { href: `${BASE}/accesso` }, t('login.title'))),
      resendSection,
    ),
  };
};
